import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The pages the web app's router has, read from the route files' `path: '…'` and
 * `import('../pages/….js')` entries: other engineers add pages while these tests are written,
 * and a test covers a page once its route and its page module exist. Reading the text keeps
 * the Lit pages out of the Node test process.
 */
const routerFolder = fileURLToPath(new URL('../../../web/src/router/', import.meta.url));

export function webRoutes(): { path: string; module: string }[] {
  return readdirSync(routerFolder)
    .filter((file) => file.endsWith('.ts'))
    .flatMap((file) => [
      ...readFileSync(join(routerFolder, file), 'utf8').matchAll(
        /\bpath:\s*'(\/[^']*)'[^}]*?import\('\.\.\/pages\/([\w-]+)\.js'\)/g,
      ),
    ])
    .map((match) => ({ path: match[1] ?? '', module: match[2] ?? '' }));
}

/** Whether the router has a route for `pattern` (spelt as in the route files: `/x/:id`) whose page exists. */
export function hasPage(pattern: string): boolean {
  return webRoutes().some(
    (route) =>
      route.path === pattern && existsSync(join(routerFolder, '..', 'pages', `${route.module}.ts`)),
  );
}
