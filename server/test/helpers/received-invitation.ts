import type { ReceivedMail } from '@tandem/plugin-testkit/smtp-sink';
import ICAL from 'ical.js';

/** What a calendar reads from an invitation mail: the MIME method and the event inside. */
export interface ReceivedInvitation {
  to: string;
  subject: string;
  text: string;
  mimeMethod: string;
  /** Parts of the mail that hold a calendar: a client would file more than one twice. */
  calendarParts: number;
  method: string;
  /** The TZID DTSTART names, and the TZIDs of the VTIMEZONEs that define zones. */
  tzid: string | null;
  vtimezones: string[];
  uid: string;
  sequence: number;
  status: string | null;
  start: Date;
  end: Date;
  organizer: string;
  attendees: string[];
}

/** Parses the text/calendar part with a real iCalendar parser (ical.js, as Thunderbird uses). */
export function receivedInvitation(mail: ReceivedMail): ReceivedInvitation {
  if (!mail.calendar) throw new Error(`no calendar part in "${mail.subject}"`);
  const calendar = new ICAL.Component(ICAL.parse(mail.calendar.content));
  const event = calendar.getFirstSubcomponent('vevent');
  if (!event) throw new Error(`no VEVENT in "${mail.subject}"`);
  const time = (name: string) => (event.getFirstPropertyValue(name) as ICAL.Time).toJSDate();
  return {
    to: mail.envelope.to[0] ?? '',
    subject: mail.subject,
    text: mail.text,
    mimeMethod: mail.calendar.method,
    calendarParts: mail.calendars.length,
    method: String(calendar.getFirstPropertyValue('method')),
    tzid: (event.getFirstProperty('dtstart')?.getParameter('tzid') as string | undefined) ?? null,
    vtimezones: calendar
      .getAllSubcomponents('vtimezone')
      .map((zone) => String(zone.getFirstPropertyValue('tzid'))),
    uid: String(event.getFirstPropertyValue('uid')),
    sequence: Number(event.getFirstPropertyValue('sequence')),
    status: (event.getFirstPropertyValue('status') as string | null) ?? null,
    start: time('dtstart'),
    end: time('dtend'),
    organizer: address(event.getFirstPropertyValue('organizer')),
    attendees: event
      .getAllProperties('attendee')
      .map((property) => address(property.getFirstValue())),
  };
}

/** A calendar address with its scheme in lower case: `MAILTO:` and `mailto:` are the same. */
function address(value: unknown): string {
  return String(value).replace(/^mailto:/i, 'mailto:');
}
