import type { EntityManager } from '@mikro-orm/postgresql';
import type { Clock } from '../../clock.js';
import type { Log } from '../../logger.js';
import type { PluginRegistry } from '../../plugin-host/plugin-registry.js';
import type { Match } from '../matching/match.js';
import { activeChannels } from '../notifications/active-channels.js';
import { pairPage } from '../notifications/app-page.js';
import type { NotificationKind } from '../notifications/notification.js';
import { type NotificationDraft, notify } from '../notifications/notify.js';
import {
  type OrganisationSettings,
  organisationSettings,
} from '../organisation/organisation-settings.js';
import { programmeSettings } from '../programmes/programme-service.js';
import type { User } from '../users/user.js';
import { declineCounterCalendar } from './decline-counter-calendar.js';
import type { FreeBusy } from './free-busy.js';
import type { HolidayCalendar } from './holiday-calendar.js';
import type { Meeting } from './meeting.js';
import { type CalendarPerson, meetingCalendars, meetingUid } from './meeting-calendar.js';
import { type MeetingFacts, type MeetingMessage, meetingText } from './meeting-texts.js';

/** What planning and announcing meetings needs. */
export interface MeetingDependencies {
  em: EntityManager;
  plugins: PluginRegistry;
  log: Log;
  /** Where people reach the app: links in messages, and the domain of calendar UIDs. */
  publicUrl: string;
  holidays: HolidayCalendar;
  /** The reply mailbox's address, when Tandem reads calendars' answers: the organiser then. */
  replyAddress?: string;
  /** Busy times from people's own calendars; undefined when Tandem reads none. */
  freeBusy?: FreeBusy;
  /** What time it is: the planner's "now", and when invitations and reminders are due. */
  now: Clock;
  /**
   * The organisation's settings as the caller read them in its transaction: the planner reads
   * them once for a pair instead of once for the slot, the messages and the notifications each.
   * Read afresh where left out.
   */
  organisation?: OrganisationSettings;
}

/**
 * Messages that carry a calendar object: calendars add, move or remove the event, or learn
 * that the time their COUNTER proposed was refused.
 */
const CALENDAR_METHOD: Partial<Record<MeetingMessage, 'REQUEST' | 'CANCEL' | 'DECLINECOUNTER'>> = {
  invitation: 'REQUEST',
  update: 'REQUEST',
  cancel: 'CANCEL',
  'counter-declined': 'DECLINECOUNTER',
};

/**
 * Who of the pair gets a message, by user id, with what only they read: their homework, or
 * whom the message names instead of all the other members.
 */
export type MeetingAudience = ReadonlyMap<
  string,
  Partial<Pick<MeetingFacts, 'homework' | 'partners'>>
>;

/** Messages about a meeting that stand beside its invitation, each with a subject of its own. */
const BESIDE_INVITATION: ReadonlySet<MeetingMessage> = new Set([
  'reminder',
  'feedback',
  'nudge',
  'homework',
  'counter-declined',
]);

/**
 * Tells the members of the meeting's pair about it — every member, or only the `audience` —
 * through `em` (so inside the caller's transaction). Invitations, updates and cancellations
 * carry the iCalendar object with the meeting's current SEQUENCE; a refused counter carries
 * the DECLINECOUNTER for the version before, which the counter answered. Each message goes
 * out once per meeting version.
 */
export async function announceMeeting(
  deps: Omit<MeetingDependencies, 'em' | 'holidays'>,
  em: EntityManager,
  meeting: Meeting,
  message: MeetingMessage,
  audience?: MeetingAudience,
): Promise<void> {
  const match: Match = meeting.match;
  await em.populate(match, ['programme', 'members.enrolment.user']);
  const members = match.members.getItems().map((member) => member.enrolment.user);
  const recipients = audience ? members.filter((user) => audience.has(user.id)) : members;
  const organisation = deps.organisation ?? (await organisationSettings(em));
  const { timeZone } = organisation;
  const settings = programmeSettings(match.programme);
  const calendarFor = calendarWriter(deps, meeting, message, members, timeZone);
  const drafts = recipients.map(
    (user): NotificationDraft => ({
      recipient: user,
      subject: BESIDE_INVITATION.has(message)
        ? `meeting:${meeting.id}:${message}`
        : `meeting:${meeting.id}`,
      sequence: meeting.calendarSequence,
      kind: kindOf(message),
      programme: match.programme,
      meeting,
      render: (locale) => {
        const { title, text } = meetingText(message, locale, {
          name: user.name,
          partners: others(members, user),
          title: meeting.title,
          startsAt: meeting.startsAt,
          minutes: Math.round((meeting.endsAt.getTime() - meeting.startsAt.getTime()) / 60_000),
          place: placeOf(meeting, settings.location),
          timeZone,
          calendarUnread: meeting.calendarsUnread.includes(user.id),
          ...audience?.get(user.id),
        });
        const calendar = calendarFor(user, text);
        return { title, text, link: pairPage(match.id), ...(calendar ? { calendar } : {}) };
      },
    }),
  );
  await notify(em, drafts, activeChannels(deps.plugins), organisation);
}

/**
 * How the message's calendar object is written for one recipient, or undefined for messages
 * without one. A DECLINECOUNTER names only its recipient, who countered, and echoes the
 * SEQUENCE the counter answered: the version before the one that took its time.
 */
function calendarWriter(
  deps: Pick<MeetingDependencies, 'plugins' | 'publicUrl' | 'replyAddress'>,
  meeting: Meeting,
  message: MeetingMessage,
  members: readonly User[],
  timeZone: string,
): (recipient: User, description: string) => string | undefined {
  const method = CALENDAR_METHOD[message];
  const uidDomain = new URL(deps.publicUrl).hostname;
  if (method === 'DECLINECOUNTER')
    return (recipient) =>
      recipient.email
        ? declineCounterCalendar({
            uid: meetingUid(meeting, uidDomain),
            sequence: meeting.calendarSequence - 1,
            organiser: organiser(deps),
            attendee: { name: recipient.name, email: recipient.email },
          })
        : undefined;
  if (!method) return () => undefined;
  const attendees = members.flatMap((user) =>
    user.email ? [{ name: user.name, email: user.email }] : [],
  );
  // Written when the first recipient's message is: none is when everyone had it already.
  let write: ((description: string) => string) | undefined;
  return (_recipient, description) => {
    write ??= meetingCalendars(meeting, {
      method,
      organiser: organiser(deps),
      attendees,
      uidDomain,
      timeZone,
    });
    return write(description);
  };
}

function kindOf(message: MeetingMessage): NotificationKind {
  if (message === 'homework') return 'reminder';
  if (message === 'counter-declined') return 'update';
  return message;
}

/** Where to meet, in words: a hybrid meeting names both its room and its video room. */
export function placeOf(meeting: Meeting, site: string | undefined): string {
  const places = [meeting.location, meeting.link].filter((place) => place);
  return places.length ? places.join(' · ') : (site ?? '');
}

/** The names of everyone in `members` but `me`, as the messages write them. */
export function others(members: readonly User[], me: User): string {
  return members
    .filter((user) => user.id !== me.id)
    .map((user) => user.name)
    .join(', ');
}

/**
 * The organiser calendars show and reply to: the reply mailbox when Tandem reads one (so
 * answers reach it), else the email channel's sender when that channel runs (so the invitation
 * comes from the organiser it names), else a no-reply address on the public host.
 */
function organiser({
  plugins,
  publicUrl,
  replyAddress,
}: Pick<MeetingDependencies, 'plugins' | 'publicUrl' | 'replyAddress'>): CalendarPerson {
  const config = plugins.get('notification-channel', 'email')?.config as
    | { from?: unknown; fromName?: unknown }
    | undefined;
  const name = typeof config?.fromName === 'string' ? config.fromName : 'Tandem';
  if (replyAddress) return { name, email: replyAddress };
  if (typeof config?.from === 'string') return { name, email: config.from };
  return { name: 'Tandem', email: `no-reply@${new URL(publicUrl).hostname}` };
}
