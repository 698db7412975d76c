import type { Log } from '../../logger.js';
import { CalendarUnreadable, caldavBusy } from './caldav-busy.js';
import type { FreeBusySettings } from './free-busy-settings.js';
import type { Interval } from './slot-finder.js';

/** Whose calendar: what the URL template may name. */
export interface CalendarOwner {
  username?: string | null;
  email?: string | null;
}

/** A person's busy times, or why they are unknown (said in the log, never to people). */
export type BusyAnswer = { busy: Interval[] } | { unavailable: string };

/** Reads the busy times people have in their own calendars. */
export interface FreeBusy {
  busyTimes(person: CalendarOwner, window: Interval): Promise<BusyAnswer>;
}

/** Calendar requests in flight at once, however many pairs are planned together. */
const MAX_REQUESTS = 8;
const DAY_MS = 86_400_000;
/** Each fetch reaches this far beyond the asked window, so later plannings reuse it. */
const FETCH_MARGIN_MS = 7 * DAY_MS;
const NOT_ANSWERING = new CalendarUnreadable('calendar server did not answer recently', true);

interface Cached {
  window: Interval;
  busy: Interval[];
  expires: number;
}

/**
 * Busy times from CalDAV calendars, read with one service account. Each person's answer is
 * kept for the cache time and serves every window inside the one fetched (a day-aligned
 * window a week wider than asked), so planning a pair again soon asks nobody. Any failure is
 * an answer, not an error: the planner then plans from availability windows alone. When the
 * server gave no answer at all it is not asked again for the cache time (at most a minute),
 * so a lunch round of thousands does not wait out a timeout per person.
 */
export function caldavFreeBusy(settings: FreeBusySettings, clock = Date.now): FreeBusy {
  const cache = new Map<string, Cached>();
  const limit = limiter(MAX_REQUESTS);
  let downUntil = 0;

  async function fetchBusy(url: string, window: Interval): Promise<BusyAnswer> {
    const wide = widened(window);
    try {
      // Checked in turn, so requests queued behind one that found the server down stay home.
      const busy = await limit(() =>
        clock() < downUntil ? Promise.reject(NOT_ANSWERING) : caldavBusy(settings, url, wide),
      );
      cache.set(url, { window: wide, busy, expires: clock() + settings.cacheMs });
      return { busy };
    } catch (error) {
      if (error instanceof CalendarUnreadable && error.unreachable && error !== NOT_ANSWERING)
        downUntil = clock() + Math.min(settings.cacheMs, 60_000);
      // Whatever went wrong reading one calendar (even data the parser chokes on), the
      // meeting is still planned: from the availability windows.
      return { unavailable: (error as Error).message };
    }
  }

  return {
    async busyTimes(person, window) {
      const url = calendarUrl(settings.calendarUrl, person);
      if (url === undefined) return { unavailable: 'no username or email to find the calendar' };
      const cached = cache.get(url);
      if (cached && cached.expires > clock() && covers(cached.window, window))
        return { busy: cached.busy };
      return fetchBusy(url, window);
    },
  };
}

/** The person's calendar URL from the template, or undefined when it names what they lack. */
export function calendarUrl(template: string, person: CalendarOwner): string | undefined {
  let missing = false;
  const url = template.replace(/\{(username|email)\}/g, (_, name: 'username' | 'email') => {
    const value = person[name];
    if (!value) missing = true;
    return encodeURIComponent(value ?? '');
  });
  return missing ? undefined : url;
}

function widened(window: Interval): Interval {
  const start = Math.floor(window.start.getTime() / DAY_MS) * DAY_MS;
  const end = Math.ceil((window.end.getTime() + FETCH_MARGIN_MS) / DAY_MS) * DAY_MS;
  return { start: new Date(start), end: new Date(end) };
}

function covers(outer: Interval, inner: Interval): boolean {
  return outer.start <= inner.start && outer.end >= inner.end;
}

/** Runs at most `max` of the given tasks at once; the rest wait their turn. */
function limiter(max: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (task) => {
    if (running >= max) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    try {
      return await task();
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
}

/** Busy times of several people from their calendars, and who of them could not be read. */
export interface CalendarsBusy {
  busy: Interval[];
  /** Ids of the people whose calendar gave no answer: planned from their windows alone. */
  unread: string[];
}

/**
 * Asks everyone's calendar at once (the reader limits the requests in flight) and unites the
 * answers. Each calendar that cannot be read is logged with its reason and listed, so the
 * planner can say that the time was chosen without it.
 */
export async function busyInCalendars(
  freeBusy: FreeBusy,
  people: readonly (CalendarOwner & { id: string })[],
  window: Interval,
  log: Pick<Log, 'warn'>,
): Promise<CalendarsBusy> {
  const answers = await Promise.all(people.map((person) => freeBusy.busyTimes(person, window)));
  const result: CalendarsBusy = { busy: [], unread: [] };
  answers.forEach((answer, i) => {
    const userId = (people[i] as { id: string }).id;
    if ('busy' in answer) result.busy.push(...answer.busy);
    else {
      result.unread.push(userId);
      log.warn({ userId, reason: answer.unavailable }, 'planning without their calendar');
    }
  });
  return result;
}
