import type { MatchCandidate, MatchInput } from '@tandem/plugin-sdk';

/** The rank of a repeat in a pair key; smaller ranks are people new to each other. */
export const MET = 3;
const RANKS = 5;
const SPREADS = 2 ** 32;

/**
 * Every pair of a lunch round as one number, smaller for a better pair: first the rank
 * `weigh` would give it from departments and history alone (0 other departments, 1 departments
 * unknown, 2 one department, {@link MET} met before, 4 one department where the programme asks
 * for different ones — the same facts `mayMeet` reports), then the seeded spread among equals,
 * then the partner's index, so that no two keys of one person are equal. Pairs without a
 * language in common can never meet and get no key at all.
 */
export function pairKeys(input: MatchInput) {
  const people = input.candidates;
  const n = people.length;
  const shift = 2 ** Math.max(1, Math.ceil(Math.log2(n)));
  const end = RANKS * SPREADS * shift;
  if (end > Number.MAX_SAFE_INTEGER)
    throw new RangeError(`a lunch round of ${n} people is too large`);
  const department = departments(people);
  const share = languageMasks(people);
  const met = earlierPartners(input);
  const apart =
    input.programme.kind === 'peer-lunch' && input.programme.rules.department === 'different';
  const seed = input.seed;
  // One person's earlier partners, marked while their keys are collected (a Set lookup per
  // pair would cost more than everything else in the loop).
  const metHere = new Uint8Array(n);
  return {
    /** One past the largest key. */
    end,
    /** Writes the keys of person `a` in `[from, to)` into `keys`; returns how many. */
    collect(a: number, from: number, to: number, keys: Float64Array): number {
      let count = 0;
      const [da, mask, partners] = [department[a] as number, share[a] as number, met[a]];
      // Ranks outside the band are skipped before the hash: most passes read one rank.
      const [lowest, highest] = [
        Math.floor(from / shift / SPREADS),
        Math.ceil(to / shift / SPREADS),
      ];
      for (const b of partners ?? []) metHere[b] = 1;
      for (let b = 0; b < n; b++) {
        if (b === a || (mask & (share[b] as number)) === 0) continue;
        const db = department[b] as number;
        const same = da >= 0 && da === db;
        const rank = apart && same ? 4 : metHere[b] ? MET : da >= 0 && db >= 0 ? (same ? 2 : 0) : 1;
        if (rank < lowest || rank >= highest) continue;
        const key = (rank * SPREADS + spread(Math.min(a, b), Math.max(a, b), seed)) * shift + b;
        if (key >= from && key < to) keys[count++] = key;
      }
      for (const b of partners ?? []) metHere[b] = 0;
      return count;
    },
    partner: (key: number) => key % shift,
    rank: (key: number) => Math.floor(key / shift / SPREADS),
    /** A bound below which a person has about `count` keys of the best rank. */
    around: (count: number) => Math.ceil((SPREADS * count) / Math.max(1, n)) * shift,
  };
}

/** A pseudo-random but repeatable order among equally good pairs, from the round's seed. */
function spread(a: number, b: number, seed: number): number {
  let h = Math.imul(a + 1, 0x9e3779b1) ^ Math.imul(b + 1, 0x85ebca6b) ^ seed;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  return (h ^ (h >>> 15)) >>> 0;
}

/** Each person's department as a number, -1 where unknown. */
function departments(people: MatchCandidate[]): Int32Array {
  const ids = new Map<string, number>();
  return Int32Array.from(people, (c) => {
    const name = c.profile.department;
    if (!name) return -1;
    if (!ids.has(name)) ids.set(name, ids.size);
    return ids.get(name) ?? -1;
  });
}

/** Each person's languages as bits; everyone all bits when there are more languages than bits. */
function languageMasks(people: MatchCandidate[]): Int32Array {
  const bits = new Map<string, number>();
  for (const c of people)
    for (const l of c.profile.languages) if (!bits.has(l)) bits.set(l, bits.size);
  if (bits.size > 31) return new Int32Array(people.length).fill(-1);
  return Int32Array.from(people, (c) =>
    c.profile.languages.reduce((m, l) => m | (1 << (bits.get(l) ?? 0)), 0),
  );
}

/** For each person, the indexes of their earlier partners in this round (by person id). */
function earlierPartners(input: MatchInput): (Set<number> | undefined)[] {
  const people = input.candidates;
  const indexOf = new Map<string, number[]>();
  people.forEach((c, i) => {
    indexOf.set(c.personId, [...(indexOf.get(c.personId) ?? []), i]);
  });
  const met: (Set<number> | undefined)[] = people.map(() => undefined);
  const add = (i: number, j: number) => {
    met[i] ??= new Set();
    met[i].add(j);
  };
  for (const [p, q] of input.history)
    for (const i of indexOf.get(p) ?? [])
      for (const j of indexOf.get(q) ?? []) {
        add(i, j);
        add(j, i);
      }
  return met;
}
