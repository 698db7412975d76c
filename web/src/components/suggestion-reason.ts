import type { SuggestionCriterion } from '../data/self-service.js';
import { criterionLabel } from './tandem-match-criteria.js';

/**
 * Why a suggested partner fits, in one line for the reader: the criterion in their language,
 * then the strategy's reason. The one place that words a reason, so that when the server sends
 * reasons as codes with parameters only this changes.
 */
export function suggestionReason(criterion: SuggestionCriterion): string {
  return `${criterionLabel(criterion.name)}: ${criterion.why}`;
}
