/**
 * `pnpm plugins:pack`: builds @tandem/plugin-sdk and @tandem/plugin-testkit and packs each into
 * a versioned tarball in dist/packages/, the files a plugin author installs with plain npm or an
 * operator publishes to a registry (docs/plugins/publishing.md). `pnpm pack` replaces the
 * `workspace:` ranges with real versions and `publishConfig.exports` drops the repository-only
 * `tandem-source` condition; the script checks both, so a tarball that would only install inside
 * this checkout is never written silently. Prints one line per tarball: path and size.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';

const root = join(import.meta.dirname, '../..');
const destination = join(root, 'dist/packages');
const PACKAGES = ['plugins/sdk', 'plugins/testkit'];

await rm(destination, { recursive: true, force: true });
await mkdir(destination, { recursive: true });
execFileSync(join(root, 'node_modules/.bin/tsc'), ['-b', ...PACKAGES], {
  cwd: root,
  stdio: 'inherit',
});
for (const folder of PACKAGES) {
  const tarball = pack(join(root, folder));
  checkManifest(tarball);
  const { size } = await stat(tarball);
  console.log(`${tarball}  ${(size / 1024).toFixed(1)} kB`);
}

/** Packs one package with pnpm (on PATH: global, or `npx pnpm` puts it there) and returns the file. */
function pack(folder: string): string {
  const output = execFileSync('pnpm', ['pack', '--json', '--pack-destination', destination], {
    cwd: folder,
    encoding: 'utf8',
  });
  const { filename } = JSON.parse(output) as { filename: string };
  return filename;
}

/** Fails when the packed package.json still points into the workspace. */
function checkManifest(tarball: string): void {
  const manifest = execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], {
    encoding: 'utf8',
  });
  for (const leftover of ['workspace:', 'tandem-source'])
    if (manifest.includes(leftover))
      throw new Error(`${tarball}: its package.json still names "${leftover}"`);
}
