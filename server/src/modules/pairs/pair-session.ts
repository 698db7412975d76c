import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import type { Locale } from '@tandem/plugin-sdk';
import { createdAt, updatedAt, uuidPrimaryKey } from '../../db/common-properties.js';
import { Match } from '../matching/match.js';

export const SESSION_STATUSES = ['planned', 'done', 'skipped'] as const;

/** A homework task of one side, with whether that side has done it. */
export interface HomeworkItem {
  text: string;
  done: boolean;
  /** True for a task the pair wrote itself, absent for one from the curriculum. */
  byPair?: true;
  /** A curriculum task in every language the curriculum has, for each member to read in theirs. */
  texts?: Partial<Record<Locale, string>>;
}

/** A tutorial to prepare, as the curriculum gives it. */
export interface Tutorial {
  title: string;
  url?: string;
  minutes?: number;
}

/**
 * The curriculum's texts of a session in every language it has, field by field; a field the
 * pair rewrites loses its translations, as the pair's words are in one language.
 */
export interface SessionTranslations {
  title?: Partial<Record<Locale, string>>;
  goal?: Partial<Record<Locale, string>>;
  agenda?: Partial<Record<Locale, string[]>>;
  tutorials?: Partial<Record<Locale, Tutorial[]>>;
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
    tutorials: p.json<Tutorial[]>().default('[]'),
    homework: p.json<{ mentor: HomeworkItem[]; mentee: HomeworkItem[] }>(),
    durationMinutes: p.integer(),
    /** Weeks after the pair's start; scheduling turns it into a date. */
    offsetWeeks: p.double(),
    milestone: p.enum(['kick-off', 'mid-term-review', 'closing']).nullable(),
    status: p.enum([...SESSION_STATUSES]).default('planned'),
    /** The curriculum's texts in every language it has; empty for a session the pair added. */
    translations: p.json<SessionTranslations>().default('{}'),
    /** True for a session the pair added; false for one from the curriculum. */
    addedByPair: p.boolean().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
});
export type PairSession = InferEntity<typeof PairSession>;
