import ICAL from 'ical.js';
import type { DemoMailEvent } from './demo-mailbox-schemas.js';

/**
 * Reads the first event of an iCalendar object with ical.js, as Thunderbird does; null when it
 * does not parse. Times given with a TZID are read against the calendar's own VTIMEZONE, which
 * ical.js finds through the component tree, so nothing is added to its global zone registry.
 */
export function calendarEvent(content: string): DemoMailEvent | null {
  try {
    const calendar = new ICAL.Component(ICAL.parse(content));
    const event = calendar.getFirstSubcomponent('vevent');
    if (!event) return null;
    const instant = (name: string) =>
      (event.getFirstPropertyValue(name) as ICAL.Time).toJSDate().toISOString();
    return {
      method: String(calendar.getFirstPropertyValue('method') ?? ''),
      summary: String(event.getFirstPropertyValue('summary') ?? ''),
      start: instant('dtstart'),
      end: instant('dtend'),
      sequence: Number(event.getFirstPropertyValue('sequence') ?? 0),
    };
  } catch {
    return null;
  }
}
