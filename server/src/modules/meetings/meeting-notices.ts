import type { EntityManager } from '@mikro-orm/postgresql';
import type { Clock } from '../../clock.js';
import type { Log } from '../../logger.js';
import type { PluginRegistry } from '../../plugin-host/plugin-registry.js';
import type { Match } from '../matching/match.js';
import { activeChannels } from '../notifications/active-channels.js';
import { pairPage } from '../notifications/app-page.js';
import { type NotificationDraft, notify } from '../notifications/notify.js';
import { organisationSettings } from '../organisation/organisation-settings.js';
import { programmeSettings } from '../programmes/programme-service.js';
import type { User } from '../users/user.js';
import type { HolidayCalendar } from './holiday-calendar.js';
import type { Meeting } from './meeting.js';
import { type CalendarPerson, meetingCalendar } from './meeting-calendar.js';
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
  /** What time it is: the planner's "now", and when invitations and reminders are due. */
  now: Clock;
}

/** Messages that carry the calendar object, so calendars add, move or remove the event. */
const CALENDAR_METHOD: Partial<Record<MeetingMessage, 'REQUEST' | 'CANCEL'>> = {
  invitation: 'REQUEST',
  update: 'REQUEST',
  cancel: 'CANCEL',
};

/** Who of the pair gets a message, by user id, with what only they read (their homework). */
export type MeetingAudience = ReadonlyMap<string, Pick<MeetingFacts, 'homework'>>;

/** Messages about a meeting that stand beside its invitation, each with a subject of its own. */
const BESIDE_INVITATION: ReadonlySet<MeetingMessage> = new Set([
  'reminder',
  'feedback',
  'nudge',
  'homework',
]);

/**
 * Tells the members of the meeting's pair about it — every member, or only the `audience` —
 * through `em` (so inside the caller's transaction). Invitations, updates and cancellations
 * carry the iCalendar object with the meeting's current SEQUENCE; each message goes out once
 * per meeting version.
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
  const { timeZone } = await organisationSettings(em);
  const settings = programmeSettings(match.programme);
  const method = CALENDAR_METHOD[message];
  const calendar = method && {
    method,
    organiser: organiser(deps),
    attendees: members.flatMap((user) =>
      user.email ? [{ name: user.name, email: user.email }] : [],
    ),
    uidDomain: new URL(deps.publicUrl).hostname,
    timeZone,
  };
  const drafts = recipients.map(
    (user): NotificationDraft => ({
      recipient: user,
      subject: BESIDE_INVITATION.has(message)
        ? `meeting:${meeting.id}:${message}`
        : `meeting:${meeting.id}`,
      sequence: meeting.calendarSequence,
      kind: message === 'homework' ? 'reminder' : message,
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
          ...audience?.get(user.id),
        });
        return {
          title,
          text,
          link: pairPage(match.id),
          ...(calendar
            ? { calendar: meetingCalendar(meeting, { ...calendar, description: text }) }
            : {}),
        };
      },
    }),
  );
  await notify(em, drafts, activeChannels(deps.plugins));
}

/** The names of everyone in `members` but `me`, as the messages write them. */
export /** Where to meet, in words: a hybrid meeting names both its room and its video room. */
function placeOf(meeting: Meeting, site: string | undefined): string {
  const places = [meeting.location, meeting.link].filter((place) => place);
  return places.length ? places.join(' · ') : (site ?? '');
}

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
