import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { uuidPrimaryKey } from '../../db/common-properties.js';

/** What one sync did, in figures (also the audit event's data). */
export interface DirectorySyncCounts {
  entries: number;
  created: number;
  updated: number;
  unchanged: number;
  deactivated: number;
  reactivated: number;
  skipped: number;
  pairsDissolved: number;
}

/**
 * One directory sync that was not a dry run: when it ran, how it ended, what it did or why it
 * failed. `tandem doctor` and the metrics read the latest ones; each process sees every run,
 * whichever worker made it.
 */
export const DirectorySyncRun = defineEntity({
  name: 'DirectorySyncRun',
  tableName: 'directory_sync_run',
  indexes: [{ properties: ['finishedAt'] }],
  properties: {
    id: uuidPrimaryKey(),
    startedAt: p.datetime(),
    finishedAt: p.datetime(),
    outcome: p.enum(['ok', 'failed']),
    counts: p.json<Partial<DirectorySyncCounts>>().default('{}'),
    /** Why it failed, in one line; null when it went well. */
    error: p.text().nullable(),
  },
});
export type DirectorySyncRun = InferEntity<typeof DirectorySyncRun>;

/** How the directory sync stands: its last success and, when failing since, the failures. */
export interface DirectorySyncStatus {
  lastSuccess: DirectorySyncRun | null;
  /** The last run, when it failed. */
  lastFailure: DirectorySyncRun | null;
  /** When the failures began: the first failed run after the last success. */
  failingSince: Date | null;
  /** Failed runs ever recorded. */
  failures: number;
}

export async function recordSyncRun(
  em: EntityManager,
  run: Omit<DirectorySyncRun, 'id'>,
): Promise<void> {
  const fork = em.fork();
  fork.create(DirectorySyncRun, run);
  await fork.flush();
}

export async function directorySyncStatus(em: EntityManager): Promise<DirectorySyncStatus> {
  const fork = em.fork();
  const [lastSuccess, [last], failures] = await Promise.all([
    fork.findOne(DirectorySyncRun, { outcome: 'ok' }, { orderBy: { finishedAt: 'desc' } }),
    fork.findAll(DirectorySyncRun, { orderBy: { finishedAt: 'desc' }, limit: 1 }),
    fork.count(DirectorySyncRun, { outcome: 'failed' }),
  ]);
  const lastFailure = last?.outcome === 'failed' ? last : null;
  const firstFailure =
    lastFailure &&
    (await fork.findOne(
      DirectorySyncRun,
      {
        outcome: 'failed',
        ...(lastSuccess ? { finishedAt: { $gt: lastSuccess.finishedAt } } : {}),
      },
      { orderBy: { finishedAt: 'asc' } },
    ));
  return {
    lastSuccess,
    lastFailure,
    failingSince: firstFailure ? firstFailure.startedAt : null,
    failures,
  };
}
