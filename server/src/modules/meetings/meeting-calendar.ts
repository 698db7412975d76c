import ical, {
  ICalAttendeeRole,
  ICalAttendeeStatus,
  ICalCalendarMethod,
  ICalEventStatus,
} from 'ical-generator';
import type { Meeting } from './meeting.js';

export interface CalendarPerson {
  name: string;
  email: string;
}

export interface MeetingCalendarOptions {
  /** REQUEST invites or updates, CANCEL withdraws (RFC 5546). */
  method: 'REQUEST' | 'CANCEL';
  /** The sender of the invitations, so replies and updates come from one known address. */
  organiser: CalendarPerson;
  attendees: readonly CalendarPerson[];
  /** Host part of the UID, e.g. the public host name: UIDs must be unique worldwide. */
  uidDomain: string;
  description: string;
}

/**
 * The iCalendar object for a meeting. The UID stays the same for the meeting's whole life and
 * SEQUENCE is its calendar sequence, raised on every change, so calendars update the event in
 * place instead of adding another (RFC 5545/5546).
 */
export function meetingCalendar(meeting: Meeting, options: MeetingCalendarOptions): string {
  const calendar = ical({
    prodId: { company: 'Tandem', product: 'Tandem', language: 'EN' },
    method: ICalCalendarMethod[options.method],
  });
  calendar.createEvent({
    id: `meeting-${meeting.id}@${options.uidDomain}`,
    sequence: meeting.calendarSequence,
    start: meeting.startsAt,
    end: meeting.endsAt,
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
