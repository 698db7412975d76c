import type { Task } from 'graphile-worker';
import { realClock } from '../clock.js';
import { rematchAtOnce } from '../modules/matching/rematch-at-once.js';
import type { TaskDependencies } from './task-dependencies.js';

/** Identifier of the task; its payload is `{ programmeId, enrolmentIds }`. */
export const REMATCH = 'rematch';

/** Finds new partners at once for the two of a dissolved pair (programmes that want it). */
export function rematchTask(deps: TaskDependencies): Task {
  return async (payload, helpers) => {
    const { programmeId, enrolmentIds } = (payload ?? {}) as {
      programmeId?: unknown;
      enrolmentIds?: unknown;
    };
    if (typeof programmeId !== 'string' || !Array.isArray(enrolmentIds))
      throw new Error(`${REMATCH} needs a payload { programmeId, enrolmentIds }`);
    const pairs = await rematchAtOnce(
      {
        orm: deps.orm,
        plugins: deps.plugins,
        log: deps.log.child({ job: helpers.job.id, task: REMATCH }),
        timeLimitMs: deps.settings.matchingTimeLimitMs,
        now: deps.now ?? realClock,
      },
      programmeId,
      enrolmentIds.filter((id): id is string => typeof id === 'string'),
    );
    helpers.logger.info(`rematched at once: ${pairs} new pairs`);
  };
}
