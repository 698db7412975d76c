import { type Runner, run, type TaskList } from 'graphile-worker';
import pg from 'pg';
import type { Log } from '../logger.js';
import { graphileLogger } from './graphile-logger.js';
import { type ReplyMailboxReader, startReplyMailbox } from './reply-mailbox.js';
import { meetingDependencies, type TaskDependencies } from './task-dependencies.js';
import { crontabFor, taskList as defaultTaskList } from './tasks.js';
import { PoolLiveness } from './worker-liveness.js';

export interface WorkerOptions {
  databaseUrl: string;
  concurrency: number;
  log: Log;
  deps: TaskDependencies;
  /** Defaults to every task Tandem has, on its crontab; tests pass their own, without cron. */
  taskList?: TaskList;
}

/**
 * Starts a graphile-worker runner on the database. It installs no signal handlers: the
 * process's shutdown calls `runner.stop()`, which lets running jobs finish. Its pool holds a
 * liveness lock while it runs and frees the jobs of pools that died (see {@link PoolLiveness}).
 */
export async function startWorker({
  databaseUrl,
  concurrency,
  log,
  deps,
  taskList,
}: WorkerOptions): Promise<Runner> {
  const liveness = new PoolLiveness({ databaseUrl, log: log.child({ component: 'liveness' }) });
  const pool = workerPool(databaseUrl, concurrency, log);
  let released: Promise<void> | undefined;
  const release = () => {
    released ??= liveness.stop().then(() => endPool(pool, log));
    return released;
  };
  const runner = await run({
    pgPool: pool,
    concurrency,
    taskList: taskList ?? defaultTaskList(deps),
    noHandleSignals: true,
    // The crontab is code (tasks.ts), never read from a file in the working directory.
    ...(taskList ? { parsedCronItems: [] } : { crontab: crontabFor(deps.settings) }),
    preset: {
      plugins: [liveness.plugin()],
      // Without batching, 0.17 marks a job complete without awaiting it, so a job that finishes
      // during shutdown stays locked for hours. A batch is flushed before the pool closes.
      worker: {
        completeJobBatchDelay: 0,
        failJobBatchDelay: 0,
        // The pool locks its workers' next jobs in one query rather than one query per job,
        // which the deliveries' small jobs felt: about 0.2 ms of CPU per message in this process
        // alone, and a round trip (pnpm bench invitations). Twice the concurrency keeps each
        // worker's next job at hand without holding many back from other pools.
        localQueue: { size: concurrency * 2 },
      },
    },
    logger: graphileLogger(log),
  }).catch(async (error: unknown) => {
    await release();
    throw error;
  });
  runner.events.on('job:failed', ({ job }) =>
    deps.metrics.jobsFailed.inc({ task: job.task_identifier }),
  );
  const mailbox = deps.settings.replyMailbox;
  const reader =
    mailbox &&
    startReplyMailbox(
      mailbox,
      meetingDependencies(deps),
      log.child({ component: 'reply-mailbox' }),
    );
  return withRelease(runner, liveness, release, reader);
}

/**
 * The worker's own connection pool. graphile-worker 0.17 ends a pool it made without waiting
 * for it, and not at all when stopping the worker pool fails (it logs and carries on): the
 * connections outlive `runner.stop()`, and a database dropped or restarted later kills them
 * under a process that thinks it has stopped. A pool we own, we end and await in every case.
 */
function workerPool(databaseUrl: string, concurrency: number, log: Log): pg.Pool {
  // One connection per concurrent job, one for LISTEN, one for cron and housekeeping.
  const pool = new pg.Pool({ connectionString: databaseUrl, max: concurrency + 2 });
  // Without these, a connection that fails (the database restarts) throws out of the process;
  // pg raises the error again to whoever uses a checked-out client next.
  pool.on('error', (error) => log.warn({ err: error }, 'idle worker connection failed'));
  pool.on('connect', (client) => {
    client.on('error', (error) => log.warn({ err: error }, 'worker connection failed'));
  });
  return pool;
}

/** Ends the pool, waiting a few seconds at most for connections still in use. */
async function endPool(pool: pg.Pool, log: Log): Promise<void> {
  if (pool.ending) return;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), 5000);
  });
  const outcome = await Promise.race([pool.end().catch(() => 'failed' as const), timeout]);
  clearTimeout(timer);
  if (outcome)
    log.warn({ outcome, inUse: pool.totalCount }, 'worker connections not closed cleanly');
}

/**
 * The runner, letting the liveness lock and the connections go only once its jobs are finished
 * or given back. On stop, the reply mailbox reader stops first: its answers use the ORM the
 * caller closes after the runner. A kill does not wait for it.
 */
function withRelease(
  runner: Runner,
  liveness: PoolLiveness,
  release: () => Promise<void>,
  reader: ReplyMailboxReader | undefined,
): Runner {
  void runner.promise.then(release, release);
  return {
    ...runner,
    stop: async (reason) => {
      liveness.shutDown();
      await reader?.stop();
      return runner.stop(reason).finally(release);
    },
    kill: async (reason) => {
      liveness.shutDown();
      // Killing waits for nothing: the reader ends its sweep (or not) on its own.
      void reader?.stop();
      return runner.kill(reason).finally(release);
    },
  };
}
