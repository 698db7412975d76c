import type { Task } from 'graphile-worker';
import { seedPairGoals } from '../modules/evaluation/pair-goal-seeding.js';
import { planNextMeeting } from '../modules/meetings/meeting-planner.js';
import { createPairPlan } from '../modules/pairs/pair-plan.js';
import { meetingDependencies, type TaskDependencies } from './task-dependencies.js';

/** Identifier of the task; its payload is `{ matchId }`. */
export const CREATE_PAIR_PLAN = 'create-pair-plan';

/**
 * Gives a newly published pair its goals from enrolment and its plan, and plans (and sends the
 * invitation to) its first meeting. A job of its own per pair, so that a slow or failing curriculum delays one pair's
 * plan (and is retried) instead of the publishing; a retry keeps what is done.
 */
export function createPairPlanTask(deps: TaskDependencies): Task {
  return async (payload, helpers) => {
    const matchId = (payload as { matchId?: unknown } | null)?.matchId;
    if (typeof matchId !== 'string')
      throw new Error(`${CREATE_PAIR_PLAN} needs a payload { matchId }`);
    // Before the plan, so that a slow or failing curriculum does not hold the goals back.
    const goals = await seedPairGoals(deps.orm.em, matchId);
    if (goals) helpers.logger.info(`pair ${matchId} has ${goals} goals from enrolment`);
    const sessions = await createPairPlan(
      { em: deps.orm.em, plugins: deps.plugins, log: deps.log.child({ job: helpers.job.id }) },
      matchId,
    );
    helpers.logger.info(`pair ${matchId} has a plan of ${sessions} sessions`);
    const meeting = await planNextMeeting(meetingDependencies(deps), matchId);
    if (meeting)
      helpers.logger.info(`pair ${matchId} meets first on ${meeting.startsAt.toISOString()}`);
  };
}
