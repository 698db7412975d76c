import type { Task } from 'graphile-worker';
import { startDueLunchRounds } from '../modules/matching/lunch-rounds.js';
import type { TaskDependencies } from './task-dependencies.js';

/** Identifier of the task; the crontab runs it every morning. */
export const START_LUNCH_ROUNDS = 'start-lunch-rounds';

/** Starts the next round of each lunch programme whose round is due. */
export function startLunchRoundsTask(deps: TaskDependencies): Task {
  return async (_payload, helpers) => {
    const started = await startDueLunchRounds(deps.orm.em);
    if (started.length) helpers.logger.info(`new lunch rounds in ${started.length} programmes`);
  };
}
