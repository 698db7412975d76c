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

/**
 * Adds one job of `task` per payload in a single statement (graphile-worker's `add_jobs`), as
 * publishing a lunch round of thousands of groups would otherwise wait on a round trip each.
 * The jobs run as soon as possible with graphile-worker's default attempts, like `enqueueJob`
 * without options.
 */
export async function enqueueJobs(
  em: EntityManager,
  task: string,
  payloads: readonly object[],
): Promise<void> {
  if (payloads.length === 0) return;
  await em.execute(
    `SELECT count(*) FROM graphile_worker.add_jobs(ARRAY(
       SELECT (?, payload, NULL, NULL, NULL, NULL, NULL, NULL)::graphile_worker.job_spec
         FROM json_array_elements(?::json) AS payload))`,
    [task, JSON.stringify(payloads)],
  );
}

/** Removes a job that has not started yet, e.g. the reminder of a cancelled meeting. */
export async function dequeueJob(em: EntityManager, jobKey: string): Promise<void> {
  await em.execute('SELECT graphile_worker.remove_job(?)', [jobKey]);
}

/** A keyed job to queue at `runAt` (replacing the job of its key), or to remove when `runAt` is undefined. */
export interface KeyedJob {
  task: string;
  payload: object;
  jobKey: string;
  runAt: Date | undefined;
}

/**
 * Queues or removes keyed jobs in one statement, in their order: each with a `runAt` as
 * `enqueueJob` queues it (graphile-worker's default attempts), each without as `dequeueJob`
 * removes its key. A meeting's reminders and follow-up are four jobs, and every round trip
 * costs a planned meeting about a millisecond of the worker's time.
 */
export async function setKeyedJobs(em: EntityManager, jobs: readonly KeyedJob[]): Promise<void> {
  if (jobs.length === 0) return;
  const rows = jobs.map(({ task, payload, jobKey, runAt }) => ({
    task,
    payload,
    key: jobKey,
    run_at: runAt?.toISOString() ?? null,
  }));
  await em.execute(
    `SELECT CASE WHEN j.run_at IS NULL THEN (graphile_worker.remove_job(j.key)).id
                 ELSE (graphile_worker.add_job(j.task, j.payload, run_at => j.run_at, job_key => j.key)).id END
       FROM json_to_recordset(?::json) AS j(task text, payload json, key text, run_at timestamptz)`,
    [JSON.stringify(rows)],
  );
}
