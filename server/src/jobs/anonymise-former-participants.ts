import type { Task } from 'graphile-worker';
import { anonymiseFormerParticipants } from '../modules/privacy/retention.js';
import { meetingDependencies, type TaskDependencies } from './task-dependencies.js';

/** Identifier of the task; the crontab runs it every night. */
export const ANONYMISE_FORMER_PARTICIPANTS = 'anonymise-former-participants';

/**
 * Anonymises the people of programmes closed longer than RETENTION_CLOSED_PROGRAMME_DAYS, and
 * leavers deactivated longer than RETENTION_LEAVER_DAYS.
 */
export function anonymiseFormerParticipantsTask(deps: TaskDependencies): Task {
  return async (_payload, helpers) => {
    const { retentionClosedProgrammeDays, retentionLeaverDays, noteKeyring } = deps.settings;
    const count = await anonymiseFormerParticipants(meetingDependencies(deps), noteKeyring, {
      closedProgramme: retentionClosedProgrammeDays,
      leaver: retentionLeaverDays,
    });
    if (count) helpers.logger.info(`anonymised ${count} former participants and leavers`);
  };
}
