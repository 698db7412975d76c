import type { EntityManager } from '@mikro-orm/postgresql';

export interface EnqueueOptions {
  /** Not before this time; now when left out. */
  runAt?: Date;
  /** A job with the same key is replaced: its payload and time are updated, never doubled. */
  jobKey?: string;
  /** Tries before graphile-worker gives up; its default (25) when left out. */
  maxAttempts?: number;
}

/**
 * Adds a background job through the given entity manager, so inside a transaction the job
 * exists only if the change that caused it commits: a rolled-back change sends nothing.
 */
export async function enqueueJob(
  em: EntityManager,
  task: string,
  payload: object,
  { runAt, jobKey, maxAttempts }: EnqueueOptions = {},
): Promise<void> {
  await em.execute(
    'SELECT graphile_worker.add_job(?, ?::json, run_at => ?::timestamptz, job_key => ?, max_attempts => ?)',
    [task, JSON.stringify(payload), runAt ?? null, jobKey ?? null, maxAttempts ?? null],
  );
}

/** Removes a job that has not started yet, e.g. the reminder of a cancelled meeting. */
export async function dequeueJob(em: EntityManager, jobKey: string): Promise<void> {
  await em.execute('SELECT graphile_worker.remove_job(?)', [jobKey]);
}
