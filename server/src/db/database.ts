import pg from 'pg';
import type { Config } from '../config.js';
import { OperatorError } from '../errors.js';
import type { Log } from '../logger.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';

/** The PostgreSQL Tandem runs on: the server in DATABASE_URL, or its own embedded one. */
export interface Database {
  url: string;
  embedded: boolean;
  /** Stops the embedded server; a no-op for an external one. */
  stop(): Promise<void>;
  /** Resolves if the embedded server exits on its own; never for an external one. */
  exited: Promise<unknown>;
}

export async function openDatabase(config: Config, log: Log): Promise<Database> {
  if (!config.databaseUrl) {
    const embedded = await startEmbeddedPostgres(config.dataDir, log);
    return { ...embedded, embedded: true };
  }
  await assertReachable(config.databaseUrl);
  return {
    url: config.databaseUrl,
    embedded: false,
    stop: async () => {},
    exited: new Promise(() => {}),
  };
}

async function assertReachable(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
  } catch (error) {
    throw new OperatorError(
      `Cannot connect to DATABASE_URL (${redact(url)}): ${(error as Error).message}`,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The URL without its password, for messages and logs. */
export function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}
