import type { MatchCandidate } from '@tandem/plugin-sdk';

/** What {@link candidate} takes: the role, and any profile or candidate fields to set. */
export interface CandidateOptions {
  role?: MatchCandidate['role'];
  capacity?: number;
  excludedPersonIds?: string[];
  profile?: Partial<MatchCandidate['profile']>;
}

/**
 * One hand-made candidate for a test that needs exactly these people: `enrolmentId` is the id
 * given, `personId` is `person-<id>`, and the profile is empty but valid (German, either
 * format) apart from what the test sets. For many realistic ones, use `generateCandidates`.
 *
 * @example candidate('lena', { role: 'mentor', profile: { skillsOffered: ['e-file'] } })
 */
export function candidate(id: string, options: CandidateOptions = {}): MatchCandidate {
  return {
    enrolmentId: id,
    personId: `person-${id}`,
    role: options.role ?? 'either',
    capacity: options.capacity ?? 1,
    excludedPersonIds: options.excludedPersonIds ?? [],
    profile: {
      skillsOffered: [],
      skillsWanted: [],
      languages: ['de'],
      format: 'both',
      availability: [],
      goals: [],
      ...options.profile,
    },
  };
}
