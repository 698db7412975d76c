import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { createdAt, uuidPrimaryKey } from '../../db/common-properties.js';
import { PairSession } from '../pairs/pair-session.js';
import { User } from '../users/user.js';
import { PairGoal } from './pair-goal.js';

/** The lowest and highest level of progress: not started … reached. */
export const GOAL_LEVELS = { min: 0, max: 4 } as const;

/**
 * One mark of progress on a goal: a level from 0 (not started) to 4 (reached), an optional
 * note, usually at a session of the pair's plan. Marks are never changed: the latest is the
 * goal's state, the others its history.
 */
export const PairGoalProgress = defineEntity({
  name: 'PairGoalProgress',
  tableName: 'pair_goal_progress',
  indexes: [{ properties: ['goal', 'createdAt'] }],
  checks: [
    {
      name: 'pair_goal_progress_level_check',
      expression: `level between ${GOAL_LEVELS.min} and ${GOAL_LEVELS.max}`,
    },
  ],
  properties: {
    id: uuidPrimaryKey(),
    goal: () => p.manyToOne(PairGoal).deleteRule('cascade'),
    session: () => p.manyToOne(PairSession).deleteRule('set null').nullable(),
    level: p.smallint(),
    note: p.string().length(1000).nullable(),
    author: () => p.manyToOne(User).deleteRule('set null').nullable(),
    createdAt: createdAt(),
  },
});
export type PairGoalProgress = InferEntity<typeof PairGoalProgress>;
