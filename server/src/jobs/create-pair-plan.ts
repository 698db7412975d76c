import type { Task } from 'graphile-worker';
import { createPairPlan } from '../modules/pairs/pair-plan.js';
import type { TaskDependencies } from './tasks.js';

/** Identifier of the task; its payload is `{ matchId }`. */
export const CREATE_PAIR_PLAN = 'create-pair-plan';

/**
 * Gives a newly published pair its plan. A job of its own per pair, so that a slow or failing
 * curriculum delays one pair's plan (and is retried) instead of the publishing.
 */
export function createPairPlanTask(deps: TaskDependencies): Task {
  return async (payload, helpers) => {
    const matchId = (payload as { matchId?: unknown } | null)?.matchId;
    if (typeof matchId !== 'string')
      throw new Error(`${CREATE_PAIR_PLAN} needs a payload { matchId }`);
    const sessions = await createPairPlan(
      { em: deps.orm.em, plugins: deps.plugins, log: deps.log.child({ job: helpers.job.id }) },
      matchId,
    );
    helpers.logger.info(`pair ${matchId} has a plan of ${sessions} sessions`);
  };
}
