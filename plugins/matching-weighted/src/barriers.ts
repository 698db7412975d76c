import {
  type MatchCandidate,
  type MatchInput,
  mayMeet,
  plannedMeetingMinutes,
} from '@tandem/plugin-sdk';
import { canMeet, type Person } from './person.js';

/** Why two people may never be paired, as a key the unmatched reasons are built from. */
export type Barrier =
  | 'excluded'
  | 'met-before'
  | 'forbidden'
  | 'no-language'
  | 'same-department'
  | 'no-common-time';

/**
 * The host's rules, as the SDK's `mayMeet` answers them, checked before any score: the first
 * rule that keeps the two apart. A rule of the host's own (such as the reporting line) counts
 * as forbidden, as the host forbids such pairs; the host names the reporting line itself
 * where it is the whole story.
 */
export function barriers(
  input: MatchInput,
): (a: MatchCandidate, b: MatchCandidate) => Barrier | undefined {
  return (a, b) => {
    const verdict = mayMeet(input, a.enrolmentId, b.enrolmentId);
    if (verdict.ok) return undefined;
    const rule = verdict.reasons[0]?.rule ?? 'forbidden';
    return rule in BARRIER_REASONS ? (rule as Barrier) : 'forbidden';
  };
}

/**
 * Whether the host's rules keep two people apart, for the solver to ask of every pair. Where
 * the host plans meetings, a pair without a weekly time for one is apart whatever else holds
 * (`mayMeet`'s no-common-time, read from the starts worked out once per person): most pairs
 * of a round are, and are answered without asking `mayMeet`.
 */
export function keptApart(input: MatchInput): (a: Person, b: Person) => boolean {
  const blocked = barriers(input);
  const minutes = plannedMeetingMinutes(input);
  return (a, b) =>
    (minutes !== undefined && !canMeet(a, b, minutes)) ||
    blocked(a.candidate, b.candidate) !== undefined;
}

/** The reason an unmatched person reads in the admin's review, for the barrier that kept most partners away. */
export const BARRIER_REASONS: Readonly<Record<Barrier, string>> = Object.freeze({
  excluded: 'Everyone who would fit was excluded by them or excluded them.',
  'met-before': 'They have been paired with everyone who would fit before.',
  forbidden: 'An admin ruled out every partner who would fit.',
  'no-language': 'Nobody on the other side shares a language with them.',
  'same-department': 'The programme requires different departments, and nobody else is left.',
  'no-common-time':
    'Nobody who would fit is free at the same time as them for a whole session, so no meeting could be planned.',
});
