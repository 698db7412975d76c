import {
  type MatchCandidate,
  type MatchInput,
  type MatchProposal,
  type PlacedMember,
  withoutPins,
} from '@tandem/plugin-sdk';
import { assignMentees } from '@tandem/plugin-sdk/solvers';
import { BARRIER_REASONS, type Barrier, barriers } from './barriers.js';
import { scorePair, settingOf, weightsFor } from './score.js';
import { sides } from './sides.js';

type Group = MatchProposal['groups'][number];
type Fit = ReturnType<typeof scorePair>;

/**
 * The weighted strategy: pins as the admin set them, then the best assignment of the remaining
 * mentees to the mentors' free places — the most pairs possible, and among those the highest
 * total score (an exact assignment, never first come, best served) — then the programme's cap
 * on tandems.
 */
export function propose(input: MatchInput): MatchProposal {
  const { pinned: pins, rest } = withoutPins(input);
  const { mentors, mentees } = sides(rest.candidates);
  const weights = weightsFor(input.programme.weights);
  const setting = settingOf(input);
  const blocked = barriers(input);
  const score = (mentor: MatchCandidate, mentee: MatchCandidate) =>
    scorePair(mentor, mentee, setting, weights);

  const byId = new Map(input.candidates.map((c) => [c.enrolmentId, c]));
  const used = new Set(pins.flat().map((m) => m.enrolmentId));
  const pinned = pins.map((members) => pinnedGroup(members, byId, score));

  const fits = new Map<MatchCandidate, Map<MatchCandidate, Fit>>();
  const { pairs } = assignMentees({
    mentors,
    mentees,
    capacity: (mentor) => mentor.capacity,
    score: (mentor, mentee) => {
      if (blocked(mentor, mentee)) return undefined;
      const fit = score(mentor, mentee);
      fits.set(mentor, (fits.get(mentor) ?? new Map()).set(mentee, fit));
      return fit.score;
    },
  });
  let groups: Group[] = pairs.map(({ mentor, mentee, score: s }) => ({
    members: [
      { enrolmentId: mentor.enrolmentId, role: 'mentor' },
      { enrolmentId: mentee.enrolmentId, role: 'mentee' },
    ],
    score: s,
    criteria: fits.get(mentor)?.get(mentee)?.criteria ?? [],
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
  score: (mentor: MatchCandidate, mentee: MatchCandidate) => Fit,
): Group {
  const ordered = [
    ...members.filter((m) => m.role === 'mentor'),
    ...members.filter((m) => m.role !== 'mentor'),
  ];
  const [mentor, first] = ordered.map((m) => byId.get(m.enrolmentId));
  const { score: s, criteria } =
    mentor && first ? score(mentor, first) : { score: 100, criteria: [] };
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
  let free = 0;
  for (const other of others) {
    const barrier = blocked(other, person);
    if (barrier) counts.set(barrier, (counts.get(barrier) ?? 0) + 1);
    else free += 1;
  }
  if (free > 0)
    return because('better-fits', 'Everyone who would fit is paired with someone they fit better.');
  const [top] = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  return top
    ? because(top[0], BARRIER_REASONS[top[0]])
    : because('nobody-fits', 'Nobody on the other side fits.');
}
