import { runMigrations } from 'graphile-worker';
import pg from 'pg';
import type { Config } from '../config.js';
import { OperatorError } from '../errors.js';
import { graphileLogger } from '../jobs/graphile-logger.js';
import type { Log } from '../logger.js';
import { grantAppRole, roleOf } from './app-role.js';
import { openOrm } from './orm.js';

/** Key of the advisory lock that keeps two processes from migrating at the same time. */
const MIGRATION_LOCK = 7_310_001;

/**
 * Brings the database schema up to date: Tandem's own migrations, then graphile-worker's
 * (in its schema `graphile_worker`). Safe to run from several processes at once: they take
 * turns on an advisory lock, and the later ones find nothing left to do. With `appRole`, `url`
 * is the owner's and the app role is granted what it needs (see {@link grantAppRole}).
 */
export async function migrate(url: string, log: Log, appRole?: string): Promise<string[]> {
  const lock = new pg.Client({ connectionString: url });
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const orm = await openOrm(url);
    try {
      const applied = await orm.getMigrator().up().catch(explainDenied);
      // One line for the lot: a fresh database takes every migration at once.
      for (const { name } of applied) log.debug({ migration: name }, 'applied migration');
      if (applied.length)
        log.info(
          { last: applied.at(-1)?.name },
          `applied ${applied.length} database migration${applied.length === 1 ? '' : 's'}`,
        );
      await runMigrations({ connectionString: url, logger: graphileLogger(log) }).catch(
        explainDenied,
      );
      if (appRole) await grantAppRole(lock, appRole);
      return applied.map(({ name }) => name);
    } finally {
      await orm.close();
    }
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await lock.end();
  }
}

/** SQLSTATE insufficient_privilege: "permission denied for schema public" and the like. */
const PERMISSION_DENIED = '42501';

/**
 * A migration refused for lack of rights runs as the app role, which owns nothing: an upgrade
 * that skipped `tandem migrate` with the owner. Said so, instead of MikroORM's wrapped SQL error.
 */
function explainDenied(error: unknown): never {
  for (let cause = error; cause instanceof Error; cause = cause.cause)
    if ((cause as Error & { code?: unknown }).code === PERMISSION_DENIED)
      throw new OperatorError(
        `The database refused a migration (${cause.message.replace(/^[\s\S]* - /, '')}): this role may not change the schema. Run \`tandem migrate\` with MIGRATION_DATABASE_URL (the owner role) and DATABASE_URL (the app role) before starting the new version (docs/operators/security.md, "Two database roles").`,
      );
  throw error;
}

/**
 * Migrates the database the app connects to at `appUrl`: as the owner in
 * MIGRATION_DATABASE_URL when one is set, granting the app's role its privileges; else as the
 * app itself, the single-role install (embedded PostgreSQL, or one role for everything).
 */
export async function migrateFor(
  config: Pick<Config, 'migrationDatabaseUrl'>,
  appUrl: string,
  log: Log,
): Promise<string[]> {
  const ownerUrl = config.migrationDatabaseUrl;
  if (!ownerUrl) return migrate(appUrl, log);
  const [owner, app] = await Promise.all([roleOf(ownerUrl), roleOf(appUrl)]);
  return migrate(ownerUrl, log, owner === app ? undefined : app);
}

/** Names of Tandem migrations not yet applied to the database the ORM is connected to. */
export async function pendingMigrations(
  orm: Awaited<ReturnType<typeof openOrm>>,
): Promise<string[]> {
  return (await orm.getMigrator().getPendingMigrations()).map(({ name }) => name);
}
