import type { MatchInput, MatchProposal } from './matching.js';
import { mayMeet } from './meeting-rules.js';

/**
 * Checks what the schema cannot see in a matching strategy's answer: it may only group the
 * candidates it was given, each on the side they enrolled for (`either` may take any), a
 * mentee or peer at most once and a mentor at most `capacity` times, every group one that
 * {@link mayMeet} allows (the host's meeting rules: exclusions, history, forbidden pairs, the
 * host's own rules such as the reporting line, a common language, …) unless it is exactly a
 * group an admin pinned, every pin inside one group, and everyone else accounted for as
 * unmatched. The host runs this before saving a proposal; the test kit runs it on every answer
 * of a strategy under test.
 *
 * @returns the first problem as a sentence, or `undefined` when the proposal may be saved.
 */
export function matchProposalProblem(
  input: MatchInput,
  proposal: MatchProposal,
): string | undefined {
  const candidates = new Map(input.candidates.map((c) => [c.enrolmentId, c]));
  const uses = new Map<string, number>();
  const groups: Set<string>[] = [];
  for (const group of proposal.groups) {
    const ids = new Set<string>();
    for (const { enrolmentId, role } of group.members) {
      const candidate = candidates.get(enrolmentId);
      if (!candidate) return `${enrolmentId} is not a candidate of this round`;
      if (ids.has(enrolmentId)) return `a group lists ${enrolmentId} twice`;
      if (candidate.role !== 'either' && role !== candidate.role && role !== 'peer')
        return `${enrolmentId} enrolled as ${candidate.role} but is placed as ${role}`;
      ids.add(enrolmentId);
      const count = (uses.get(enrolmentId) ?? 0) + 1;
      uses.set(enrolmentId, count);
      const allowed = role === 'mentor' ? candidate.capacity : 1;
      if (count > allowed) return `${enrolmentId} is placed ${count} times (at most ${allowed})`;
    }
    const rule = pinnedAsIs(input, ids) ? undefined : brokenRule(input, ids);
    if (rule) return rule;
    groups.push(ids);
  }
  for (const { members } of input.pins) {
    if (!groups.some((ids) => members.every((id) => ids.has(id))))
      return `${members.join(', ')} are pinned together but not grouped together`;
  }
  for (const { enrolmentId } of proposal.unmatched) {
    if (!candidates.has(enrolmentId)) return `${enrolmentId} is not a candidate of this round`;
    if (uses.has(enrolmentId)) return `${enrolmentId} is both matched and unmatched`;
  }
  const accounted = new Set([...uses.keys(), ...proposal.unmatched.map((u) => u.enrolmentId)]);
  const missing = input.candidates.find((c) => !accounted.has(c.enrolmentId));
  return missing ? `${missing.enrolmentId} is neither matched nor unmatched` : undefined;
}

/** Whether the group is exactly one an admin pinned: it stands as the admin made it. */
function pinnedAsIs(input: MatchInput, ids: Set<string>): boolean {
  return input.pins.some(
    ({ members }) => members.length === ids.size && members.every((id) => ids.has(id)),
  );
}

/** The first meeting rule the group breaks, as a sentence. */
function brokenRule(input: MatchInput, ids: Set<string>): string | undefined {
  const verdict = mayMeet(input, ...ids);
  if (verdict.ok) return undefined;
  const [first] = verdict.reasons;
  return first && `${first.members.join(' and ')} may not meet (${first.rule}): ${first.text}`;
}
