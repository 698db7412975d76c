import type { MatchCandidate, MatchInput, MatchProposal } from './matching.js';

/** A member of a group as a proposal lists them: who, and on which side. */
export type PlacedMember = MatchProposal['groups'][number]['members'][number];

/**
 * The admin's pinned groups, each member with their side, and the input without them: pins
 * empty, people whose every place is pinned gone, a mentor with places left there with their
 * capacity reduced (and as `mentor`, where they enrolled as `either`). A strategy places the
 * pinned groups as they are, proposes for `rest`, and lists both in its proposal.
 *
 * The sides come from `pin.roles` where the host sends them; for an input without them, a
 * peer lunch's members are peers, and elsewhere each takes the side they enrolled for, the
 * first `either` the mentor if nobody enrolled as one, and any other `either` a mentee.
 */
export function withoutPins(input: MatchInput): { pinned: PlacedMember[][]; rest: MatchInput } {
  const byId = new Map(input.candidates.map((c) => [c.enrolmentId, c]));
  const pinned = input.pins.map((pin) =>
    pin.members
      .map((id) => byId.get(id))
      .filter((c) => c !== undefined)
      .map((c, i, group) => ({
        enrolmentId: c.enrolmentId,
        role: pin.roles?.[c.enrolmentId] ?? guessedRole(input, c, group.slice(0, i), group),
      })),
  );
  const uses = new Map<string, number>();
  for (const { enrolmentId } of pinned.flat())
    uses.set(enrolmentId, (uses.get(enrolmentId) ?? 0) + 1);
  const asMentor = new Set(
    pinned.flat().flatMap((m) => (m.role === 'mentor' ? [m.enrolmentId] : [])),
  );
  const candidates = input.candidates.flatMap((c): MatchCandidate[] => {
    const used = uses.get(c.enrolmentId) ?? 0;
    if (used === 0) return [c];
    if (!asMentor.has(c.enrolmentId) || c.capacity <= used) return [];
    return [{ ...c, role: 'mentor', capacity: c.capacity - used }];
  });
  return { pinned, rest: { ...input, candidates, pins: [] } };
}

function guessedRole(
  input: MatchInput,
  person: MatchCandidate,
  before: MatchCandidate[],
  group: MatchCandidate[],
): PlacedMember['role'] {
  if (input.programme.kind === 'peer-lunch') return 'peer';
  if (person.role !== 'either') return person.role;
  const hasMentor =
    group.some((c) => c.role === 'mentor') || before.some((c) => c.role === 'either');
  return hasMentor ? 'mentee' : 'mentor';
}
