import { pendingMigrations } from '../db/migrate.js';
import type { MikroORM } from '../db/orm.js';

export type CheckResult = { ok: true } | { ok: false; reason: string };

export interface Readiness {
  ready: boolean;
  checks: { database: CheckResult; migrations: CheckResult };
}

const CHECK_TIMEOUT_MS = 3000;

/**
 * Whether this process can serve: the database answers and every migration is applied.
 * Once migrations were found applied they stay so for the life of the process, so later
 * probes only ask the database whether it is up.
 */
export function readinessProbe(orm: MikroORM): () => Promise<Readiness> {
  let migrated = false;

  const database = async (): Promise<CheckResult> => {
    const result = await withTimeout(orm.checkConnection(), 'database did not answer in time');
    return result.ok ? { ok: true } : { ok: false, reason: result.reason };
  };

  const migrations = async (): Promise<CheckResult> => {
    if (migrated) return { ok: true };
    const pending = await withTimeout(
      pendingMigrations(orm),
      'migration table did not answer in time',
    );
    if (!Array.isArray(pending)) return pending;
    migrated = pending.length === 0;
    return migrated
      ? { ok: true }
      : { ok: false, reason: `pending migrations: ${pending.join(', ')}` };
  };

  return async () => {
    const db = await database();
    const checks = {
      database: db,
      migrations: db.ok
        ? await migrations().catch(failed)
        : { ok: false as const, reason: 'database unavailable' },
    };
    return { ready: checks.database.ok && checks.migrations.ok, checks };
  };
}

function failed(error: unknown): CheckResult {
  return { ok: false, reason: error instanceof Error ? error.message : String(error) };
}

async function withTimeout<T>(
  promise: Promise<T>,
  reason: string,
): Promise<T | { ok: false; reason: string }> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<{ ok: false; reason: string }>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, reason }), CHECK_TIMEOUT_MS);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
