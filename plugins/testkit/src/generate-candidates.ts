import type { MatchCandidate, ProgrammeKind } from '@tandem/plugin-sdk';
import { type CandidateRole, generateProfile } from './generate-profile.js';
import { type SeededRandom, seededRandom } from './seeded-random.js';

/** Options of {@link generateCandidates}. */
export interface GenerateCandidatesOptions {
  /** How many candidates (a non-negative integer). */
  count: number;
  /** The seed: the same seed and options give the same candidates. */
  seed: number;
  /** The kind of programme they enrolled in; `'reverse-mentoring'` when omitted. */
  kind?: ProgrammeKind;
  /**
   * The share of mentors among them, 0 to 1 (rounded to whole people); 0.4 when omitted.
   * Ignored for peer lunches, where everyone enrols as `either`.
   */
  mentorShare?: number;
}

/** The share of mentors when none is given: mentors take one or two mentees each. */
export const DEFAULT_MENTOR_SHARE = 0.4;

/** How often someone names a person they must not be matched with, such as their manager. */
const EXCLUSION_RATE = 0.08;

/**
 * Generates realistic enrolments of a German public agency for a matching strategy to work on,
 * the same for the same options: ids `enrolment-001`/`person-001` onwards, mentors with
 * capacity 1 or 2 (others 1), digital and organisational skills according to side and
 * programme kind, languages, format, site, availability, goals, experience, department, job
 * title, and now and then an excluded person.
 *
 * @throws RangeError when `count` is not a non-negative integer or `mentorShare` not in 0..1.
 */
export function generateCandidates(options: GenerateCandidatesOptions): MatchCandidate[] {
  const { count, seed, kind = 'reverse-mentoring', mentorShare = DEFAULT_MENTOR_SHARE } = options;
  if (!Number.isInteger(count) || count < 0)
    throw new RangeError(`count must be a non-negative integer, got ${count}`);
  if (!(mentorShare >= 0 && mentorShare <= 1))
    throw new RangeError(`mentorShare must be between 0 and 1, got ${mentorShare}`);
  const random = seededRandom(seed);
  const candidates = roles(random, kind, count, mentorShare).map((role, index) =>
    candidate(random, kind, role, index),
  );
  return withExclusions(random, candidates);
}

/** Everyone's side, mentors spread through the list as enrolments arrive. */
function roles(
  random: SeededRandom,
  kind: ProgrammeKind,
  count: number,
  mentorShare: number,
): CandidateRole[] {
  if (kind === 'peer-lunch') return Array.from({ length: count }, () => 'either');
  const mentors = Math.round(count * mentorShare);
  return random.shuffle(
    Array.from({ length: count }, (_, i): CandidateRole => (i < mentors ? 'mentor' : 'mentee')),
  );
}

function candidate(
  random: SeededRandom,
  kind: ProgrammeKind,
  role: CandidateRole,
  index: number,
): MatchCandidate {
  const number = String(index + 1).padStart(3, '0');
  return {
    enrolmentId: `enrolment-${number}`,
    personId: `person-${number}`,
    role,
    capacity: role === 'mentor' ? random.pick([1, 1, 2]) : 1,
    profile: generateProfile(random, kind, role),
    excludedPersonIds: [],
  };
}

/** Now and then someone excludes a colleague, most likely one of their own department. */
function withExclusions(random: SeededRandom, candidates: MatchCandidate[]): MatchCandidate[] {
  return candidates.map((candidate) => {
    const others = candidates.filter((other) => other !== candidate);
    if (others.length === 0 || !random.chance(EXCLUSION_RATE)) return candidate;
    const colleagues = others.filter(
      (other) => other.profile.department === candidate.profile.department,
    );
    const excluded = random.pick(colleagues.length > 0 ? colleagues : others);
    return { ...candidate, excludedPersonIds: [excluded.personId] };
  });
}
