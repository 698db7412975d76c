import ical, {
  ICalAttendeeRole,
  ICalAttendeeStatus,
  ICalCalendarMethod,
  ICalEventStatus,
} from 'ical-generator';
import { DateTime } from 'luxon';
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

/** A meeting's UID for its whole life: `meeting-<id>@<uidDomain>`, unique worldwide. */
export function meetingUid(meeting: Pick<Meeting, 'id'>, uidDomain: string): string {
  return `meeting-${meeting.id}@${uidDomain}`;
}
