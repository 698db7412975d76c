import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { createdAt, uuidPrimaryKey } from '../../db/common-properties.js';
import { Programme } from '../programmes/programme.js';
import { User } from '../users/user.js';
import type { UnmatchedReason } from './explanation-schemas.js';

export const MATCHING_RUN_STATES = ['queued', 'running', 'succeeded', 'failed'] as const;

/**
 * One run of a programme's matching strategy. Its proposal replaces the programme's earlier
 * proposed matches only when the whole answer passed every check; a failed run saves nothing
 * but its reason.
 */
export const MatchingRun = defineEntity({
  name: 'MatchingRun',
  tableName: 'matching_run',
  indexes: [{ properties: ['programme', 'createdAt'] }],
  properties: {
    id: uuidPrimaryKey(),
    programme: () => p.manyToOne(Programme).deleteRule('cascade'),
    /** Name of the matching strategy plugin asked. */
    strategy: p.string(),
    state: p.enum([...MATCHING_RUN_STATES]).default('queued'),
    /** 0–100, for the admin's progress bar: candidates gathered, strategy asked, answer checked, saved. */
    progress: p.integer().default(0),
    seed: p.integer(),
    /** Why the run failed, for the admin: names the plugin and the problem. */
    error: p.text().nullable(),
    groupCount: p.integer().nullable(),
    /** Who the strategy left out, and why: shown to the admin beside the proposal. */
    unmatched: p.json<UnmatchedReason[]>().default('[]'),
    /** Publish the matches as soon as the run succeeds: lunch rounds need no review. */
    autoPublish: p.boolean().default(false),
    requestedBy: () => p.manyToOne(User).nullable().deleteRule('set null'),
    createdAt: createdAt(),
    startedAt: p.datetime().nullable(),
    finishedAt: p.datetime().nullable(),
  },
});
export type MatchingRun = InferEntity<typeof MatchingRun>;
