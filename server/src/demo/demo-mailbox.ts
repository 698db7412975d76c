import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import type { DemoMail } from './demo-mail-sink.js';
import type { DemoMailEvent, DemoMailView } from './demo-mailbox-schemas.js';

/** The demo mailbox as the admin page shows it: newest first, times in `timeZone`. */
export function demoMailbox(messages: readonly DemoMail[], timeZone: string): DemoMailView[] {
  return messages.map((mail) => ({
    to: mail.to,
    subject: mail.subject,
    receivedAt: mail.receivedAt.toISOString(),
    text: mail.text,
    event: mail.calendar === undefined ? null : calendarEvent(mail.calendar, timeZone),
  }));
}

/** Reads the first event with ical.js, as Thunderbird does; null when it does not parse. */
function calendarEvent(content: string, timeZone: string): DemoMailEvent | null {
  try {
    const calendar = new ICAL.Component(ICAL.parse(content));
    // Times given with a TZID are read against the calendar's own VTIMEZONE, as clients do.
    for (const zone of calendar.getAllSubcomponents('vtimezone'))
      ICAL.TimezoneService.register(new ICAL.Timezone(zone));
    const event = calendar.getFirstSubcomponent('vevent');
    if (!event) return null;
    const time = (name: string) =>
      DateTime.fromJSDate((event.getFirstPropertyValue(name) as ICAL.Time).toJSDate(), {
        zone: timeZone,
      }).toISO() ?? '';
    return {
      method: String(calendar.getFirstPropertyValue('method') ?? ''),
      summary: String(event.getFirstPropertyValue('summary') ?? ''),
      start: time('dtstart'),
      end: time('dtend'),
      sequence: Number(event.getFirstPropertyValue('sequence') ?? 0),
    };
  } catch {
    return null;
  }
}
