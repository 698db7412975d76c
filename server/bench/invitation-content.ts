/**
 * The content of the benchmark's invitations, the same for the raw path and the queue: a
 * German text (rendered to HTML by the channel), a link into the app and an iCalendar REQUEST
 * like the one `meetingCalendar` builds for a real meeting invitation.
 */
import ical, {
  ICalAttendeeRole,
  ICalAttendeeStatus,
  ICalCalendarMethod,
  ICalEventStatus,
} from 'ical-generator';
import { pairPage } from '../src/modules/notifications/app-page.js';
import type { NotificationContent } from '../src/modules/notifications/notify.js';

export const PUBLIC_URL = 'https://tandem.bench.example';
export const FROM = 'tandem@bench.example';

/** The i-th person of the benchmark: each gets one invitation. */
export function person(i: number): { subject: string; name: string; email: string } {
  return { subject: `bench-${i}`, name: `Mentee ${i}`, email: `mentee-${i}@bench.example` };
}

/** The invitation of person `i` to a 45-minute meeting with their mentor. */
export function invitationContent(i: number): NotificationContent {
  const { name, email } = person(i);
  const startsAt = new Date(Date.UTC(2031, 2, 3 + (i % 20), 8 + (i % 8)));
  const title = `Einladung: Tandem-Treffen mit Mentorin ${i}`;
  const text = [
    `Hallo ${name},`,
    `Mentorin ${i} und du seid ein Tandem. Euer erstes Treffen: ${startsAt.toISOString()}, 45 Minuten, online.`,
    'Die Einladung liegt als Kalendereintrag bei; sagt ab oder verschiebt im Kalender, wenn es nicht passt.',
    'Viel Freude beim Austausch!',
  ].join('\n\n');
  const calendar = ical({
    prodId: { company: 'Tandem', product: 'Tandem', language: 'EN' },
    method: ICalCalendarMethod.REQUEST,
  });
  calendar.createEvent({
    id: `meeting-bench-${i}@tandem.bench.example`,
    sequence: 0,
    start: startsAt,
    end: new Date(startsAt.getTime() + 45 * 60_000),
    stamp: new Date(),
    summary: title,
    description: text,
    location: `https://meet.bench.example/tandem-${i}`,
    status: ICalEventStatus.CONFIRMED,
    organizer: { name: 'Tandem', email: FROM },
    attendees: [
      { name, email },
      { name: `Mentorin ${i}`, email: `mentor-${i}@bench.example` },
    ].map((attendee) => ({
      ...attendee,
      role: ICalAttendeeRole.REQ,
      status: ICalAttendeeStatus.NEEDSACTION,
      rsvp: true,
    })),
  });
  return { title, text, link: pairPage(`bench-${i}`), calendar: calendar.toString() };
}
