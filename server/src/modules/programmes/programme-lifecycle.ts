import type { PROGRAMME_STATES } from './programme.js';

export type ProgrammeState = (typeof PROGRAMME_STATES)[number];

/**
 * Where a programme may go from each state. Enrolment can be reopened while matching, and a
 * programme that has not started can be called off; a running one only closes.
 */
const NEXT: Record<ProgrammeState, readonly ProgrammeState[]> = {
  draft: ['enrolment', 'closed'],
  enrolment: ['matching', 'draft', 'closed'],
  matching: ['running', 'enrolment', 'closed'],
  running: ['closed'],
  closed: [],
};

/** The states a programme may go to next, for the admin page's buttons. */
export function nextStates(from: ProgrammeState): ProgrammeState[] {
  return [...NEXT[from]];
}

/** Why a programme cannot go from one state to another, or undefined when it can. */
export function transitionProblem(from: ProgrammeState, to: ProgrammeState): string | undefined {
  if (NEXT[from].includes(to)) return undefined;
  if (from === to) return `The programme is already in ${to}.`;
  const options = NEXT[from];
  return options.length
    ? `A programme in ${from} cannot go to ${to}; from ${from} it can go to ${options.join(' or ')}.`
    : `A ${from} programme cannot change any more.`;
}
