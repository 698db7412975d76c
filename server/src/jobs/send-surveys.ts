import type { Task } from 'graphile-worker';
import { realClock } from '../clock.js';
import { activeChannels } from '../modules/notifications/active-channels.js';
import { sendSurveys } from '../modules/surveys/survey-sending.js';
import type { TaskDependencies } from './task-dependencies.js';

/** Identifier of the task; the crontab runs it every hour. */
export const SEND_SURVEYS = 'send-surveys';

/** Invites to the surveys that are due and reminds, once, whoever has not answered. */
export function sendSurveysTask(deps: TaskDependencies): Task {
  return async (_payload, helpers) => {
    const now = (deps.now ?? realClock)();
    const { invited, reminded } = await sendSurveys(deps.orm.em, activeChannels(deps.plugins), now);
    if (invited || reminded)
      helpers.logger.info(`surveys: ${invited} invitations, ${reminded} reminders`);
  };
}
