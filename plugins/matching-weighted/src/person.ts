import {
  canMeetWeekly,
  commonWeekPlan,
  type MatchCandidate,
  type MinuteRange,
  shareWeeklyStart,
  type WeekPlan,
  weeklyStarts,
} from '@tandem/plugin-sdk';

/**
 * A candidate with what the criteria read of them alone, worked out once per round: a round
 * scores every mentor with every mentee, so anything read per pair is read a thousand times.
 */
export interface Person {
  candidate: MatchCandidate;
  /** The words of four letters or more in their goals, lower case, in the order they come. */
  goalWords: ReadonlySet<string>;
  /** Their weekly windows as the meeting planner reads them; none given counts as working hours. */
  week: WeekPlan;
  /** They gave no windows, so working hours are assumed for them. */
  workingHours: boolean;
  /**
   * Where the host plans meetings of `minutes`: the quarter hours one could start in their
   * windows (the SDK's `weeklyStarts`). Undefined where it plans none.
   */
  starts: Uint32Array | undefined;
}

/** Each candidate as a {@link Person}, for meetings of `minutes` where the host plans them. */
export function personOf(candidate: MatchCandidate, minutes: number | undefined): Person {
  const { availability, goals } = candidate.profile;
  return {
    candidate,
    goalWords: new Set(
      goals
        .join(' ')
        .toLowerCase()
        .match(/\p{L}{4,}/gu) ?? [],
    ),
    // One person's common plan is their own, with working hours where they gave no windows.
    week: commonWeekPlan([availability]),
    workingHours: availability.length === 0,
    starts: minutes === undefined ? undefined : weeklyStarts(availability, minutes),
  };
}

/**
 * Whether the meeting planner could ever find a time for the two to meet for `minutes`, as the
 * SDK's `canMeetWeekly` answers, from the starts worked out once per person where they were.
 */
export function canMeet(a: Person, b: Person, minutes: number): boolean {
  return a.starts && b.starts
    ? shareWeeklyStart([a.starts, b.starts])
    : canMeetWeekly([a.candidate.profile.availability, b.candidate.profile.availability], minutes);
}

/**
 * Minutes a week both are free at once: what the SDK's `commonWeeklyMinutes` answers for the
 * two, from plans read once per person. Each day's ranges are sorted and disjoint, so walking
 * them side by side sums their overlap.
 */
export function commonMinutes(a: WeekPlan, b: WeekPlan): number {
  let minutes = 0;
  for (let day = 0; day < a.length; day++) {
    const x = a[day] as readonly MinuteRange[];
    const y = b[day];
    if (x.length === 0 || y === undefined) continue;
    let i = 0;
    let j = 0;
    while (i < x.length && j < y.length) {
      const p = x[i] as MinuteRange;
      const q = y[j] as MinuteRange;
      const overlap = Math.min(p.to, q.to) - Math.max(p.from, q.from);
      if (overlap > 0) minutes += overlap;
      if (p.to <= q.to) i++;
      else j++;
    }
  }
  return minutes;
}
