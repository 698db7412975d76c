import {
  type ExplanationParams,
  type MatchCandidate,
  type MatchInput,
  type MeetingVerdict,
  mayMeet,
} from '@tandem/plugin-sdk';

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
      const v = verdict([x, y]);
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
 */
export function peerEdges(input: MatchInput): PeerEdge[] {
  const people = input.candidates;
  const { pair } = peerRules(input);

  const all: PeerEdge[][] = people.map(() => []);
  const fresh = people.map(() => 0);
  people.forEach((x, a) => {
    for (let b = a + 1; b < people.length; b++) {
      const y = people[b];
      if (!y) continue;
      const { possible, metBefore: met, apart: sameDepartment } = pair(x, y);
      if (!possible) continue;
      const edge = { a, b, ...weigh(x, y, met, sameDepartment), sameDepartment };
      all[a]?.push(edge);
      all[b]?.push(edge);
      if (!met && !sameDepartment) {
        fresh[a] = (fresh[a] ?? 0) + 1;
        fresh[b] = (fresh[b] ?? 0) + 1;
      }
    }
  });
  // A repeat is allowed only where one of the two has nobody new left.
  const allowed = (e: PeerEdge) =>
    e.sameDepartment || e.code !== MET_BEFORE || fresh[e.a] === 0 || fresh[e.b] === 0;
  const kept = new Set<PeerEdge>();
  for (const edges of all) {
    const best = edges
      .filter(allowed)
      .sort((x, y) => y.weight - x.weight || spread(x, input.seed) - spread(y, input.seed))
      .slice(0, CANDIDATES_PER_PERSON);
    for (const edge of best) kept.add(edge);
  }
  return [...kept].sort((x, y) => x.a - y.a || x.b - y.b);
}

/** A pseudo-random but repeatable order among equally good pairs, from the round's seed. */
function spread(edge: PeerEdge, seed: number): number {
  let h = Math.imul(edge.a + 1, 0x9e3779b1) ^ Math.imul(edge.b + 1, 0x85ebca6b) ^ seed;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  return (h ^ (h >>> 15)) >>> 0;
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
