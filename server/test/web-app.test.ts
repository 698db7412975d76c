import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t, { type Test } from 'tap';
import { buildTestApp } from './helpers/build-test-app.js';

async function builtApp(t: Test): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'tandem-web-'));
  t.teardown(() => rm(root, { recursive: true, force: true }));
  await mkdir(join(root, 'assets'));
  await writeFile(join(root, 'index.html'), '<!doctype html><tandem-app></tandem-app>');
  await writeFile(join(root, 'assets', 'index-abc123.js'), 'console.log("tandem")');
  await writeFile(join(root, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  return root;
}

t.test('the server serves the web app, and every page address opens it', async (t) => {
  const app = await buildTestApp(t, { env: { WEB_ROOT: await builtApp(t) } });

  for (const url of ['/', '/tandem', '/admin/programmes/7f0c/review?tab=unmatched']) {
    const page = await app.inject(url);
    t.equal(page.statusCode, 200, `${url} opens the app`);
    t.match(page.headers['content-type'], /text\/html/);
    t.match(page.body, /<tandem-app>/);
    t.equal(page.headers['cache-control'], 'no-cache', 'a new version reaches people at once');
  }

  const script = await app.inject('/assets/index-abc123.js');
  t.equal(script.statusCode, 200);
  t.match(script.headers['content-type'], /javascript/);
  t.match(script.headers['cache-control'], /max-age=31536000.*immutable/, 'hashed: cached a year');

  t.equal((await app.inject('/favicon.svg')).statusCode, 200);
});

t.test('server paths never answer with the app', async (t) => {
  const app = await buildTestApp(t, { env: { WEB_ROOT: await builtApp(t) } });
  for (const url of ['/api/nothing-here', '/auth/nothing', '/assets/missing.js', '/health/x']) {
    const response = await app.inject(url);
    t.equal(response.statusCode, 404, `${url}: 404`);
    t.notMatch(response.body, /<tandem-app>/);
  }
  const traversal = await app.inject('/assets/..%2f..%2f..%2fetc%2fpasswd');
  t.not(traversal.statusCode, 200, 'no file outside the web app');
  t.notMatch(traversal.body, /root:/);
});

t.test('without a build the server says how to make one', async (t) => {
  const app = await buildTestApp(t, { env: { WEB_ROOT: join(tmpdir(), 'tandem-no-build') } });
  const response = await app.inject('/');
  t.equal(response.statusCode, 200);
  t.match(response.body, /web app is not built\. Run `pnpm build`/);
});
