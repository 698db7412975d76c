import { XMLParser } from 'fast-xml-parser';
import ICAL from 'ical.js';
import type { Interval } from './slot-finder.js';

/** The service account that reads people's calendars, and how long it waits for an answer. */
export interface CaldavAccount {
  user: string;
  password: string;
  timeoutMs: number;
}

/** A calendar that could not be read: the reason says why, for the log, never for people. */
export class CalendarUnreadable extends Error {
  /** True when the server gave no answer at all (down, unreachable, too slow). */
  readonly unreachable: boolean;

  constructor(reason: string, unreachable = false) {
    super(reason);
    this.name = 'CalendarUnreadable';
    this.unreachable = unreachable;
  }
}

/**
 * Answers to a free-busy-query that mean "not supported here", so the events are asked for
 * instead: a multistatus (Radicale up to 3.1 treats the REPORT as an unknown one), or a refusal
 * of the report or its body.
 */
const FREE_BUSY_UNSUPPORTED = new Set([207, 400, 403, 405, 415, 422, 501]);

/**
 * The busy periods of one CalDAV calendar within `window`. First asks for free-busy
 * (RFC 4791 7.10), where the server itself reduces the events to busy periods and sends
 * nothing else; a server that does not support it is asked for the events in the window
 * (calendar-query, 7.8) and their times are read here, everything else being dropped.
 *
 * @throws CalendarUnreadable when the server is unreachable, too slow, refuses the account or
 *   answers something that is not a calendar.
 */
export async function caldavBusy(
  account: CaldavAccount,
  calendarUrl: string,
  window: Interval,
): Promise<Interval[]> {
  const freeBusy = await report(account, calendarUrl, freeBusyQuery(window));
  if (freeBusy.status === 200 && /^text\/calendar/i.test(freeBusy.type))
    return freeBusyPeriods(freeBusy.body, window);
  if (!FREE_BUSY_UNSUPPORTED.has(freeBusy.status)) throw refusal(freeBusy.status);
  const events = await report(account, calendarUrl, calendarQuery(window));
  if (events.status !== 207) throw refusal(events.status);
  return busyFromEvents(calendarData(events.body), window);
}

interface Answer {
  status: number;
  type: string;
  body: string;
}

async function report(account: CaldavAccount, url: string, body: string): Promise<Answer> {
  const credentials = Buffer.from(`${account.user}:${account.password}`).toString('base64');
  try {
    const response = await fetch(url, {
      method: 'REPORT',
      headers: {
        authorization: `Basic ${credentials}`,
        depth: '1',
        'content-type': 'application/xml; charset=utf-8',
      },
      body,
      redirect: 'error',
      signal: AbortSignal.timeout(account.timeoutMs),
    });
    return {
      status: response.status,
      type: response.headers.get('content-type') ?? '',
      body: await response.text(),
    };
  } catch (error) {
    const reason = (error as Error).name === 'TimeoutError' ? 'no answer in time' : 'unreachable';
    throw new CalendarUnreadable(`calendar server ${reason}`, true);
  }
}

function refusal(status: number): CalendarUnreadable {
  if (status === 401) return new CalendarUnreadable('the service account was refused (401)');
  if (status === 403) return new CalendarUnreadable('the service account may not read it (403)');
  if (status === 404) return new CalendarUnreadable('no such calendar (404)');
  return new CalendarUnreadable(`calendar server answered ${status}`, status >= 500);
}

/** iCalendar UTC form of a moment: 20261210T090000Z. */
function utc(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

function timeRange(window: Interval): string {
  return `<C:time-range start="${utc(window.start)}" end="${utc(window.end)}"/>`;
}

function freeBusyQuery(window: Interval): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<C:free-busy-query xmlns:C="urn:ietf:params:xml:ns:caldav">${timeRange(window)}</C:free-busy-query>`;
}

/**
 * Asks only for what busy periods need (RFC 4791 9.6 partial retrieval): servers that honour
 * it send no titles, places or attendees; what others send anyway is dropped unread.
 */
function calendarQuery(window: Interval): string {
  const props = ['UID', 'DTSTART', 'DTEND', 'DURATION', 'RRULE', 'RDATE', 'EXDATE']
    .concat(['RECURRENCE-ID', 'STATUS', 'TRANSP'])
    .map((name) => `<C:prop name="${name}"/>`)
    .join('');
  return `<?xml version="1.0" encoding="utf-8"?>
<C:calendar-query xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">
<D:prop><C:calendar-data><C:comp name="VCALENDAR"><C:comp name="VEVENT">${props}</C:comp><C:comp name="VTIMEZONE"/></C:comp></C:calendar-data></D:prop>
<C:filter><C:comp-filter name="VCALENDAR"><C:comp-filter name="VEVENT">${timeRange(window)}</C:comp-filter></C:comp-filter></C:filter>
</C:calendar-query>`;
}

const xml = new XMLParser({
  removeNSPrefix: true,
  ignoreAttributes: true,
  parseTagValue: false,
  isArray: (name) => name === 'response' || name === 'propstat',
});

interface Multistatus {
  multistatus?:
    | string
    | {
        response?: { propstat?: { prop?: { 'calendar-data'?: unknown }; status?: string }[] }[];
      };
}

/** The calendar objects of a calendar-query's multistatus. */
function calendarData(body: string): string[] {
  let parsed: Multistatus;
  try {
    parsed = xml.parse(body) as Multistatus;
  } catch {
    throw new CalendarUnreadable('the calendar server sent no readable multistatus');
  }
  // An empty calendar's answer is an empty element, which the parser reads as ''.
  if (parsed.multistatus === undefined)
    throw new CalendarUnreadable('the calendar server sent no multistatus');
  const responses = typeof parsed.multistatus === 'object' ? parsed.multistatus.response : [];
  return (responses ?? []).flatMap((response) =>
    (response.propstat ?? []).flatMap((propstat) => {
      const data = propstat.prop?.['calendar-data'];
      return typeof data === 'string' && / 200 /.test(propstat.status ?? '') ? [data] : [];
    }),
  );
}

function component(text: string): ICAL.Component {
  try {
    return new ICAL.Component(ICAL.parse(text));
  } catch {
    throw new CalendarUnreadable('the calendar server sent an unreadable calendar object');
  }
}

/** Free-busy types that block a meeting; FREE does not. */
const BUSY_TYPES = new Set(['BUSY', 'BUSY-TENTATIVE', 'BUSY-UNAVAILABLE']);

/** The busy periods of a VFREEBUSY answer (RFC 4791 7.10, RFC 5545 3.8.2.6). */
export function freeBusyPeriods(text: string, window: Interval): Interval[] {
  const calendar = component(text);
  return calendar.getAllSubcomponents('vfreebusy').flatMap((freeBusy) =>
    freeBusy
      .getAllProperties('freebusy')
      .filter((property) =>
        BUSY_TYPES.has(String(property.getParameter('fbtype') ?? 'BUSY').toUpperCase()),
      )
      .flatMap((property) => property.getValues())
      .flatMap((value) =>
        value instanceof ICAL.Period
          ? clipped({ start: value.start.toJSDate(), end: value.getEnd().toJSDate() }, window)
          : [],
      ),
  );
}

/**
 * Occurrences of one recurring event looked at, at most (a daily one for fifty years): a guard
 * against endless rules.
 */
const MAX_OCCURRENCES = 20_000;

/**
 * The busy periods of calendar objects, as a free-busy answer would give them: every
 * occurrence in the window of an event that is neither cancelled nor transparent (free),
 * recurring events expanded with their exceptions and excluded dates.
 */
export function busyFromEvents(texts: readonly string[], window: Interval): Interval[] {
  return texts.flatMap((text) => {
    const events = component(text).getAllSubcomponents('vevent');
    const exceptions = events.filter((event) => event.hasProperty('recurrence-id'));
    return events
      .filter((event) => !event.hasProperty('recurrence-id'))
      .flatMap((master) => {
        const event = new ICAL.Event(master);
        for (const exception of exceptions)
          if (exception.getFirstPropertyValue('uid') === event.uid)
            event.relateException(exception);
        return occurrences(event, window);
      });
  });
}

function occurrences(event: ICAL.Event, window: Interval): Interval[] {
  if (!event.isRecurring()) {
    if (!blocks(event.component)) return [];
    return clipped({ start: event.startDate.toJSDate(), end: event.endDate.toJSDate() }, window);
  }
  const busy: Interval[] = [];
  const iterator = event.iterator();
  for (let n = 0; n < MAX_OCCURRENCES; n++) {
    const next = iterator.next();
    if (!next || next.toJSDate() >= window.end) break;
    const details = event.getOccurrenceDetails(next);
    if (!blocks(details.item.component)) continue;
    const span = { start: details.startDate.toJSDate(), end: details.endDate.toJSDate() };
    busy.push(...clipped(span, window));
  }
  return busy;
}

/** Whether an event makes its owner busy: not cancelled, and not marked free (transparent). */
function blocks(event: ICAL.Component): boolean {
  const status = String(event.getFirstPropertyValue('status') ?? '').toUpperCase();
  const transparency = String(event.getFirstPropertyValue('transp') ?? 'OPAQUE').toUpperCase();
  return status !== 'CANCELLED' && transparency !== 'TRANSPARENT';
}

/** The part of `span` inside the window, or nothing when they do not overlap. */
function clipped(span: Interval, window: Interval): Interval[] {
  const start = Math.max(span.start.getTime(), window.start.getTime());
  const end = Math.min(span.end.getTime(), window.end.getTime());
  return end > start ? [{ start: new Date(start), end: new Date(end) }] : [];
}
