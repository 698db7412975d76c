/**
 * A database of the benchmark's own on the PostgreSQL in DATABASE_URL (or the local default),
 * migrated like a test run's template (test/run.ts) and dropped at the end.
 */
import pg from 'pg';
import { migrate } from '../src/db/migrate.js';
import type { Log } from '../src/logger.js';

export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

export interface BenchDatabase {
  url: string;
  drop(): Promise<void>;
}

/** Fails with one line naming the server when PostgreSQL does not answer. */
async function checkReachable(adminUrl: string): Promise<void> {
  try {
    await sql(adminUrl, 'SELECT 1');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `PostgreSQL is not reachable at ${redacted(adminUrl)} (${reason}); set DATABASE_URL`,
    );
  }
}

/** Ends the benchmark `bench` with that one line when PostgreSQL does not answer. */
export async function reachableOrExit(bench: string, adminUrl: string): Promise<void> {
  try {
    await checkReachable(adminUrl);
  } catch (error) {
    console.error(`bench ${bench}: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
}

/** Creates and migrates `tandem_bench_<pid>`; `drop` removes it, connections and all. */
export async function createBenchDatabase(adminUrl: string, log: Log): Promise<BenchDatabase> {
  const name = `tandem_bench_${process.pid}`;
  await sql(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await sql(adminUrl, `CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const drop = () => sql(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  try {
    await migrate(url.toString(), log);
  } catch (error) {
    await drop();
    throw error;
  }
  return { url: url.toString(), drop };
}

async function sql(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** The URL without its password, for messages. */
function redacted(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}
