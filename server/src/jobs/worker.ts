import { type Runner, run, type TaskList } from 'graphile-worker';
import type { Log } from '../logger.js';
import { graphileLogger } from './graphile-logger.js';
import type { TaskDependencies } from './task-dependencies.js';
import { crontab, taskList as defaultTaskList } from './tasks.js';

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
 * process's shutdown calls `runner.stop()`, which lets running jobs finish.
 */
export function startWorker({
  databaseUrl,
  concurrency,
  log,
  deps,
  taskList,
}: WorkerOptions): Promise<Runner> {
  return run({
    connectionString: databaseUrl,
    concurrency,
    taskList: taskList ?? defaultTaskList(deps),
    noHandleSignals: true,
    // The crontab is code (tasks.ts), never read from a file in the working directory.
    ...(taskList ? { parsedCronItems: [] } : { crontab }),
    // Without batching, 0.17 marks a job complete without awaiting it, so a job that finishes
    // during shutdown stays locked for hours. A batch is flushed before the pool closes.
    preset: { worker: { completeJobBatchDelay: 0, failJobBatchDelay: 0 } },
    logger: graphileLogger(log),
  });
}
