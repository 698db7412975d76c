import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { createdAt, updatedAt, uuidPrimaryKey } from '../../db/common-properties.js';
import { Match } from '../matching/match.js';

export const SESSION_STATUSES = ['planned', 'done', 'skipped'] as const;

/** A homework task of one side, with whether that side has done it. */
export interface HomeworkItem {
  text: string;
  done: boolean;
  /** True for a task the pair wrote itself, absent for one from the curriculum. */
  byPair?: true;
}

/**
 * One session of a pair's own plan: copied from the curriculum when the pair starts, then the
 * pair's to tailor (reorder, add, skip, edit homework) — the template stays as it was.
 */
export const PairSession = defineEntity({
  name: 'PairSession',
  tableName: 'pair_session',
  indexes: [{ properties: ['match', 'position'] }],
  properties: {
    id: uuidPrimaryKey(),
    match: () => p.manyToOne(Match).deleteRule('cascade'),
    /** Order within the plan, from 0. */
    position: p.integer(),
    title: p.string(),
    goal: p.text().default(''),
    agenda: p.json<string[]>().default('[]'),
    tutorials: p.json<{ title: string; url?: string; minutes?: number }[]>().default('[]'),
    homework: p.json<{ mentor: HomeworkItem[]; mentee: HomeworkItem[] }>(),
    durationMinutes: p.integer(),
    /** Weeks after the pair's start; scheduling turns it into a date. */
    offsetWeeks: p.double(),
    milestone: p.enum(['kick-off', 'mid-term-review', 'closing']).nullable(),
    status: p.enum([...SESSION_STATUSES]).default('planned'),
    /** True for a session the pair added; false for one from the curriculum. */
    addedByPair: p.boolean().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
});
export type PairSession = InferEntity<typeof PairSession>;
