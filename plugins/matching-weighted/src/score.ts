import {
  type MatchCandidate,
  type MatchInput,
  type MatchProposal,
  plannedMeetingMinutes,
} from '@tandem/plugin-sdk';
import { CRITERIA, type Criterion, DEFAULT_WEIGHTS, type PairSetting } from './criteria.js';
import { type Person, personOf } from './person.js';

type Criteria = MatchProposal['groups'][number]['criteria'];

/** How one round scores its mentor–mentee pairs. */
export interface PairScorer {
  /** The candidate as the criteria read them, worked out once: score only people from here. */
  person(candidate: MatchCandidate): Person;
  /**
   * A pair's score, 0–100: the weighted mean of the criteria weighted above 0. Builds nothing,
   * for the solver to ask of every pair.
   */
  score(mentor: Person, mentee: Person): number;
  /** The same score, with each criterion's own score, weight and reason for the admin. */
  explain(mentor: Person, mentee: Person): { score: number; criteria: Criteria };
}

/** The scorer of one round's input: its programme's kind, meeting length and weights. */
export function pairScorer(input: MatchInput): PairScorer {
  const setting: PairSetting = {
    kind: input.programme.kind,
    minutes: plannedMeetingMinutes(input),
  };
  const weighted = weightedCriteria(input.programme.weights);
  const score = (mentor: Person, mentee: Person) => {
    let sum = 0;
    let total = 0;
    for (const { criterion, weight } of weighted) {
      sum += criterion.score(mentor, mentee, setting) * weight;
      total += weight;
    }
    return total ? Math.round((10 * sum) / total) / 10 : 0;
  };
  return {
    person: (candidate) => personOf(candidate, setting.minutes),
    score,
    explain: (mentor, mentee) => ({
      score: score(mentor, mentee),
      criteria: weighted.map(({ name, criterion, weight }) => ({
        name,
        weight,
        ...criterion.explain(mentor, mentee, setting),
      })),
    }),
  };
}

/** The criteria weighted above 0, in their order, with the admin's weights over the defaults. */
function weightedCriteria(
  programmeWeights: Record<string, number>,
): { name: string; criterion: Criterion; weight: number }[] {
  return Object.entries(CRITERIA)
    .map(([name, criterion]) => ({
      name,
      criterion,
      weight: programmeWeights[name] ?? DEFAULT_WEIGHTS[name] ?? 0,
    }))
    .filter(({ weight }) => weight > 0);
}
