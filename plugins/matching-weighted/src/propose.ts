import {
  type MatchCandidate,
  type MatchInput,
  type MatchProposal,
  type PlacedMember,
  withoutPins,
} from '@tandem/plugin-sdk';
import { assignMentees } from '@tandem/plugin-sdk/solvers';
import { BARRIER_REASONS, type Barrier, barriers, keptApart } from './barriers.js';
import { type PairScorer, pairScorer } from './score.js';
import { sides } from './sides.js';

type Group = MatchProposal['groups'][number];

/**
 * The weighted strategy: pins as the admin set them, then the best assignment of the remaining
 * mentees to the mentors' free places — the most pairs possible, and among those the highest
 * total score (an exact assignment, never first come, best served) — then the programme's cap
 * on tandems.
 */
export function propose(input: MatchInput): MatchProposal {
  const { pinned: pins, rest } = withoutPins(input);
  const { mentors, mentees } = sides(rest.candidates);
  const scorer = pairScorer(input);
  const blocked = barriers(input);
  const apart = keptApart(input);

  const byId = new Map(input.candidates.map((c) => [c.enrolmentId, c]));
  const used = new Set(pins.flat().map((m) => m.enrolmentId));
  const pinned = pins.map((members) => pinnedGroup(members, byId, scorer));

  // The solver asks for the score of every pair; only the pairs it chooses are explained.
  const { pairs } = assignMentees({
    mentors: mentors.map(scorer.person),
    mentees: mentees.map(scorer.person),
    capacity: (mentor) => mentor.candidate.capacity,
    score: (mentor, mentee) => (apart(mentor, mentee) ? undefined : scorer.score(mentor, mentee)),
  });
  let groups: Group[] = pairs.map(({ mentor, mentee, score: s }) => ({
    members: [
      { enrolmentId: mentor.candidate.enrolmentId, role: 'mentor' },
      { enrolmentId: mentee.candidate.enrolmentId, role: 'mentee' },
    ],
    score: s,
    criteria: scorer.explain(mentor, mentee).criteria,
  }));

  const cap = input.programme.rules.maxTandems;
  const full: string[] = [];
  if (typeof cap === 'number' && pinned.length + groups.length > cap) {
    const ranked = [...groups].sort((a, b) => b.score - a.score);
    const kept = new Set(ranked.slice(0, Math.max(0, cap - pinned.length)));
    for (const group of groups)
      if (!kept.has(group)) full.push(...group.members.map((m) => m.enrolmentId));
    groups = groups.filter((group) => kept.has(group));
  }
  for (const group of groups) for (const { enrolmentId } of group.members) used.add(enrolmentId);

  const unmatched = input.candidates
    .filter((c) => !used.has(c.enrolmentId))
    .map((c) => ({
      enrolmentId: c.enrolmentId,
      ...(full.includes(c.enrolmentId)
        ? {
            reason: `The programme is full: at most ${cap} tandems.`,
            code: 'unmatched.full',
            params: { tandems: Number(cap) },
          }
        : whyAlone(c, mentees.includes(c) ? mentors : mentees, blocked)),
    }));
  return { groups: [...pinned, ...groups], unmatched };
}

/**
 * A group an admin pinned, with the members on the sides the admin gave them, scored as its
 * mentor and first mentee would be.
 */
function pinnedGroup(
  members: PlacedMember[],
  byId: Map<string, MatchCandidate>,
  scorer: PairScorer,
): Group {
  const ordered = [
    ...members.filter((m) => m.role === 'mentor'),
    ...members.filter((m) => m.role !== 'mentor'),
  ];
  const [mentor, first] = ordered.map((m) => byId.get(m.enrolmentId));
  const { score: s, criteria } =
    mentor && first
      ? scorer.explain(scorer.person(mentor), scorer.person(first))
      : { score: 100, criteria: [] };
  return {
    members: ordered,
    score: s,
    criteria: [
      ...criteria,
      { name: 'pinned', score: 100, weight: 0, why: 'Pinned by an admin.', code: 'pinned' },
    ],
  };
}

/** Why someone has no partner: the barrier that kept most of the other side away, if any. */
function whyAlone(
  person: MatchCandidate,
  others: MatchCandidate[],
  blocked: (a: MatchCandidate, b: MatchCandidate) => Barrier | undefined,
): { reason: string; code: string } {
  const because = (code: string, reason: string) => ({ code: `unmatched.${code}`, reason });
  if (others.length === 0) return because('nobody-else', 'Nobody enrolled on the other side.');
  const counts = new Map<Barrier, number>();
  for (const other of others) {
    const barrier = blocked(other, person);
    // One partner they may meet is enough to know: the counts tell only who has none.
    if (!barrier)
      return because(
        'better-fits',
        'Everyone who would fit is paired with someone they fit better.',
      );
    counts.set(barrier, (counts.get(barrier) ?? 0) + 1);
  }
  const [top] = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  return top
    ? because(top[0], BARRIER_REASONS[top[0]])
    : because('nobody-fits', 'Nobody on the other side fits.');
}
