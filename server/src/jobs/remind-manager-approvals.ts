import type { Task } from 'graphile-worker';
import { realClock } from '../clock.js';
import { remindApprovals } from '../modules/approvals/approval-reminders.js';
import { activeChannels } from '../modules/notifications/active-channels.js';
import type { TaskDependencies } from './task-dependencies.js';

/** Identifier of the task; the crontab runs it every hour. */
export const REMIND_MANAGER_APPROVALS = 'remind-manager-approvals';

/** Reminds line managers, once, of requests for approval still waiting halfway through. */
export function remindManagerApprovalsTask(deps: TaskDependencies): Task {
  return async (_payload, helpers) => {
    const now = (deps.now ?? realClock)();
    const reminded = await remindApprovals(deps.orm.em, activeChannels(deps.plugins), now);
    if (reminded) helpers.logger.info(`reminded ${reminded} managers of waiting approvals`);
  };
}
