/**
 * Runs the whole test suite (`pnpm test`, extra arguments go to tap). One PostgreSQL serves
 * the run: the server in DATABASE_URL, or else an embedded one in a temporary folder. Into it
 * goes a template database with every migration applied; each test file then copies that
 * template into a database of its own (server/test/helpers/database.ts), so files run in
 * parallel without seeing each other's data.
 */
import { spawn } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { pino } from 'pino';
import { startEmbeddedPostgres } from '../server/src/db/embedded-postgres.js';
import { migrate } from '../server/src/db/migrate.js';

const log = pino({ name: 'test-run', level: 'warn' });
const prefix = `tandem_test_${process.pid}_`;
const template = `${prefix}template`;

const { url: adminUrl, stop } = await serverForRun();
let code = 1;
try {
  await query(adminUrl, `CREATE DATABASE ${template}`);
  await migrate(withDatabase(adminUrl, template), log);
  code = await tap(process.argv.slice(2), {
    TANDEM_TEST_DATABASE_URL: adminUrl,
    TANDEM_TEST_TEMPLATE: template,
    TANDEM_TEST_PREFIX: prefix,
  });
} finally {
  await dropRunDatabases(adminUrl);
  await stop();
}
process.exit(code);

async function serverForRun(): Promise<{ url: string; stop: () => Promise<void> }> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: async () => {} };
  const dir = await mkdtemp(join(tmpdir(), 'tandem-test-pg-'));
  await chmod(dir, 0o755); // reachable for the postgres user when the tests run as root
  const embedded = await startEmbeddedPostgres(dir, log);
  return {
    url: embedded.url,
    stop: async () => {
      await embedded.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

function tap(args: string[], env: Record<string, string>): Promise<number> {
  const bin = join(import.meta.dirname, '../node_modules/.bin/tap');
  const child = spawn(bin, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  // On Ctrl-C or SIGTERM let tap stop first, so that the databases are cleaned up after it.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  return new Promise((resolve) => child.on('exit', (exitCode) => resolve(exitCode ?? 1)));
}

/** Drops the template and whatever a crashed test file left behind. */
async function dropRunDatabases(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE datname LIKE $1',
      [`${prefix}%`],
    );
    for (const { datname } of rows)
      await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

async function query(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
