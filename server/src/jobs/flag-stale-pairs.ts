import type { Task } from 'graphile-worker';
import { flagStalePairs } from '../modules/pairs/stale-pairs.js';
import { meetingDependencies, type TaskDependencies } from './task-dependencies.js';

/** Identifier of the task; the crontab runs it every morning. */
export const FLAG_STALE_PAIRS = 'flag-stale-pairs';

/** Flags pairs without a sign of life for weeks and asks them whether to go on or rematch. */
export function flagStalePairsTask(deps: TaskDependencies): Task {
  return async (_payload, helpers) => {
    const flagged = await flagStalePairs(meetingDependencies(deps));
    if (flagged) helpers.logger.info(`flagged ${flagged} pairs without a session for weeks`);
  };
}
