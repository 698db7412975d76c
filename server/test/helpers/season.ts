import type { FastifyInstance } from 'fastify';
import { runOnce, type TaskList } from 'graphile-worker';
import pg from 'pg';
import type { Clock } from '../../src/clock.js';
import { loadConfig } from '../../src/config.js';
import { graphileLogger } from '../../src/jobs/graphile-logger.js';
import { taskSettings } from '../../src/jobs/task-dependencies.js';
import { taskList } from '../../src/jobs/tasks.js';
import type { Log } from '../../src/logger.js';
import { createMetrics } from '../../src/metrics/metrics.js';

/** A clock that stands still until the season moves it on. */
export interface SeasonClock {
  now: Clock;
  /** Moves the clock to `to`; never backwards. */
  advance(to: Date): void;
}

export function seasonClock(start: Date): SeasonClock {
  let at = start.getTime();
  return {
    now: () => new Date(at),
    advance: (to) => {
      at = Math.max(at, to.getTime());
    },
  };
}

/** Whoever owns the season: a tap test, or a benchmark that runs its own teardowns. */
export interface SeasonOwner {
  teardown(fn: () => unknown): void;
}

export interface SeasonOptions {
  /**
   * Jobs run at once in each round (default 1: one after the other, as the tests expect). A
   * benchmark with a thousand pairs runs hundreds of jobs per round, most of them waiting on
   * PostgreSQL or the SMTP server.
   */
  concurrency?: number;
}

export interface Season {
  clock: SeasonClock;
  /** How many jobs ran so far, by task. */
  readonly jobs: Readonly<Record<string, number>>;
  /**
   * Runs every job due up to `until`, in the order of their times: the clock jumps to the
   * earliest job not yet run, that job and everything due with it run through graphile-worker
   * with Tandem's real tasks, and so on. Returns how many rounds it took.
   */
  runUntil(until: Date): Promise<number>;
}

/**
 * Runs the app's background jobs on a simulated clock instead of a worker on the real one: a
 * job queued for next month runs as soon as the season reaches next month. Jobs queued for
 * "now" (deliveries) carry the database's real time, which lies behind the simulated clock, so
 * they run at once. The app must be built with `now: clock.now`, so that its routes answer at
 * the season's time too. A job that fails stops the season with its error.
 */
export function startSeason(
  t: SeasonOwner,
  app: FastifyInstance,
  clock: SeasonClock,
  env: Record<string, string>,
  databaseUrl: string,
  { concurrency = 1 }: SeasonOptions = {},
): Season {
  const log = app.log as Log;
  const jobs: Record<string, number> = {};
  const tasks = taskList({
    settings: taskSettings(loadConfig({ NODE_ENV: 'test', ...env })),
    orm: app.orm,
    plugins: app.plugins,
    log,
    metrics: createMetrics(),
    now: clock.now,
  });
  const countedTasks = counted(jobs, tasks);
  // A connection per job at once, and a few for the season's own queries and the worker's.
  const pool = new pg.Pool({ connectionString: databaseUrl, max: concurrency + 3 });
  // Without a listener, an idle connection's error would end the test process.
  const failed = (error: Error) => log.warn({ err: error }, 'season pool connection failed');
  pool.on('error', failed);
  // graphile-worker warns on every run when a pool has no listener for its clients' errors.
  pool.on('connect', (client) => client.on('error', failed));
  t.teardown(() => pool.end());
  const query = async <R extends pg.QueryResultRow>(sql: string, params: unknown[] = []) =>
    (await pool.query<R>(sql, params)).rows;
  return {
    clock,
    jobs,
    async runUntil(until) {
      let rounds = 0;
      for (;;) {
        const [failed] = await query<{ task: string; error: string }>(
          `SELECT t.identifier AS task, j.last_error AS error FROM graphile_worker._private_jobs j
             JOIN graphile_worker._private_tasks t ON t.id = j.task_id WHERE j.last_error IS NOT NULL
             LIMIT 1`,
        );
        if (failed) throw new Error(`job ${failed.task} failed: ${failed.error}`);
        const [next] = await query<{ run_at: Date }>(
          'SELECT min(run_at) AS run_at FROM graphile_worker._private_jobs WHERE locked_at IS NULL',
        );
        const due = next?.run_at;
        if (!due || due > until) break;
        clock.advance(due);
        // Everything due by the simulated clock is due now for the worker.
        await query(
          'UPDATE graphile_worker._private_jobs SET run_at = now() WHERE run_at <= $1 AND run_at > now()',
          [clock.now()],
        );
        await runOnce({
          pgPool: pool,
          taskList: countedTasks,
          concurrency,
          noHandleSignals: true,
          parsedCronItems: [],
          preset: { worker: { completeJobBatchDelay: 0, failJobBatchDelay: 0 } },
          logger: graphileLogger(log),
        });
        rounds++;
      }
      clock.advance(until);
      return rounds;
    },
  };
}

/** The task list with each task counting its runs into `jobs`. */
function counted(jobs: Record<string, number>, tasks: TaskList): TaskList {
  const wrapped: TaskList = {};
  for (const [name, task] of Object.entries(tasks)) {
    if (!task) continue;
    wrapped[name] = (payload, helpers) => {
      jobs[name] = (jobs[name] ?? 0) + 1;
      return task(payload, helpers);
    };
  }
  return wrapped;
}
