import { type Runner, run, type TaskList } from 'graphile-worker';
import type { Log } from '../logger.js';
import { graphileLogger } from './graphile-logger.js';
import type { TaskDependencies } from './task-dependencies.js';
import { crontab, taskList as defaultTaskList } from './tasks.js';
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
  const runner = await run({
    connectionString: databaseUrl,
    concurrency,
    taskList: taskList ?? defaultTaskList(deps),
    noHandleSignals: true,
    // The crontab is code (tasks.ts), never read from a file in the working directory.
    ...(taskList ? { parsedCronItems: [] } : { crontab }),
    preset: {
      plugins: [liveness.plugin()],
      // Without batching, 0.17 marks a job complete without awaiting it, so a job that finishes
      // during shutdown stays locked for hours. A batch is flushed before the pool closes.
      worker: { completeJobBatchDelay: 0, failJobBatchDelay: 0 },
    },
    logger: graphileLogger(log),
  }).catch(async (error: unknown) => {
    await liveness.stop();
    throw error;
  });
  return withLiveness(runner, liveness);
}

/** The runner, letting the liveness lock go only once its jobs are finished or given back. */
function withLiveness(runner: Runner, liveness: PoolLiveness): Runner {
  const release = () => liveness.stop();
  void runner.promise.then(release, release);
  return {
    ...runner,
    stop: (reason) => {
      liveness.shutDown();
      return runner.stop(reason).finally(release);
    },
    kill: (reason) => {
      liveness.shutDown();
      return runner.kill(reason).finally(release);
    },
  };
}
