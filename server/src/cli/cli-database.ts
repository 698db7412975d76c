import type { Config } from '../config.js';
import { openDatabase } from '../db/database.js';
import { migrateFor } from '../db/migrate.js';
import { openOrm } from '../db/orm.js';
import { createLogger } from '../logger.js';

export type Orm = Awaited<ReturnType<typeof openOrm>>;

/**
 * Runs an administrative command against the database (embedded unless DATABASE_URL), brought
 * up to date first as `tandem start` would, and closes everything afterwards.
 */
export async function withDatabase<T>(config: Config, run: (orm: Orm) => Promise<T>): Promise<T> {
  // Only warnings: the command's own output is what the operator reads.
  const log = createLogger({ logLevel: config.logLevel === 'info' ? 'warn' : config.logLevel });
  const database = await openDatabase(config, log);
  try {
    await migrateFor(config, database.url, log);
    const orm = await openOrm(database.url);
    try {
      return await run(orm);
    } finally {
      await orm.close();
    }
  } finally {
    await database.stop();
  }
}
