import { existsSync } from 'node:fs';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t, { type Test } from 'tap';
import { sql } from './helpers/database.js';
import { freePort, spawnTandem, type TandemProcess } from './helpers/tandem-process.js';

/** Starts `tandem start --demo` on the data folder and waits until it serves. */
async function start(
  t: Test,
  dataDir: string,
): Promise<{ tandem: TandemProcess; port: number; url: string }> {
  const port = await freePort();
  const tandem = spawnTandem(t, ['start', '--demo'], {
    TANDEM_DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
  });
  const readyLine = await tandem.waitFor(/embedded PostgreSQL is ready/, 90_000);
  await tandem.waitFor(/Tandem is ready at/, 90_000);
  const password = (await readFile(join(dataDir, 'postgres.password'), 'utf8')).trim();
  // A development start logs human lines: "… embedded PostgreSQL is ready  port=54321".
  const databasePort = /port=(\d+)/.exec(readyLine)?.[1];
  if (!databasePort) throw new Error(`no port in ${readyLine}`);
  const url = `postgres://tandem:${password}@127.0.0.1:${databasePort}/tandem`;
  return { tandem, port, url };
}

async function people(url: string): Promise<number> {
  const [row] = await sql<{ count: string }>(url, 'SELECT count(*) FROM app_user');
  return Number(row?.count);
}

t.test(
  'the embedded database keeps its data across restarts and refuses a second instance',
  async (t) => {
    const dataDir = join(await mkdtemp(join(tmpdir(), 'tandem-embedded-')), 'data');
    await chmod(join(dataDir, '..'), 0o755);
    t.teardown(() => rm(join(dataDir, '..'), { recursive: true, force: true }));

    const first = await start(t, dataDir);
    t.equal(
      (await fetch(`http://127.0.0.1:${first.port}/health/ready`)).status,
      200,
      'ready on the embedded database',
    );
    t.equal(await people(first.url), 36, 'the demo organisation was seeded');

    const second = spawnTandem(t, ['start'], {
      TANDEM_DATA_DIR: dataDir,
      PORT: String(await freePort()),
    });
    t.equal((await second.exit).code, 1, 'a second instance on the same folder fails');
    t.match(
      second.stderr(),
      /^tandem: The data folder .* is in use by another Tandem process \(pid \d+\)\./,
    );
    t.equal(
      (await fetch(`http://127.0.0.1:${first.port}/health/ready`)).status,
      200,
      'and leaves the first one alone',
    );

    first.tandem.child.kill('SIGTERM');
    t.same(await first.tandem.exit, { code: 0, signal: null }, 'SIGTERM stops it cleanly', {
      output: first.tandem.output().slice(-3000),
    });
    t.notOk(existsSync(join(dataDir, 'postgres/postmaster.pid')), 'PostgreSQL stopped with it');

    const restarted = await start(t, dataDir);
    t.match(restarted.tandem.output(), /demo data already present/);
    t.equal(await people(restarted.url), 36, 'the data is still there and seeded only once');

    // A Tandem killed outright leaves its PostgreSQL running; the next start takes it over.
    restarted.tandem.child.kill('SIGKILL');
    await restarted.tandem.exit;
    const recovered = await start(t, dataDir);
    t.match(recovered.tandem.output(), /stopping a PostgreSQL left behind/);
    t.equal(await people(recovered.url), 36, 'nothing lost after a hard kill');
    recovered.tandem.child.kill('SIGTERM');
    t.same(await recovered.tandem.exit, { code: 0, signal: null }, 'and again after a takeover', {
      output: recovered.tandem.output().slice(-3000),
    });

    // PostgreSQL dying under a running Tandem stops Tandem with an error, not silently.
    const orphaned = await start(t, dataDir);
    const postmasterPid = Number(
      (await readFile(join(dataDir, 'postgres/postmaster.pid'), 'utf8')).split('\n')[0],
    );
    process.kill(postmasterPid, 'SIGQUIT');
    t.same(await orphaned.tandem.exit, { code: 1, signal: null }, 'exits 1 when PostgreSQL dies');
    t.match(orphaned.tandem.output(), /embedded PostgreSQL exited unexpectedly/);
  },
);
