import type { Task } from 'graphile-worker';
import { realClock } from '../clock.js';
import { executeMatchingRun } from '../modules/matching/execute-matching-run.js';
import type { TaskDependencies } from './task-dependencies.js';

/** Identifier of the task; its payload is `{ runId }`. */
export const RUN_MATCHING = 'run-matching';

/** Runs one matching run, queued by an admin; the run row records how it ended. */
export function runMatching(deps: TaskDependencies): Task {
  return async (payload, helpers) => {
    const runId = (payload as { runId?: unknown } | null)?.runId;
    if (typeof runId !== 'string') throw new Error(`${RUN_MATCHING} needs a payload { runId }`);
    await executeMatchingRun(
      {
        orm: deps.orm,
        plugins: deps.plugins,
        log: deps.log.child({ job: helpers.job.id, task: RUN_MATCHING }),
        timeLimitMs: deps.settings.matchingTimeLimitMs,
        metrics: deps.metrics,
        now: deps.now ?? realClock,
      },
      runId,
    );
  };
}
