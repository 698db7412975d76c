import { IANAZone } from 'luxon';
import { tzlib_get_ical_block, tzlib_get_timezones } from 'timezones-ical-library';

/** A time zone as an iCalendar object carries it: the TZID its times name, and its definition. */
export interface CalendarTimeZone {
  /** The canonical IANA name: an alias such as Europe/Kiev comes back as Europe/Kyiv. */
  tzid: string;
  /** The VTIMEZONE component with that TZID (CRLF line ends). */
  vtimezone: string;
}

// The library's list, so that a zone it lacks is known before it is asked (it logs a miss).
const KNOWN = new Set(tzlib_get_timezones(false));

/**
 * The VTIMEZONE of an IANA zone from timezones-ical-library, which generates it from the IANA
 * time zone database with vzic in the form Outlook reads: the zone's current rules as yearly
 * STANDARD and DAYLIGHT observances (STANDARD alone where the zone keeps one offset), so every
 * meeting from now on falls under the right one. Undefined when the library or the platform's
 * time zone data (which writes the local times) does not know the zone.
 */
export function calendarTimeZone(zone: string): CalendarTimeZone | undefined {
  if (!KNOWN.has(zone)) return;
  if (!written.has(zone)) written.set(zone, vtimezoneOf(zone));
  return written.get(zone);
}

/**
 * The zones asked for so far, with what they came to. Writing a VTIMEZONE from the library's
 * data costs more than a millisecond, every invitation asks for the organisation's zone, and
 * neither the library's data nor the platform's zones change while the process runs. At most
 * one per zone the library knows.
 */
const written = new Map<string, Readonly<CalendarTimeZone> | undefined>();

function vtimezoneOf(zone: string): CalendarTimeZone | undefined {
  const block = tzlib_get_ical_block(zone, false);
  if (!Array.isArray(block)) return;
  const [vtimezone, parameter] = block;
  const tzid = parameter?.replace(/^TZID=/, '');
  if (!vtimezone || !tzid || !IANAZone.isValidZone(tzid)) return;
  return Object.freeze({ tzid, vtimezone });
}
