import type { MatchCandidate } from '@tandem/plugin-sdk';

type Window = MatchCandidate['profile']['availability'][number];

const minutes = (time: string) => {
  const [hours = 0, mins = 0] = time.split(':').map(Number);
  return hours * 60 + mins;
};

/** Minutes a week two people are both available, from their weekday windows. */
export function overlapMinutes(a: readonly Window[], b: readonly Window[]): number {
  let total = 0;
  for (const x of a)
    for (const y of b) {
      if (x.weekday !== y.weekday) continue;
      const start = Math.max(minutes(x.from), minutes(y.from));
      const end = Math.min(minutes(x.to), minutes(y.to));
      if (end > start) total += end - start;
    }
  return total;
}
