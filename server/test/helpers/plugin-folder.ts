import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Test } from 'tap';

const sdk = join(import.meta.dirname, '../../../plugins/sdk');

/**
 * A plugin package in a temporary folder outside the workspace, as an author would have it:
 * package.json with `tandem.kind`, an ESM `index.js`, and @tandem/plugin-sdk installed from a
 * local path (a symlink, as `npm install /path/to/sdk` makes). Removed when the test ends.
 */
export async function writePluginFolder(
  t: Test,
  plugin: { packageName: string; kind: string; source: string },
): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'tandem-plugin-'));
  t.teardown(() => rm(folder, { recursive: true, force: true }));
  await writeFile(
    join(folder, 'package.json'),
    JSON.stringify({
      name: plugin.packageName,
      version: '1.0.0',
      type: 'module',
      main: 'index.js',
      tandem: { kind: plugin.kind },
    }),
  );
  await writeFile(join(folder, 'index.js'), plugin.source);
  await mkdir(join(folder, 'node_modules/@tandem'), { recursive: true });
  await symlink(sdk, join(folder, 'node_modules/@tandem/plugin-sdk'), 'dir');
  return folder;
}

/** Source of a small matching strategy; `extra` goes into the definition object. */
export function strategySource(name: string, extra = ''): string {
  return `import { defineMatchingStrategy, Type } from '@tandem/plugin-sdk';

export default defineMatchingStrategy({
  name: '${name}',
  version: '1.2.3',
  host: '>=0.1.0 <1.0.0',
  configSchema: Type.Object({ maxGroupSize: Type.Integer({ minimum: 2, default: 2 }), label: Type.String({ default: 'pairs' }) }),
  match: () => ({ groups: [], unmatched: [] }),
  ${extra}
});
`;
}
