import type { ProgrammeKind } from '@tandem/plugin-sdk';

/** The two kinds of mentoring the half-year programme is written for. */
export type MentoringKind = 'reverse-mentoring' | 'classic-mentoring';

/**
 * The two people of a tandem by what they bring: the digital native (everyday digital practice)
 * and the leader (leadership, and how the agency works). Which of them mentors depends on the
 * programme kind, so the session texts name sides, not roles.
 */
export type Side = 'digitalNative' | 'leader';

/** Who mentors and who is mentored in a programme. */
export interface Roles {
  /** The side that mentors. */
  readonly mentor: Side;
  /** The side that is mentored. */
  readonly mentee: Side;
}

/**
 * The mentoring kind to word a programme's sessions for. The host only asks for the kinds the
 * curriculum lists; anything else is read as reverse mentoring, the programme's main use, so
 * that a plan never fails over a kind.
 */
export function mentoringKind(kind: ProgrammeKind): MentoringKind {
  return kind === 'classic-mentoring' ? 'classic-mentoring' : 'reverse-mentoring';
}

/**
 * Who mentors whom: in reverse mentoring the digital native mentors the leader, in classic
 * mentoring the leader mentors the younger colleague.
 */
export function rolesOf(kind: MentoringKind): Roles {
  return kind === 'classic-mentoring'
    ? { mentor: 'leader', mentee: 'digitalNative' }
    : { mentor: 'digitalNative', mentee: 'leader' };
}
