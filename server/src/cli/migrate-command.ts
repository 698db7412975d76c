import type { Config } from '../config.js';
import { openDatabase } from '../db/database.js';
import { migrateFor } from '../db/migrate.js';
import { createLogger } from '../logger.js';

/** `tandem migrate`: apply pending migrations and exit. */
export async function migrateCommand(config: Config): Promise<void> {
  const log = createLogger(config);
  const database = await openDatabase(config, log);
  try {
    const applied = await migrateFor(config, database.url, log);
    log.info(
      { applied: applied.length },
      applied.length ? 'migrations applied' : 'database already up to date',
    );
  } finally {
    await database.stop();
  }
}
