import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { createdAt, updatedAt, uuidPrimaryKey } from '../../db/common-properties.js';
import { Match } from '../matching/match.js';
import { User } from '../users/user.js';

export const GOAL_ORIGINS = ['enrolment', 'pair'] as const;

/**
 * A goal of one pair: seeded from the mentee's enrolment goals when the pair is published, or
 * added by the pair. Only its members read it; reports count attainment in aggregate. A removed
 * goal keeps its row (and the history of its progress), out of view.
 */
export const PairGoal = defineEntity({
  name: 'PairGoal',
  tableName: 'pair_goal',
  indexes: [{ properties: ['match'] }],
  properties: {
    id: uuidPrimaryKey(),
    match: () => p.manyToOne(Match).deleteRule('cascade'),
    text: p.string().length(300),
    origin: p.enum([...GOAL_ORIGINS]),
    /** Order within the pair's goals, from 0. */
    position: p.integer(),
    createdBy: () => p.manyToOne(User).deleteRule('set null').nullable(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    removedAt: p.datetime().nullable(),
  },
});
export type PairGoal = InferEntity<typeof PairGoal>;
