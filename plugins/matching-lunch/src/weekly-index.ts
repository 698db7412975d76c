import { type MatchInput, plannedMeetingMinutes, weeklyStarts } from '@tandem/plugin-sdk';

/**
 * Whether two people have a weekly time for a meeting, as `mayMeet` asks it of a pair
 * (`canMeetWeekly`); always where the host plans no meetings. Each person's possible starts
 * (the SDK's `weeklyStarts`) are read once, into one array, with a mask of the words that hold
 * any: most pairs that cannot meet have no weekday in common, and the masks tell at once.
 */
export function weeklyIndex(input: MatchInput): (a: number, b: number) => boolean {
  const minutes = plannedMeetingMinutes(input);
  if (minutes === undefined) return () => true;
  const starts = input.candidates.map((c) => weeklyStarts(c.profile.availability, minutes));
  const width = starts[0]?.length ?? 0;
  if (width > 31) throw new RangeError(`weekly starts of ${width} words do not fit a mask`);
  const words = new Uint32Array(starts.length * width);
  const used = new Int32Array(starts.length);
  starts.forEach((bits, a) => {
    words.set(bits, a * width);
    bits.forEach((word, w) => {
      if (word !== 0) used[a] = (used[a] as number) | (1 << w);
    });
  });
  return (a, b) => {
    for (let both = (used[a] as number) & (used[b] as number); both !== 0; both &= both - 1) {
      const w = 31 - Math.clz32(both & -both);
      if (((words[a * width + w] as number) & (words[b * width + w] as number)) !== 0) return true;
    }
    return false;
  };
}
