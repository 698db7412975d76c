import {
  type MatchCandidate,
  type MatchInput,
  type MatchProposal,
  withoutPins,
} from '@tandem/plugin-sdk';
import { pairPeers } from '@tandem/plugin-sdk/solvers';
import { MET_BEFORE, type PeerEdge, peerEdges, peerRules } from './peer-edges.js';

type Group = MatchProposal['groups'][number];

/**
 * A lunch round. Pins an admin set stay as they are; among everyone else, the most pairs
 * possible and among those the best total (different departments, nobody met before), exactly.
 * Whoever is left — the odd one out — joins the pair they suit best as a group of three.
 */
export function proposeLunch(input: MatchInput): MatchProposal {
  const byId = new Map(input.candidates.map((c) => [c.enrolmentId, c]));
  const { pinned: pins, rest } = withoutPins(input);
  const pinned = pins.map((members) =>
    members.map((m) => byId.get(m.enrolmentId)).filter((c) => c !== undefined),
  );
  const people = rest.candidates;
  const edges = peerEdges(rest);
  // Pairs by a number, not a string: a round of 10,000 has some 200,000 of them.
  const n = people.length;
  const edgeOf = new Map(edges.map((e) => [e.a * n + e.b, e]));
  const index = new Map(people.map((c, i) => [c, i]));
  const between = (x: MatchCandidate, y: MatchCandidate) => {
    const [i, j] = [index.get(x) ?? -1, index.get(y) ?? -1];
    return i < 0 || j < 0 ? undefined : edgeOf.get(Math.min(i, j) * n + Math.max(i, j));
  };

  // A pair of one department, where the programme asks for different ones, costs more than
  // all other pairs together can be worth: the matching (most pairs first) then has as few of
  // them as it can, and only then the best total.
  const apart = -(100 * people.length + 1);
  const { pairs, unpaired } = pairPeers({
    people,
    edges: edges.map(({ a, b, weight, sameDepartment }) => ({
      a,
      b,
      score: sameDepartment ? apart : weight,
    })),
  });
  const groups: MatchCandidate[][] = pairs.map(({ a, b }) => [a, b]);
  const { meet } = peerRules(input);
  const alone: MatchCandidate[] = [];
  for (const person of unpaired) {
    const best = bestGroup(person, groups, between, meet);
    if (best) best.push(person);
    else alone.push(person);
  }
  return {
    groups: [
      ...pinned.map((members) => group(members, () => undefined, true)),
      ...groups.map((members) => group(members, between)),
    ],
    unmatched: alone.map((person) => ({
      enrolmentId: person.enrolmentId,
      reason:
        'Nobody left could have lunch with them: no shared language, no common time for lunch, or excluded.',
      code: 'unmatched.no-lunch-partner',
    })),
  };
}

/**
 * The pair a person left over suits best as the third: they must be able to meet both, and all
 * three must have a time for lunch together. A pair where they would meet someone of their own
 * department, against the programme's rule, comes only after every other.
 */
function bestGroup(
  person: MatchCandidate,
  groups: MatchCandidate[][],
  between: (x: MatchCandidate, y: MatchCandidate) => PeerEdge | undefined,
  meet: (people: MatchCandidate[]) => boolean,
): MatchCandidate[] | undefined {
  let best: MatchCandidate[] | undefined;
  let bestWeight = -Infinity;
  for (const members of groups) {
    if (members.length !== 2) continue;
    const edges = members.map((m) => between(person, m));
    if (edges.some((e) => !e) || !meet([...members, person])) continue;
    const weight = edges.reduce(
      (sum, e) => sum + (e?.sameDepartment ? -1000 : (e?.weight ?? 0)),
      0,
    );
    if (weight > bestWeight) {
      best = members;
      bestWeight = weight;
    }
  }
  return best;
}

function group(
  members: MatchCandidate[],
  between: (x: MatchCandidate, y: MatchCandidate) => PeerEdge | undefined,
  pinned = false,
): Group {
  const pairs = members.flatMap((x, i) => members.slice(i + 1).map((y) => between(x, y)));
  const known = pairs.filter((e) => e !== undefined);
  const score = pinned
    ? 100
    : Math.round(known.reduce((sum, e) => sum + e.weight, 0) / Math.max(1, known.length));
  const why = pinned ? { why: 'Pinned by an admin.', code: 'pinned' } : groupWhy(members, known);
  return {
    members: members.map((m) => ({ enrolmentId: m.enrolmentId, role: 'peer' })),
    score,
    criteria: [{ name: 'department', score, weight: 1, ...why }],
  };
}

/**
 * Why a group sits together: the reason of its one pair, or for a group of three the
 * departments it brings together (or that some met before).
 */
function groupWhy(members: MatchCandidate[], edges: PeerEdge[]) {
  const why = edges.map((e) => e.why).join(' ');
  const [only] = edges;
  if (only && edges.length === 1)
    return only.params ? { why, code: only.code, params: only.params } : { why, code: only.code };
  if (edges.some((e) => e.code === MET_BEFORE)) return { why, code: MET_BEFORE };
  const departments = [
    ...new Set(members.flatMap((m) => (m.profile.department ? [m.profile.department] : []))),
  ];
  return { why, code: 'department.group', params: { departments } };
}
