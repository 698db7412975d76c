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

/** Minutes since local midnight, half-open. */
interface Range {
  from: number;
  to: number;
}

const TIME = /^([01][0-9]|2[0-3]):([0-5][0-9])$/;

function minutesOf(time: string): number | undefined {
  const match = TIME.exec(time);
  return match ? Number(match[1]) * 60 + Number(match[2]) : undefined;
}

/**
 * One person's ranges per ISO weekday (index 1 = Monday), overlapping or touching windows of
 * a day united; no windows at all means {@link DEFAULT_WINDOWS}. A window whose end is not
 * after its start adds nothing, since windows never cross midnight.
 */
function week(windows: readonly WeeklyWindow[]): Range[][] {
  const days: Range[][] = Array.from({ length: 8 }, () => []);
  for (const window of windows.length > 0 ? windows : DEFAULT_WINDOWS) {
    const from = minutesOf(window.from);
    const to = minutesOf(window.to);
    const day = window.weekday >= 1 ? days[window.weekday] : undefined;
    if (from === undefined || to === undefined || to <= from || !day) continue;
    day.push({ from, to });
  }
  return days.map(unite);
}

function unite(ranges: Range[]): Range[] {
  const united: Range[] = [];
  for (const range of [...ranges].sort((a, b) => a.from - b.from)) {
    const last = united.at(-1);
    if (last && range.from <= last.to) last.to = Math.max(last.to, range.to);
    else united.push({ ...range });
  }
  return united;
}

function intersect(a: readonly Range[], b: readonly Range[]): Range[] {
  const common: Range[] = [];
  for (const x of a)
    for (const y of b) {
      const from = Math.max(x.from, y.from);
      const to = Math.min(x.to, y.to);
      if (from < to) common.push({ from, to });
    }
  return common;
}

/** The weekly times every one of the people is available, per weekday. */
function commonWeek(people: readonly (readonly WeeklyWindow[])[]): Range[][] {
  const [first, ...others] = people.map(week);
  if (!first) return [];
  return others.reduce(
    (common, next) => common.map((day, i) => intersect(day, next[i] ?? [])),
    first,
  );
}

/**
 * Minutes a week that all the people are available at once, from their weekly windows; someone
 * without windows counts as {@link DEFAULT_WINDOWS}.
 */
export function commonWeeklyMinutes(people: readonly (readonly WeeklyWindow[])[]): number {
  return commonWeek(people)
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
  return commonWeek(people).some((ranges) =>
    ranges.some(
      ({ from, to }) =>
        Math.ceil(from / MEETING_GRID_MINUTES) * MEETING_GRID_MINUTES + minutes <= to,
    ),
  );
}
