import {
  type ExplanationParams,
  type MatchCandidate,
  type MatchInput,
  type MeetingVerdict,
  mayMeet,
} from '@tandem/plugin-sdk';
import { ascending } from './ascending.js';
import { MET, pairKeys } from './pair-keys.js';

/** A possible lunch pair, with its weight and the reason an admin reads. */
export interface PeerEdge {
  a: number;
  b: number;
  weight: number;
  why: string;
  /** Both from one department although the programme asks for different ones. */
  sameDepartment: boolean;
  /** The reason as a code the host words (see the SDK's explanation contract). */
  code: string;
  params?: ExplanationParams;
}

/**
 * With many people, each keeps this many best candidates (ties spread by the round's seed, so
 * that nobody becomes everyone's candidate): plenty for a perfect matching, and it keeps
 * a round of 10,000 people to some 300,000 edges.
 */
export const CANDIDATES_PER_PERSON = 30;

/**
 * Who may have lunch together, as the SDK's `mayMeet` answers for the host's rules: in a peer
 * lunch, meeting again and one department are rules that yield (`avoid`), which the round
 * weighs instead of refusing.
 */
export function peerRules(input: MatchInput) {
  const verdict = (people: MatchCandidate[]) => mayMeet(input, ...people.map((c) => c.enrolmentId));
  const avoids = (v: MeetingVerdict, rule: string) => v.avoid.some((r) => r.rule === rule);
  return {
    /** Whether the two may have lunch, and whether they met before or share a department. */
    pair: (x: MatchCandidate, y: MatchCandidate) => {
      const v = mayMeet(input, x.enrolmentId, y.enrolmentId);
      return {
        possible: v.ok,
        metBefore: avoids(v, 'met-before'),
        apart: avoids(v, 'same-department'),
      };
    },
    /** Whether a whole group may have lunch together (a language, a weekly time, …). */
    meet: (people: MatchCandidate[]) => verdict(people).ok,
  };
}

/**
 * The pairs that may have lunch together, best first per person: a language in common, nobody
 * excluded or forbidden; different departments weigh more. People who met before are left out
 * — unless someone has met everyone they could meet: then the pool is exhausted for them, and
 * their earlier partners come back, at the lowest weight. Where the programme asks for
 * different departments (`rules.department: 'different'`), a colleague from one's own
 * department is nobody new: meeting an earlier partner again comes first, and a pair of one
 * department is marked `sameDepartment`, for the round to use only where nothing else works.
 *
 * Each person keeps their {@link CANDIDATES_PER_PERSON} best. Rather than asking `mayMeet`
 * about every pair (quadratic, and far too slow for 10,000 people), every person's others are
 * ranked by a cheap key — the weight their departments and history predict, then the seeded
 * spread — and `mayMeet` is asked in that order only until the shortlist is full.
 */
export function peerEdges(input: MatchInput): PeerEdge[] {
  const people = input.candidates;
  const { pair } = peerRules(input);
  const keys = pairKeys(input);

  const kept = new Map<number, PeerEdge>();
  const fresh = new Int8Array(people.length).fill(-1);
  // The spread is symmetric, so two people tend to shortlist each other: each pair is asked
  // once and its answer kept (null: they may not meet).
  const asked = new Map<number, PeerEdge | null>();
  const edge = (a: number, b: number): PeerEdge | undefined => {
    const [i, j] = a < b ? [a, b] : [b, a];
    const id = i * people.length + j;
    const known = asked.get(id);
    if (known !== undefined) return known ?? undefined;
    const [x, y] = [people[i], people[j]] as [MatchCandidate, MatchCandidate];
    const { possible, metBefore, apart: sameDepartment } = pair(x, y);
    const found = possible
      ? { a: i, b: j, ...weigh(x, y, metBefore, sameDepartment), sameDepartment }
      : null;
    asked.set(id, found);
    return found ?? undefined;
  };
  const buffer = new Float64Array(people.length);
  // Whether someone may still meet anybody new (not met before, not their own department).
  const hasFresh = (a: number): boolean => {
    if (fresh[a] === -1) {
      const count = keys.collect(a, 0, keys.end, buffer);
      fresh[a] = buffer
        .subarray(0, count)
        .some((key) => keys.rank(key) < MET && edge(a, keys.partner(key)) !== undefined)
        ? 1
        : 0;
    }
    return fresh[a] === 1;
  };
  const shortlist = new Float64Array(people.length);
  // Keys are read in bands, from a narrow first one up, so that most people need one pass; the
  // first band of everyone comes from one pass over all pairs.
  const firstEnd = Math.min(keys.end, keys.around(8 * CANDIDATES_PER_PERSON));
  const first = keys.band(firstEnd);
  people.forEach((_, a) => {
    let taken = 0;
    let anyFresh = false;
    for (let from = 0, to = firstEnd; from < keys.end && taken < CANDIDATES_PER_PERSON; ) {
      const band =
        from === 0
          ? first.keys.subarray(first.start[a], first.start[a + 1])
          : shortlist.subarray(0, keys.collect(a, from, to, shortlist));
      for (const key of ascending(band)) {
        if (taken === CANDIDATES_PER_PERSON) return;
        const [b, rank] = [keys.partner(key), keys.rank(key)];
        const found = edge(a, b);
        if (!found) continue;
        if (rank < MET) anyFresh = true;
        // A repeat is allowed only where one of the two has nobody new left; by the time the
        // keys reach repeats, everyone new to this person has been asked.
        else if (rank === MET && anyFresh && hasFresh(b)) continue;
        if (rank === MET) fresh[a] = anyFresh ? 1 : 0;
        kept.set(found.a * people.length + found.b, found);
        taken++;
      }
      [from, to] = [to, Math.min(keys.end, to * 8)];
    }
  });
  return [...kept.values()].sort((x, y) => x.a - y.a || x.b - y.b);
}

/** The code of a pair who had lunch before. */
export const MET_BEFORE = 'lunch.met-before';

/**
 * How much a lunch pair is worth, and why: other departments most, earlier partners least, and
 * nothing where the programme asks for different departments and both work in the same one.
 */
export function weigh(
  x: MatchCandidate,
  y: MatchCandidate,
  met: boolean,
  sameDepartment = false,
): Omit<PeerEdge, 'a' | 'b' | 'sameDepartment'> {
  if (sameDepartment)
    return {
      weight: 0,
      why: `Both work in ${x.profile.department}; the programme asks for different departments, and nobody else was left.`,
      code: 'department.same-apart',
      params: { department: x.profile.department ?? '' },
    };
  if (met)
    return {
      weight: 1,
      why: 'Met before; everyone else is taken or met already.',
      code: MET_BEFORE,
    };
  const [dx, dy] = [x.profile.department, y.profile.department];
  if (dx && dy && dx !== dy)
    return {
      weight: 100,
      why: `They come from ${dx} and ${dy}.`,
      code: 'department.different',
      params: { departments: [dx, dy] },
    };
  if (dx && dx === dy)
    return {
      weight: 40,
      why: `Both work in ${dx}.`,
      code: 'department.same',
      params: { department: dx },
    };
  return { weight: 70, why: 'Departments are not known for both.', code: 'department.unknown' };
}
