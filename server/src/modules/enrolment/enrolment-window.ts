import type { Programme } from '../programmes/programme.js';
import type { ProgrammeSettings } from '../programmes/programme-settings.js';

/**
 * Why nobody can enrol in a programme at this moment, or undefined while enrolment is open:
 * the programme's state, then its enrolment window.
 */
export function enrolmentClosedReason(
  programme: Pick<Programme, 'state'>,
  settings: Pick<ProgrammeSettings, 'enrolmentOpensAt' | 'enrolmentClosesAt'>,
  now: Date,
): string | undefined {
  switch (programme.state) {
    case 'draft':
      return 'Enrolment for this programme has not opened yet.';
    case 'matching':
      return 'Enrolment has closed: the programme is being matched.';
    case 'running':
      return 'Enrolment has closed: the programme is running.';
    case 'closed':
      return 'The programme is closed.';
  }
  const { enrolmentOpensAt: opens, enrolmentClosesAt: closes } = settings;
  if (opens && now < new Date(opens)) return `Enrolment opens at ${opens}.`;
  if (closes && now >= new Date(closes)) return `Enrolment closed at ${closes}.`;
  return undefined;
}
