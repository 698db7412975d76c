import type { Static } from '@sinclair/typebox';
import type { AvailabilityWindowSchema } from '../profiles/profile-schema.js';

/** A weekly window in which a person can meet, read in the organisation's time zone. */
export type AvailabilityWindow = Static<typeof AvailabilityWindowSchema>;

/** Minutes since local midnight, half-open: a slot may end exactly at `to`. */
export interface MinuteRange {
  readonly from: number;
  readonly to: number;
}

/**
 * The ranges of each ISO weekday, sorted and disjoint; index 1 is Monday, index 0 stays
 * empty so a weekday indexes it directly.
 */
export type WeekPlan = readonly (readonly MinuteRange[])[];

const TIME_PATTERN = /^(\d{2}):(\d{2})$/;

/**
 * The minutes since midnight of an 'HH:MM' time, or undefined when it is not one.
 */
export function minutesOf(time: string): number | undefined {
  const match = TIME_PATTERN.exec(time);
  if (match === null) return undefined;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (hours > 23 || minutes > 59) return undefined;
  return hours * 60 + minutes;
}

/**
 * One person's windows by weekday, with overlapping or adjacent windows of a day merged.
 * Windows never cross midnight: one whose end is not after its start (or with a weekday or
 * time the profile schema would reject) adds nothing.
 */
export function weekPlan(windows: readonly AvailabilityWindow[]): WeekPlan {
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
export function mergeRanges(ranges: readonly MinuteRange[]): MinuteRange[] {
  const sorted = [...ranges].sort((a, b) => a.from - b.from);
  const merged: MinuteRange[] = [];
  for (const range of sorted) {
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
export function intersectRanges(
  a: readonly MinuteRange[],
  b: readonly MinuteRange[],
): MinuteRange[] {
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

/** The weekly times in which both people are available. */
export function commonWeekPlan(a: WeekPlan, b: WeekPlan): WeekPlan {
  return a.map((ranges, weekday) => intersectRanges(ranges, b[weekday] ?? []));
}
