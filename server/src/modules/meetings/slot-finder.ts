import {
  commonWeekPlan,
  DEFAULT_WINDOWS,
  MEETING_GRID_MINUTES,
  type MinuteRange,
} from '@tandem/plugin-sdk';
import { DateTime, IANAZone } from 'luxon';
import type { AvailabilityWindow } from '../profiles/profile-schema.js';
import type { HolidayCalendar } from './holiday-calendar.js';

export type { AvailabilityWindow } from '../profiles/profile-schema.js';

/** A span of time, start inclusive and end exclusive. */
export interface Interval {
  start: Date;
  end: Date;
}

/** Everything the slot finder needs to plan one meeting of a pair. */
export interface SlotRequest {
  /**
   * The weekly windows of each member (two for a pair, three for a lunch group); an empty
   * list means {@link DEFAULT_WINDOWS}.
   */
  windows: readonly [readonly AvailabilityWindow[], ...(readonly AvailabilityWindow[])[]];
  /** The organisation's IANA time zone, in which windows and holidays are read. */
  timeZone: string;
  /** No meeting is planned on a day this calendar names. */
  holidays: HolidayCalendar;
  /** Both partners' other meetings; a slot may touch one but never overlap it. */
  busy: readonly Interval[];
  /** The slot starts at or after this moment. */
  notBefore: Date;
  /** Length of the meeting in minutes (elapsed time, also across a change of clocks). */
  durationMinutes: number;
  /** The slot starts within this many calendar days after `notBefore`; default 42. */
  horizonDays?: number;
}

/**
 * The availability assumed for a partner who gave no windows at all: working days,
 * Monday to Friday, 09:00 to 17:00 in the organisation's time zone. From the SDK, so that
 * matching judges who can meet with the same assumption (`canMeetWeekly`).
 */
export { DEFAULT_WINDOWS };

/** How far ahead {@link findSlot} looks when the request does not say. */
export const DEFAULT_HORIZON_DAYS = 42;

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const GRID_MS = MEETING_GRID_MINUTES * MINUTE_MS;

/** A span in epoch milliseconds, the working form of {@link Interval}. */
interface Span {
  start: number;
  end: number;
}

/**
 * The clock of one local day: the UTC offset (ms) before and after the one change of
 * clocks near the day, if there is one. Offsets change at most twice a year, so a day
 * never sees two changes.
 */
interface DayClock {
  before: number;
  after: number;
  /** The first instant with the `after` offset; Infinity on a day without a change. */
  changeAt: number;
}

/**
 * The earliest slot for a meeting of the pair: it starts at or after `notBefore` on the
 * 15-minute grid of local time (09:00, 09:15 …), lies entirely inside a window of each
 * partner on one local day that is no holiday, overlaps none of the busy intervals (it may
 * start as one ends) and starts within the horizon. Windows are local wall-clock times, so
 * a day on which clocks change gets exactly the instants whose local time lies inside the
 * window: no slot in the skipped hour in spring, both passes of the repeated hour in autumn.
 *
 * @returns the slot, or undefined when nothing fits within the horizon.
 * @throws RangeError for an unknown time zone, a duration that is not positive, a negative
 *   horizon or an invalid `notBefore`.
 */
export function findSlot(request: SlotRequest): Interval | undefined {
  const zone = zoneOf(request.timeZone);
  const notBefore = request.notBefore.getTime();
  const durationMs = request.durationMinutes * MINUTE_MS;
  const horizonDays = request.horizonDays ?? DEFAULT_HORIZON_DAYS;
  checkRequest(notBefore, durationMs, horizonDays);
  const plan = commonWeekPlan(request.windows);
  if (plan.every((ranges) => ranges.length === 0)) return undefined;

  const first = DateTime.fromMillis(notBefore, { zone });
  const limit = first.plus({ days: horizonDays }).toMillis();
  const nextClash = clashFinder(request.busy);
  for (let offset = 0; offset <= horizonDays; offset++) {
    const day = Date.UTC(first.year, first.month - 1, first.day + offset);
    const ranges = plan[isoWeekday(day)] ?? [];
    if (ranges.length === 0 || request.holidays.holidayOn(isoDate(day)) !== undefined) continue;
    const clock = dayClock(zone, day);
    for (const span of spansOfDay(clock, day, ranges)) {
      const from = Math.max(span.start, notBefore);
      const start = earliestIn(span, from, durationMs, clock, nextClash);
      if (start === undefined) continue;
      // Starts only grow from here on, so a first fit past the horizon means none inside.
      if (start >= limit) return undefined;
      return { start: new Date(start), end: new Date(start + durationMs) };
    }
  }
  return undefined;
}

function zoneOf(name: string): IANAZone {
  const zone = IANAZone.create(name);
  if (!zone.isValid) throw new RangeError(`Unknown time zone "${name}"`);
  return zone;
}

function checkRequest(notBefore: number, durationMs: number, horizonDays: number): void {
  if (!Number.isFinite(notBefore)) throw new RangeError('notBefore is not a valid date');
  if (!(durationMs > 0) || !Number.isFinite(durationMs)) {
    throw new RangeError('durationMinutes must be a positive number');
  }
  if (!Number.isInteger(horizonDays) || horizonDays < 0) {
    throw new RangeError('horizonDays must be a whole number of days, 0 or more');
  }
}

/** ISO weekday (1 = Monday) of a calendar day given as its UTC midnight. */
function isoWeekday(day: number): number {
  return new Date(day).getUTCDay() || 7;
}

/** 'YYYY-MM-DD' of a calendar day given as its UTC midnight. */
function isoDate(day: number): string {
  return new Date(day).toISOString().slice(0, 10);
}

/**
 * The offsets around a local day. Its instants lie within 14 hours before and 12 hours
 * after its wall-clock midnight read as UTC (the widest offsets in use), so comparing the
 * offsets at both ends tells whether clocks change; the change itself is then found by
 * halving to the minute, which happens only on the two such days of a year.
 */
function dayClock(zone: IANAZone, day: number): DayClock {
  let low = day - 14 * HOUR_MS;
  let high = day + 36 * HOUR_MS;
  const before = zone.offset(low) * MINUTE_MS;
  const after = zone.offset(high) * MINUTE_MS;
  if (before === after) return { before, after, changeAt: Number.POSITIVE_INFINITY };
  while (high - low > MINUTE_MS) {
    const middle = low + Math.floor((high - low) / 2 / MINUTE_MS) * MINUTE_MS;
    if (zone.offset(middle) * MINUTE_MS === before) low = middle;
    else high = middle;
  }
  return { before, after, changeAt: high };
}

/**
 * The instants of one day whose local time lies in the given wall-clock ranges. Read with
 * each offset, a range becomes a span that holds only where that offset applies; gluing
 * the pieces drops a skipped hour and keeps both passes of a repeated one.
 */
function spansOfDay(clock: DayClock, day: number, ranges: readonly MinuteRange[]): Span[] {
  const pieces: Span[] = [];
  for (const { from, to } of ranges) {
    const early = {
      start: day + from * MINUTE_MS - clock.before,
      end: Math.min(day + to * MINUTE_MS - clock.before, clock.changeAt),
    };
    if (early.start < early.end) pieces.push(early);
    if (clock.changeAt === Number.POSITIVE_INFINITY) continue;
    const late = {
      start: Math.max(day + from * MINUTE_MS - clock.after, clock.changeAt),
      end: day + to * MINUTE_MS - clock.after,
    };
    if (late.start < late.end) pieces.push(late);
  }
  return mergeSpans(pieces);
}

/** Sorts spans and unites those that overlap or touch. */
function mergeSpans(spans: Span[]): Span[] {
  spans.sort((a, b) => a.start - b.start);
  const merged: Span[] = [];
  for (const span of spans) {
    const last = merged.at(-1);
    if (last !== undefined && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

/**
 * The earliest grid start in `span` at or after `from` whose meeting fits before the span
 * ends without a clash: each clash moves the start to the grid point at or after its end.
 */
function earliestIn(
  span: Span,
  from: number,
  durationMs: number,
  clock: DayClock,
  nextClash: (start: number) => Span | undefined,
): number | undefined {
  let start = ceilToGrid(from, clock);
  while (start + durationMs <= span.end) {
    const clash = nextClash(start);
    if (clash === undefined || clash.start >= start + durationMs) return start;
    start = ceilToGrid(clash.end, clock);
  }
  return undefined;
}

/** The first instant at or after `at` whose local time is on a quarter hour. */
function ceilToGrid(at: number, clock: DayClock): number {
  const offset = at < clock.changeAt ? clock.before : clock.after;
  return Math.ceil((at + offset) / GRID_MS) * GRID_MS - offset;
}

/**
 * Busy intervals sorted and united once, behind a cursor: asked for ever later starts, it
 * returns the first busy span still ending after the start. The planner's starts only grow,
 * so each busy span is passed once however many candidates are tried.
 */
function clashFinder(busy: readonly Interval[]): (start: number) => Span | undefined {
  const spans = mergeSpans(
    busy
      .map((interval) => ({ start: interval.start.getTime(), end: interval.end.getTime() }))
      // Empty or invalid intervals block nothing (NaN fails the comparison too).
      .filter((span) => span.end > span.start),
  );
  let index = 0;
  return (start) => {
    while (index < spans.length && (spans[index] as Span).end <= start) index++;
    return spans[index];
  };
}
