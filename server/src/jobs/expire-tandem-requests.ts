import type { Task } from 'graphile-worker';
import { realClock } from '../clock.js';
import { expireRequests } from '../modules/self-service/expire-requests.js';
import type { TaskDependencies } from './task-dependencies.js';

/** Identifier of the task; the crontab runs it every hour. */
export const EXPIRE_TANDEM_REQUESTS = 'expire-tandem-requests';

/** Expires the self-service requests nobody answered in time and tells their askers. */
export function expireTandemRequestsTask(deps: TaskDependencies): Task {
  return async (_payload, helpers) => {
    const expired = await expireRequests(deps.orm.em, deps.plugins, (deps.now ?? realClock)());
    if (expired) helpers.logger.info(`expired ${expired} unanswered tandem requests`);
  };
}
