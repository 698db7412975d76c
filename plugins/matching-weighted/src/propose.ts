import type { MatchCandidate, MatchInput, MatchProposal } from '@tandem/plugin-sdk';
import { maxWeightAssignment } from '@tandem/plugin-sdk/solvers';
import { BARRIER_REASONS, type Barrier, barriers } from './barriers.js';
import { scorePair, settingOf, weightsFor } from './score.js';
import { sides } from './sides.js';

type Group = MatchProposal['groups'][number];

// A mentor's second and later mentees cost a hair, so that equal scores spread mentees over
// mentors instead of stacking them on the first. Far below any score difference that matters.
const LATER_SLOT_COST = 1e-6;

/**
 * The weighted strategy: pins first, then the best assignment of the remaining mentees to the
 * mentors' free places — the most pairs possible, and among those the highest total score
 * (an exact assignment, never first come, best served) — then the programme's cap on tandems.
 */
export function propose(input: MatchInput): MatchProposal {
  const { mentors, mentees } = sides(input.candidates);
  const weights = weightsFor(input.programme.weights);
  const setting = settingOf(input);
  const blocked = barriers(input);
  const score = (mentor: MatchCandidate, mentee: MatchCandidate) =>
    scorePair(mentor, mentee, setting, weights);

  const byId = new Map(input.candidates.map((c) => [c.enrolmentId, c]));
  const used = new Map<string, number>();
  const place = (c: MatchCandidate) => used.set(c.enrolmentId, (used.get(c.enrolmentId) ?? 0) + 1);
  const pinned: Group[] = input.pins.map(({ members }) => {
    const people = members.map((id) => byId.get(id)).filter((c) => c !== undefined);
    const mentor = people.find((c) => mentors.includes(c)) ?? people[0];
    const rest = people.filter((c) => c !== mentor);
    for (const person of people) place(person);
    const first = rest[0];
    const { score: s, criteria } =
      mentor && first ? score(mentor, first) : { score: 100, criteria: [] };
    return {
      members: [
        ...(mentor ? [{ enrolmentId: mentor.enrolmentId, role: 'mentor' as const }] : []),
        ...rest.map((c) => ({ enrolmentId: c.enrolmentId, role: 'mentee' as const })),
      ],
      score: s,
      criteria: [
        ...criteria,
        { name: 'pinned', score: 100, weight: 0, why: 'Pinned by an admin.', code: 'pinned' },
      ],
    };
  });

  const open = mentees.filter((m) => !used.has(m.enrolmentId));
  const slots = mentors.flatMap((mentor) =>
    Array.from(
      { length: Math.max(0, mentor.capacity - (used.get(mentor.enrolmentId) ?? 0)) },
      (_, k) => ({
        mentor,
        k,
      }),
    ),
  );
  const scores = open.map((mentee) =>
    mentors.map((mentor) => (blocked(mentor, mentee) ? undefined : score(mentor, mentee))),
  );
  const matrix = new Float64Array(open.length * slots.length);
  open.forEach((_, r) => {
    slots.forEach(({ mentor, k }, c) => {
      const fit = scores[r]?.[mentors.indexOf(mentor)];
      matrix[r * slots.length + c] = fit ? fit.score - k * LATER_SLOT_COST : Number.NaN;
    });
  });
  const { rowToCol } = maxWeightAssignment(matrix, open.length, slots.length);

  let groups: Group[] = [];
  rowToCol.forEach((c, r) => {
    const mentee = open[r];
    const slot = slots[c];
    const fit = scores[r]?.[slot ? mentors.indexOf(slot.mentor) : -1];
    if (!mentee || !slot || !fit) return;
    groups.push({
      members: [
        { enrolmentId: slot.mentor.enrolmentId, role: 'mentor' },
        { enrolmentId: mentee.enrolmentId, role: 'mentee' },
      ],
      score: fit.score,
      criteria: fit.criteria,
    });
  });

  const cap = input.programme.rules.maxTandems;
  const full: string[] = [];
  if (typeof cap === 'number' && pinned.length + groups.length > cap) {
    const ranked = [...groups].sort((a, b) => b.score - a.score);
    const kept = new Set(ranked.slice(0, Math.max(0, cap - pinned.length)));
    for (const group of groups)
      if (!kept.has(group)) full.push(...group.members.map((m) => m.enrolmentId));
    groups = groups.filter((group) => kept.has(group));
  }
  for (const group of groups) for (const { enrolmentId } of group.members) used.set(enrolmentId, 1);

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
