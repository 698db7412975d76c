import { type Runner, run, type TaskList } from 'graphile-worker';
import type { Log } from '../logger.js';
import { graphileLogger } from './graphile-logger.js';
import { tasks } from './tasks.js';

export interface WorkerOptions {
  databaseUrl: string;
  concurrency: number;
  log: Log;
  /** Defaults to every task Tandem has; tests pass their own. */
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
  taskList = tasks,
}: WorkerOptions): Promise<Runner> {
  return run({
    connectionString: databaseUrl,
    concurrency,
    taskList,
    noHandleSignals: true,
    // Recurring work is registered in code as features add it, never read from a crontab file.
    parsedCronItems: [],
    // Without batching, 0.17 marks a job complete without awaiting it, so a job that finishes
    // during shutdown stays locked for hours. A batch is flushed before the pool closes.
    preset: { worker: { completeJobBatchDelay: 0, failJobBatchDelay: 0 } },
    logger: graphileLogger(log),
  });
}
