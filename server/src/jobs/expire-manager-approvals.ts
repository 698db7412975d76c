import type { Task } from 'graphile-worker';
import { realClock } from '../clock.js';
import { expireApprovals } from '../modules/approvals/expire-approvals.js';
import { activeChannels } from '../modules/notifications/active-channels.js';
import type { TaskDependencies } from './task-dependencies.js';

/** Identifier of the task; the crontab runs it every hour. */
export const EXPIRE_MANAGER_APPROVALS = 'expire-manager-approvals';

/** Ends the enrolments whose manager did not answer in time, and tells each person. */
export function expireManagerApprovalsTask(deps: TaskDependencies): Task {
  return async (_payload, helpers) => {
    const now = (deps.now ?? realClock)();
    const expired = await expireApprovals(deps.orm.em, activeChannels(deps.plugins), now);
    if (expired) helpers.logger.info(`expired ${expired} unanswered requests for approval`);
  };
}
