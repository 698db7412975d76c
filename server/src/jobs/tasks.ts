import type { Task } from 'graphile-worker';
import { LUNCH_ROUND_TIME } from '../modules/matching/lunch-rounds.js';
import {
  ANONYMISE_FORMER_PARTICIPANTS,
  anonymiseFormerParticipantsTask,
} from './anonymise-former-participants.js';
import { CREATE_PAIR_PLAN, createPairPlanTask } from './create-pair-plan.js';
import { DELIVER_NOTIFICATION, deliverNotificationTask } from './deliver-notification.js';
import {
  EXPIRE_MANAGER_APPROVALS,
  expireManagerApprovalsTask,
} from './expire-manager-approvals.js';
import { EXPIRE_TANDEM_REQUESTS, expireTandemRequestsTask } from './expire-tandem-requests.js';
import { FLAG_STALE_PAIRS, flagStalePairsTask } from './flag-stale-pairs.js';
import { HOMEWORK_REMINDER, homeworkReminderTask } from './homework-reminder.js';
import { MEETING_FOLLOW_UP, meetingFollowUpTask } from './meeting-follow-up.js';
import { MEETING_NUDGE, meetingNudgeTask } from './meeting-nudge.js';
import { MEETING_REMINDER, meetingReminderTask } from './meeting-reminder.js';
import { PURGE_AUDIT_EVENTS, purgeAuditEvents } from './purge-audit-events.js';
import { PURGE_EXPIRED_AUTH, purgeExpiredAuth } from './purge-expired-auth.js';
import { PURGE_PLUGIN_STORE, purgePluginStore } from './purge-plugin-store.js';
import { REMATCH, rematchTask } from './rematch.js';
import {
  REMIND_MANAGER_APPROVALS,
  remindManagerApprovalsTask,
} from './remind-manager-approvals.js';
import { RUN_MATCHING, runMatching } from './run-matching.js';
import { SEND_SURVEYS, sendSurveysTask } from './send-surveys.js';
import { START_LUNCH_ROUNDS, startLunchRoundsTask } from './start-lunch-rounds.js';
import { SYNC_DIRECTORY, syncDirectoryTask } from './sync-directory.js';
import type { TaskDependencies, TaskSettings } from './task-dependencies.js';

/**
 * The identifier of every background task; taskList must have exactly these (the compiler
 * checks), and the job gauges report each of them, 0 before its first job.
 */
export const TASKS = [
  PURGE_EXPIRED_AUTH,
  PURGE_PLUGIN_STORE,
  PURGE_AUDIT_EVENTS,
  RUN_MATCHING,
  CREATE_PAIR_PLAN,
  FLAG_STALE_PAIRS,
  EXPIRE_TANDEM_REQUESTS,
  REMIND_MANAGER_APPROVALS,
  EXPIRE_MANAGER_APPROVALS,
  REMATCH,
  DELIVER_NOTIFICATION,
  MEETING_REMINDER,
  MEETING_FOLLOW_UP,
  MEETING_NUDGE,
  HOMEWORK_REMINDER,
  START_LUNCH_ROUNDS,
  ANONYMISE_FORMER_PARTICIPANTS,
  SYNC_DIRECTORY,
  SEND_SURVEYS,
] as const;

/** Every background task, by identifier; one task per file in this folder. */
export function taskList(deps: TaskDependencies): Record<(typeof TASKS)[number], Task> {
  return {
    [PURGE_EXPIRED_AUTH]: purgeExpiredAuth(deps.settings.sessionIdleTimeoutMs),
    [PURGE_PLUGIN_STORE]: purgePluginStore,
    [PURGE_AUDIT_EVENTS]: purgeAuditEvents(deps.settings.auditRetentionDays),
    [RUN_MATCHING]: runMatching(deps),
    [CREATE_PAIR_PLAN]: createPairPlanTask(deps),
    [FLAG_STALE_PAIRS]: flagStalePairsTask(deps),
    [EXPIRE_TANDEM_REQUESTS]: expireTandemRequestsTask(deps),
    [REMIND_MANAGER_APPROVALS]: remindManagerApprovalsTask(deps),
    [EXPIRE_MANAGER_APPROVALS]: expireManagerApprovalsTask(deps),
    [REMATCH]: rematchTask(deps),
    [DELIVER_NOTIFICATION]: deliverNotificationTask(deps),
    [MEETING_REMINDER]: meetingReminderTask(deps),
    [MEETING_FOLLOW_UP]: meetingFollowUpTask(deps),
    [MEETING_NUDGE]: meetingNudgeTask(deps),
    [HOMEWORK_REMINDER]: homeworkReminderTask(deps),
    [START_LUNCH_ROUNDS]: startLunchRoundsTask(deps),
    [ANONYMISE_FORMER_PARTICIPANTS]: anonymiseFormerParticipantsTask(deps),
    [SYNC_DIRECTORY]: syncDirectoryTask(deps),
    [SEND_SURVEYS]: sendSurveysTask(deps),
  };
}

/**
 * Recurring work, in crontab syntax (minute hour day month weekday, then the task). A run
 * missed while no worker was up is not caught up: each of these looks at how things stand (what
 * expired, which pair is quiet, which lunch round is due), so the next run does what a missed one
 * would have.
 */
export const crontab = [
  `17 * * * * ${PURGE_EXPIRED_AUTH}`,
  `47 * * * * ${PURGE_PLUGIN_STORE}`,
  `23 3 * * * ${PURGE_AUDIT_EVENTS}`,
  `13 6 * * * ${FLAG_STALE_PAIRS}`,
  `29 * * * * ${EXPIRE_TANDEM_REQUESTS}`,
  `7 * * * * ${REMIND_MANAGER_APPROVALS}`,
  `37 * * * * ${EXPIRE_MANAGER_APPROVALS}`,
  `${LUNCH_ROUND_TIME.minute} ${LUNCH_ROUND_TIME.hour} * * * ${START_LUNCH_ROUNDS}`,
  `41 2 * * * ${ANONYMISE_FORMER_PARTICIPANTS}`,
  `53 * * * * ${SEND_SURVEYS}`,
].join('\n');

/** The crontab, with the directory sync at its configured times when a directory is set. */
export function crontabFor(settings: TaskSettings): string {
  if (!settings.directory) return crontab;
  return `${crontab}\n${settings.directory.cron} ${SYNC_DIRECTORY}`;
}
