import type { MatchCandidate } from './matching.js';

/** A weekly window in which a person can meet, read in the organisation's time zone. */
export type WeeklyWindow = MatchCandidate['profile']['availability'][number];

/**
 * The availability Tandem assumes for someone who gave no windows at all: working days,
 * Monday to Friday, 09:00 to 17:00 in the organisation's time zone. The meeting planner
 * plans with it too.
 */
export const DEFAULT_WINDOWS: readonly WeeklyWindow[] = Object.freeze(
  [1, 2, 3, 4, 5].map((weekday) => Object.freeze({ weekday, from: '09:00', to: '17:00' })),
);

/** Meetings start on the quarter hour of local time (09:00, 09:15 …), as the planner sets them. */
export const MEETING_GRID_MINUTES = 15;

/** Minutes since local midnight, half-open: a meeting may end exactly at `to`. */
export interface MinuteRange {
  readonly from: number;
  readonly to: number;
}

/**
 * The ranges of each ISO weekday, sorted and disjoint; index 1 is Monday, index 0 stays
 * empty so a weekday indexes it directly.
 */
export type WeekPlan = readonly (readonly MinuteRange[])[];

const TIME_PATTERN = /^([01][0-9]|2[0-3]):([0-5][0-9])$/;

/** The minutes since midnight of an 'HH:MM' time, or undefined when it is not one. */
function minutesOf(time: string): number | undefined {
  const match = TIME_PATTERN.exec(time);
  return match === null ? undefined : Number(match[1]) * 60 + Number(match[2]);
}

/**
 * One person's windows by weekday, with overlapping or touching windows of a day united.
 * Windows never cross midnight: one whose end is not after its start (or with a weekday or
 * time the schema would reject) adds nothing.
 */
function weekPlan(windows: readonly WeeklyWindow[]): WeekPlan {
  const days: MinuteRange[][] = Array.from({ length: 8 }, () => []);
  for (const window of windows) {
    const from = minutesOf(window.from);
    const to = minutesOf(window.to);
    const day = window.weekday >= 1 ? days[window.weekday] : undefined;
    if (from === undefined || to === undefined || to <= from || day === undefined) continue;
    day.push({ from, to });
  }
  return days.map(mergeRanges);
}

/** Sorts ranges and unites those that overlap or touch. */
function mergeRanges(ranges: readonly MinuteRange[]): MinuteRange[] {
  const merged: MinuteRange[] = [];
  for (const range of [...ranges].sort((a, b) => a.from - b.from)) {
    const last = merged.at(-1);
    if (last !== undefined && range.from <= last.to) {
      merged[merged.length - 1] = { from: last.from, to: Math.max(last.to, range.to) };
    } else {
      merged.push(range);
    }
  }
  return merged;
}

/** The times both sorted, disjoint lists cover, by walking them side by side. */
function intersectRanges(a: readonly MinuteRange[], b: readonly MinuteRange[]): MinuteRange[] {
  const common: MinuteRange[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as MinuteRange;
    const y = b[j] as MinuteRange;
    const from = Math.max(x.from, y.from);
    const to = Math.min(x.to, y.to);
    if (from < to) common.push({ from, to });
    // The range that ends first cannot meet anything further on in the other list.
    if (x.to <= y.to) i++;
    else j++;
  }
  return common;
}

/**
 * The weekly times in which every one of the people is available, per ISO weekday; someone
 * without windows counts as {@link DEFAULT_WINDOWS}. No people share no time.
 */
export function commonWeekPlan(people: readonly (readonly WeeklyWindow[])[]): WeekPlan {
  const [first, ...others] = people.map((windows) =>
    weekPlan(windows.length > 0 ? windows : DEFAULT_WINDOWS),
  );
  if (first === undefined) return weekPlan([]);
  return others.reduce(
    (common, next) => common.map((ranges, weekday) => intersectRanges(ranges, next[weekday] ?? [])),
    first,
  );
}

/**
 * Minutes a week that all the people are available at once, from their weekly windows; someone
 * without windows counts as {@link DEFAULT_WINDOWS}.
 */
export function commonWeeklyMinutes(people: readonly (readonly WeeklyWindow[])[]): number {
  return commonWeekPlan(people)
    .flat()
    .reduce((sum, range) => sum + range.to - range.from, 0);
}

/**
 * Whether Tandem's meeting planner can ever find a time for all the people to meet for
 * `minutes`: on some weekday, a stretch inside everyone's windows (someone without windows
 * counts as {@link DEFAULT_WINDOWS}) that holds the whole meeting, starting on the quarter
 * hour. When it is false, no meeting of that length is ever planned for them; when it is
 * true, one is found within the planner's horizon unless holidays or their other meetings
 * take every such week.
 */
export function canMeetWeekly(
  people: readonly (readonly WeeklyWindow[])[],
  minutes: number,
): boolean {
  return commonWeekPlan(people).some((ranges) =>
    ranges.some(
      ({ from, to }) =>
        Math.ceil(from / MEETING_GRID_MINUTES) * MEETING_GRID_MINUTES + minutes <= to,
    ),
  );
}

// The quarter hours of a day, and the words of a week of them (index 0 stays empty, as in a
// WeekPlan).
const STARTS_PER_DAY = (24 * 60) / MEETING_GRID_MINUTES;
const WEEK_WORDS = (8 * STARTS_PER_DAY) / 32;

/**
 * The quarter hours of the week at which a meeting of `minutes` could start inside one person's
 * windows (none count as {@link DEFAULT_WINDOWS}), one bit each. People can meet weekly for
 * `minutes` exactly when their bits have one in common: a meeting inside everyone's windows is
 * inside their common time, and back. So {@link canMeetWeekly} of a group is an AND of these,
 * computed once per person instead of once per group.
 */
export function weeklyStarts(windows: readonly WeeklyWindow[], minutes: number): Uint32Array {
  const bits = new Uint32Array(WEEK_WORDS);
  weekPlan(windows.length > 0 ? windows : DEFAULT_WINDOWS).forEach((ranges, weekday) => {
    for (const { from, to } of ranges) {
      const first = Math.ceil(from / MEETING_GRID_MINUTES) * MEETING_GRID_MINUTES;
      for (let start = first; start + minutes <= to; start += MEETING_GRID_MINUTES) {
        const bit = weekday * STARTS_PER_DAY + start / MEETING_GRID_MINUTES;
        bits[bit >>> 5] = (bits[bit >>> 5] as number) | (1 << (bit & 31));
      }
    }
  });
  return bits;
}

/** Whether the {@link weeklyStarts} of all the people have a start in common. */
export function shareWeeklyStart(starts: readonly Uint32Array[]): boolean {
  const first = starts[0];
  if (first === undefined) return false;
  for (let word = 0; word < first.length; word++) {
    let common = first[word] as number;
    for (let i = 1; i < starts.length; i++) common &= starts[i]?.[word] ?? 0;
    if (common !== 0) return true;
  }
  return false;
}
