import ical, {
  escape as escapeText,
  ICalAttendeeRole,
  ICalAttendeeStatus,
  ICalCalendarMethod,
  ICalEventStatus,
} from 'ical-generator';
import { DateTime } from 'luxon';
import { foldLine } from './calendar-fold.js';
import { calendarTimeZone } from './calendar-time-zone.js';
import type { Meeting } from './meeting.js';

export interface CalendarPerson {
  name: string;
  email: string;
}

/** What of a meeting its calendar object shows. */
export type CalendarMeeting = Pick<
  Meeting,
  'id' | 'calendarSequence' | 'startsAt' | 'endsAt' | 'title' | 'link' | 'location'
>;

export interface MeetingCalendarOptions {
  /** REQUEST invites or updates, CANCEL withdraws (RFC 5546). */
  method: 'REQUEST' | 'CANCEL';
  /** The sender of the invitations, so replies and updates come from one known address. */
  organiser: CalendarPerson;
  attendees: readonly CalendarPerson[];
  /** Host part of the UID, e.g. the public host name: UIDs must be unique worldwide. */
  uidDomain: string;
  description: string;
  /** The organisation's IANA time zone: the event's times are local times there. */
  timeZone: string;
}

/**
 * The iCalendar object for a meeting. The UID stays the same for the meeting's whole life and
 * SEQUENCE is its calendar sequence, raised on every change, so calendars update the event in
 * place instead of adding another (RFC 5545/5546). DTSTART and DTEND are local times in the
 * organisation's zone with its VTIMEZONE, so a calendar shows the planned hour on both sides of
 * a change to or from summer time and keeps it when a series moves; in a zone the VTIMEZONE
 * source does not know they are UTC times, which every calendar still places right.
 */
export function meetingCalendar(meeting: CalendarMeeting, options: MeetingCalendarOptions): string {
  const zone = calendarTimeZone(options.timeZone);
  const calendar = ical({
    prodId: { company: 'Tandem', product: 'Tandem', language: 'EN' },
    method: ICalCalendarMethod[options.method],
    // No calendar-wide zone name: ical-generator would then write DTSTAMP in local time, which
    // RFC 5545 requires in UTC; the generator adds the VTIMEZONE for the event's zone.
    timezone: zone ? { name: null, generator: () => zone.vtimezone } : null,
  });
  calendar.createEvent({
    id: meetingUid(meeting, options.uidDomain),
    sequence: meeting.calendarSequence,
    // Luxon dates, since ical-generator reads a plain Date's local fields in the process's zone.
    start: DateTime.fromJSDate(meeting.startsAt),
    end: DateTime.fromJSDate(meeting.endsAt),
    timezone: zone?.tzid ?? null,
    stamp: new Date(),
    summary: meeting.title,
    description: options.description,
    location: meeting.link ?? meeting.location ?? null,
    url: meeting.link ?? null,
    status: options.method === 'CANCEL' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    organizer: options.organiser,
    attendees: options.attendees.map((person) => ({
      ...person,
      role: ICalAttendeeRole.REQ,
      status: ICalAttendeeStatus.NEEDSACTION,
      rsvp: true,
    })),
  });
  return calendar.toString();
}

/**
 * Stands for the description while the calendar object is written once for all recipients:
 * no text Tandem keeps holds a NUL (PostgreSQL refuses it), so it cannot occur otherwise.
 */
const DESCRIPTION = '\u0000description\u0000';
const DESCRIPTION_LINE = `DESCRIPTION:${DESCRIPTION}`;

/**
 * The meeting's calendar object for recipients whose copies differ in the description alone
 * (their own message): {@link meetingCalendar} written once, its description line folded anew
 * for each. The same text as writing each copy whole, but a pair's second copy costs a tenth:
 * the library measures every character of a whole object anew. The copies share one DTSTAMP.
 */
export function meetingCalendars(
  meeting: CalendarMeeting,
  options: Omit<MeetingCalendarOptions, 'description'>,
): (description: string) => string {
  const template = meetingCalendar(meeting, { ...options, description: DESCRIPTION });
  const [before, after, ...more] = template.split(`\r\n${DESCRIPTION_LINE}\r\n`);
  // Short, the line stays unfolded; should the library ever write it otherwise, write whole.
  const once = template.indexOf(DESCRIPTION) === template.lastIndexOf(DESCRIPTION);
  if (before === undefined || after === undefined || more.length > 0 || !once)
    return (description) => meetingCalendar(meeting, { ...options, description });
  return (description) =>
    `${before}\r\n${foldLine(`DESCRIPTION:${escapeText(description, false)}`)}\r\n${after}`;
}

/** A meeting's UID for its whole life: `meeting-<id>@<uidDomain>`, unique worldwide. */
export function meetingUid(meeting: Pick<Meeting, 'id'>, uidDomain: string): string {
  return `meeting-${meeting.id}@${uidDomain}`;
}
