import type { MatchCandidate, MatchInput } from '@tandem/plugin-sdk';
import { weeklyIndex } from './weekly-index.js';

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
 * language in common, or without a weekly time for a meeting where the host plans them, can
 * never meet and get no key at all.
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
  const meetWeekly = weeklyIndex(input);
  const meetable = meetableShare(n, share, meetWeekly);
  const apart =
    input.programme.kind === 'peer-lunch' && input.programme.rules.department === 'different';
  // The spread's factors of each index as the lower (with the seed) and as the higher of a pair.
  const low = Int32Array.from({ length: n }, (_, a) => Math.imul(a + 1, LOW) ^ input.seed);
  const high = Int32Array.from({ length: n }, (_, b) => Math.imul(b + 1, HIGH));
  const spreadOf = (a: number, b: number) =>
    finish(
      a < b ? (low[a] as number) ^ (high[b] as number) : (low[b] as number) ^ (high[a] as number),
    );
  // One person's earlier partners, marked while their keys are collected (a Set lookup per
  // pair would cost more than everything else in the loop).
  const metHere = new Uint8Array(n);
  // The rank `weigh` would give a pair of these departments (-1 unknown), met before or not.
  const rankOf = (da: number, db: number, metBefore: boolean): number => {
    const same = da >= 0 && da === db;
    return apart && same ? 4 : metBefore ? MET : da >= 0 && db >= 0 ? (same ? 2 : 0) : 1;
  };
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
        const rank = rankOf(da, department[b] as number, metHere[b] === 1);
        if (rank < lowest || rank >= highest) continue;
        const key = (rank * SPREADS + spreadOf(a, b)) * shift + b;
        if (key >= from && key < to && meetWeekly(a, b)) keys[count++] = key;
      }
      for (const b of partners ?? []) metHere[b] = 0;
      return count;
    },
    /**
     * Everyone's keys below `to` (a multiple of {@link around}'s step) at once, as
     * `keys[start[a] .. start[a + 1])` for person `a`: the same keys `collect(a, 0, to)` writes,
     * in another order. A pair's rank and spread are the same from both sides, so each pair is
     * hashed once, not twice; and the hash comes first, because it rejects almost every pair
     * (a first band holds some hundreds of a round's thousands) before anything else is read.
     * Every pair is still hashed: the spread is a hash, and no index finds a person's smallest
     * spreads without computing them — departments and languages would skip only the few
     * pairs they rule out.
     */
    band(to: number): { start: Int32Array; keys: Float64Array } {
      const limit = to / shift;
      const pairs = new PairList();
      for (let a = 0; a < n; a++) {
        const [da, mask, partners] = [department[a] as number, share[a] as number, met[a]];
        const lowA = low[a] as number;
        for (const b of partners ?? []) metHere[b] = 1;
        for (let b = a + 1; b < n; b++) {
          const spreadAB = finish(lowA ^ (high[b] as number));
          if (spreadAB >= limit || (mask & (share[b] as number)) === 0) continue;
          const rank = rankOf(da, department[b] as number, metHere[b] === 1);
          const value = rank * SPREADS + spreadAB;
          if (value < limit && meetWeekly(a, b)) pairs.push(a, b, value);
        }
        for (const b of partners ?? []) metHere[b] = 0;
      }
      return pairs.byPerson(n, shift);
    },
    partner: (key: number) => key % shift,
    rank: (key: number) => Math.floor(key / shift / SPREADS),
    /**
     * A bound below which a person has about `count` keys of the best rank: more others are
     * spread below it where fewer pairs have a language and a weekly time in common.
     */
    around: (count: number) => Math.ceil((SPREADS * count) / Math.max(1, n) / meetable) * shift,
  };
}

// The factors of the lower and the higher index of a pair in its seeded spread, a
// pseudo-random but repeatable order among equally good pairs.
const LOW = 0x9e3779b1;
const HIGH = 0x85ebca6b;

/** The spread of a pair, from the factors of both indexes and the seed mixed together. */
function finish(mixed: number): number {
  const h = Math.imul(mixed ^ (mixed >>> 16), 0x7feb352d);
  return (h ^ (h >>> 15)) >>> 0;
}

/** Pairs with their key without the partner, grown as found; then sorted out per person. */
class PairList {
  private ends = new Int32Array(1024);
  private values = new Float64Array(512);
  private size = 0;

  push(a: number, b: number, value: number): void {
    if (this.size === this.values.length) {
      const ends = new Int32Array(this.ends.length * 2);
      ends.set(this.ends);
      const values = new Float64Array(this.values.length * 2);
      values.set(this.values);
      [this.ends, this.values] = [ends, values];
    }
    this.ends[2 * this.size] = a;
    this.ends[2 * this.size + 1] = b;
    this.values[this.size++] = value;
  }

  /** Each person's keys (value, then partner), as offsets into one array. */
  byPerson(n: number, shift: number): { start: Int32Array; keys: Float64Array } {
    const start = new Int32Array(n + 1);
    const ends = this.ends.subarray(0, 2 * this.size);
    for (const a of ends) start[a + 1] = (start[a + 1] as number) + 1;
    for (let a = 0; a < n; a++) start[a + 1] = (start[a + 1] as number) + (start[a] as number);
    const next = start.slice(0, n);
    const keys = new Float64Array(ends.length);
    ends.forEach((a, i) => {
      // The partner is the other end of the same pair.
      const b = ends[i ^ 1] as number;
      const at = next[a] as number;
      keys[at] = (this.values[i >> 1] as number) * shift + b;
      next[a] = at + 1;
    });
    return { start, keys };
  }
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

/**
 * About which share of all pairs have a language and a weekly time in common, from a sample of
 * pairs spread over everyone; at least an eighth, so that a band never grows without bound.
 */
function meetableShare(
  n: number,
  languages: Int32Array,
  meetWeekly: (a: number, b: number) => boolean,
): number {
  const samples = Math.min(n, 4096);
  let [asked, able] = [0, 0];
  for (let i = 0; i < samples; i++) {
    const a = Math.floor((i * n) / samples);
    const b = (a * 7919 + 4099) % n;
    if (a === b) continue;
    asked++;
    if (((languages[a] as number) & (languages[b] as number)) !== 0 && meetWeekly(a, b)) able++;
  }
  return Math.max(1 / 8, asked === 0 ? 1 : able / asked);
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
