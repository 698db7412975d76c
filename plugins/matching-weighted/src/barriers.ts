import {
  canMeetWeekly,
  type MatchCandidate,
  type MatchInput,
  plannedMeetingMinutes,
} from '@tandem/plugin-sdk';

/** Why two people may never be paired, as a key the unmatched reasons are built from. */
export type Barrier =
  | 'excluded'
  | 'met-before'
  | 'forbidden'
  | 'no-language'
  | 'same-department'
  | 'no-common-time';

const key = (a: string, b: string) => (a < b ? `${a} ${b}` : `${b} ${a}`);

/**
 * The hard rules, checked before any score: nobody with someone they excluded, nobody with a
 * previous partner, no pair an admin forbade, a language in common, — when the programme
 * requires it (`rules.department: 'different'`) — different departments, and, where the host
 * plans the meetings (`rules.sessionMinutes`), a weekly time in which it can plan one.
 */
export function barriers(
  input: MatchInput,
): (a: MatchCandidate, b: MatchCandidate) => Barrier | undefined {
  const forbidden = new Set(input.forbids.map(([a, b]) => key(a, b)));
  const before = new Set(input.history.map(([a, b]) => key(a, b)));
  const differentDepartments = input.programme.rules.department === 'different';
  const minutes = plannedMeetingMinutes(input);
  return (a, b) => {
    if (a.excludedPersonIds.includes(b.personId) || b.excludedPersonIds.includes(a.personId))
      return 'excluded';
    if (before.has(key(a.personId, b.personId))) return 'met-before';
    if (forbidden.has(key(a.enrolmentId, b.enrolmentId))) return 'forbidden';
    if (!a.profile.languages.some((language) => b.profile.languages.includes(language)))
      return 'no-language';
    if (
      differentDepartments &&
      a.profile.department &&
      a.profile.department === b.profile.department
    )
      return 'same-department';
    if (
      minutes !== undefined &&
      !canMeetWeekly([a.profile.availability, b.profile.availability], minutes)
    )
      return 'no-common-time';
    return undefined;
  };
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
