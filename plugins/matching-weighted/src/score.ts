import {
  type MatchCandidate,
  type MatchInput,
  type MatchProposal,
  plannedMeetingMinutes,
} from '@tandem/plugin-sdk';
import { CRITERIA, DEFAULT_WEIGHTS, type PairSetting } from './criteria.js';

type Criteria = MatchProposal['groups'][number]['criteria'];

/** The admin's weights over the defaults, for the criteria this strategy knows. */
export function weightsFor(programmeWeights: Record<string, number>): Record<string, number> {
  const weights: Record<string, number> = {};
  for (const name of Object.keys(CRITERIA))
    weights[name] = programmeWeights[name] ?? DEFAULT_WEIGHTS[name] ?? 0;
  return weights;
}

/** The programme as the criteria see it, from the round's input. */
export function settingOf(input: MatchInput): PairSetting {
  return { kind: input.programme.kind, minutes: plannedMeetingMinutes(input) };
}

/**
 * A mentor–mentee pair's score, 0–100: the weighted mean of the criteria, with each criterion's
 * own score, weight and reason for the admin. Criteria weighted 0 are left out.
 */
export function scorePair(
  mentor: MatchCandidate,
  mentee: MatchCandidate,
  setting: PairSetting,
  weights: Record<string, number>,
): { score: number; criteria: Criteria } {
  const criteria: Criteria = [];
  let sum = 0;
  let total = 0;
  for (const [name, criterion] of Object.entries(CRITERIA)) {
    const weight = weights[name] ?? 0;
    if (weight <= 0) continue;
    const fit = criterion(mentor, mentee, setting);
    criteria.push({ name, weight, ...fit });
    sum += fit.score * weight;
    total += weight;
  }
  return { score: total ? Math.round((10 * sum) / total) / 10 : 0, criteria };
}
