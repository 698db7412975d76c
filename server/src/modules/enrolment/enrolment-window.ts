import type { Programme } from '../programmes/programme.js';
import type { ProgrammeSettings } from '../programmes/programme-settings.js';
import { type EnrolmentRefusal, refusal } from './enrolment-refusal.js';

/**
 * Why nobody can enrol in a programme at this moment, or undefined while enrolment is open:
 * the programme's state, then its enrolment window.
 */
export function enrolmentClosedReason(
  programme: Pick<Programme, 'state'>,
  settings: Pick<ProgrammeSettings, 'enrolmentOpensAt' | 'enrolmentClosesAt'>,
  now: Date,
): EnrolmentRefusal | undefined {
  switch (programme.state) {
    case 'draft':
      return refusal('enrolment.not-open', 'Enrolment for this programme has not opened yet.');
    case 'matching':
      return refusal('enrolment.matching', 'Enrolment has closed: the programme is being matched.');
    case 'running':
      return refusal('enrolment.running', 'Enrolment has closed: the programme is running.');
    case 'closed':
      return refusal('enrolment.programme-closed', 'The programme is closed.');
  }
  const { enrolmentOpensAt: opens, enrolmentClosesAt: closes } = settings;
  if (opens && now < new Date(opens))
    return refusal('enrolment.opens', `Enrolment opens at ${opens}.`, { at: opens });
  if (closes && now >= new Date(closes))
    return refusal('enrolment.closed-at', `Enrolment closed at ${closes}.`, { at: closes });
  return undefined;
}
