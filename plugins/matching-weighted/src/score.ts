import type { MatchCandidate, MatchProposal, ProgrammeKind } from '@tandem/plugin-sdk';
import { CRITERIA, DEFAULT_WEIGHTS } from './criteria.js';

type Criteria = MatchProposal['groups'][number]['criteria'];

/** The admin's weights over the defaults, for the criteria this strategy knows. */
export function weightsFor(programmeWeights: Record<string, number>): Record<string, number> {
  const weights: Record<string, number> = {};
  for (const name of Object.keys(CRITERIA))
    weights[name] = programmeWeights[name] ?? DEFAULT_WEIGHTS[name] ?? 0;
  return weights;
}

/**
 * A mentor–mentee pair's score, 0–100: the weighted mean of the criteria, with each criterion's
 * own score, weight and reason for the admin. Criteria weighted 0 are left out.
 */
export function scorePair(
  mentor: MatchCandidate,
  mentee: MatchCandidate,
  kind: ProgrammeKind,
  weights: Record<string, number>,
): { score: number; criteria: Criteria } {
  const criteria: Criteria = [];
  let sum = 0;
  let total = 0;
  for (const [name, criterion] of Object.entries(CRITERIA)) {
    const weight = weights[name] ?? 0;
    if (weight <= 0) continue;
    const { score, why } = criterion(mentor, mentee, kind);
    criteria.push({ name, score, weight, why });
    sum += score * weight;
    total += weight;
  }
  return { score: total ? Math.round((10 * sum) / total) / 10 : 0, criteria };
}
