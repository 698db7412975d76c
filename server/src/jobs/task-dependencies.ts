import { type Clock, realClock } from '../clock.js';
import type { Config } from '../config.js';
import type { MikroORM } from '../db/orm.js';
import type { Log } from '../logger.js';
import type { Metrics } from '../metrics/metrics.js';
import { channelSecrets, type SecretSource } from '../modules/channels/secret-reference.js';
import type { DirectorySettings } from '../modules/directory/directory-settings.js';
import { caldavFreeBusy, type FreeBusy } from '../modules/meetings/free-busy.js';
import { type HolidayCalendar, holidayCalendar } from '../modules/meetings/holiday-calendar.js';
import type { MeetingDependencies } from '../modules/meetings/meeting-notices.js';
import type { ReplyMailboxSettings } from '../modules/meetings/reply-mailbox-settings.js';
import type { NoteKeyring } from '../modules/pairs/note-keyring.js';
import type { PluginRegistry } from '../plugin-host/plugin-registry.js';

/** What tasks need from the configuration. */
export interface TaskSettings {
  sessionIdleTimeoutMs: number;
  /** Audit events older than this are purged. */
  auditRetentionDays: number;
  matchingTimeLimitMs: number;
  /** People of programmes closed this long ago are anonymised. */
  retentionClosedProgrammeDays: number;
  retentionLeaverDays: number;
  /** Opens the notes and questions in which an anonymised person is named. */
  noteKeyring: NoteKeyring;
  /** Where people reach the app, for links in messages. */
  publicUrl: string;
  /** Where channel instances' secret references are read. */
  channelSecrets: SecretSource;
  /** Public holidays on which no meeting is planned. */
  holidays: HolidayCalendar;
  /** The mailbox calendars answer to; the worker reads it when set. */
  replyMailbox?: ReplyMailboxSettings;
  /** Busy times from people's own calendars, one reader (and cache) for the worker. */
  freeBusy?: FreeBusy;
  /** The directory people are synced from, when set, and the issuer they sign in with. */
  directory?: DirectorySettings;
  issuer?: string;
}

export function taskSettings(config: Config): TaskSettings {
  return {
    sessionIdleTimeoutMs: config.session.idleTimeoutMs,
    auditRetentionDays: config.auditRetentionDays,
    matchingTimeLimitMs: config.matchingTimeLimitMs,
    retentionClosedProgrammeDays: config.retentionClosedProgrammeDays,
    retentionLeaverDays: config.retentionLeaverDays,
    noteKeyring: config.noteKeyring,
    publicUrl: config.publicUrl,
    channelSecrets: channelSecrets(config),
    holidays: holidayCalendar(config.holidayRegion),
    replyMailbox: config.replyMailbox,
    freeBusy: config.freeBusy && caldavFreeBusy(config.freeBusy),
    directory: config.directory,
    issuer: config.oidc?.issuer,
  };
}

/** What every task may use: settings, the ORM, the loaded plugins, the worker's log and metrics. */
export interface TaskDependencies {
  settings: TaskSettings;
  orm: MikroORM;
  plugins: PluginRegistry;
  log: Log;
  metrics: Metrics;
  /** What time it is; the real clock when left out (the season test runs tasks on its own). */
  now?: Clock;
}

/** What the meeting tasks need, from what every task gets. */
export function meetingDependencies(deps: TaskDependencies): MeetingDependencies {
  const { orm, plugins, log, settings } = deps;
  return {
    em: orm.em,
    plugins,
    log,
    publicUrl: settings.publicUrl,
    holidays: settings.holidays,
    replyAddress: settings.replyMailbox?.address,
    freeBusy: settings.freeBusy,
    now: deps.now ?? realClock,
  };
}
