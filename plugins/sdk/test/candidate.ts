import type { MatchCandidate } from '../src/index.js';

/** What {@link candidate} takes: the role, and any profile or candidate fields to set. */
export interface CandidateOptions {
  role?: MatchCandidate['role'];
  capacity?: number;
  excludedPersonIds?: string[];
  profile?: Partial<MatchCandidate['profile']>;
}

/**
 * One hand-made candidate: `enrolmentId` is the id given, `personId` is `person-<id>`, the
 * profile empty but valid (German, either format) apart from what the test sets. The test kit's
 * `candidate` does the same for plugins; the SDK's own tests cannot import the test kit, which
 * depends on the SDK.
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
