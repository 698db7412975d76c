import type { SuggestionCriterion } from '../data/self-service.js';
import { explanationText, type SkillName } from './explanation-text.js';
import { criterionLabel } from './tandem-match-criteria.js';

/**
 * Why a suggested partner fits, in one line for the reader: the criterion and the strategy's
 * reason, both in their language (a reason by its code, skills by their names).
 */
export function suggestionReason(criterion: SuggestionCriterion, skillName?: SkillName): string {
  return `${criterionLabel(criterion.name)}: ${explanationText(criterion, criterion.why, skillName)}`;
}
