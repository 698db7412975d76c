import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { createdAt, uuidPrimaryKey } from '../../db/common-properties.js';
import type { DissolveReason } from '../pairs/dissolve-reasons.js';
import { Programme } from '../programmes/programme.js';
import { MatchMember } from './match-member.js';

/** `ended`: a lunch round that ran its course; `dissolved`: a pair that did not fit. */
export const MATCH_STATES = ['proposed', 'pinned', 'published', 'dissolved', 'ended'] as const;

/** States of a pair its members have never been shown: a proposal is the admins' business. */
export const UNPUBLISHED_STATES = ['proposed', 'pinned'] as const;

/**
 * A pair (or, in peer rounds, a small group) proposed by a matching strategy. Dissolved matches
 * stay as history, so nobody is paired with the same person twice.
 */
export const Match = defineEntity({
  name: 'Match',
  tableName: 'match',
  indexes: [{ properties: ['programme'] }],
  properties: {
    id: uuidPrimaryKey(),
    programme: () => p.manyToOne(Programme).deleteRule('cascade'),
    members: () => p.oneToMany(MatchMember).mappedBy('match'),
    state: p.enum([...MATCH_STATES]).default('proposed'),
    /** 0–100, from the strategy. */
    score: p.double().nullable(),
    /** Per-criterion explanation: name, score, weight, why. */
    criteria: p.json<unknown[]>().default('[]'),
    /** Confidential: never shown to the partner. */
    dissolvedReason: p.text().nullable(),
    /** Why an admin dissolved the pair, as a code (DISSOLVE_REASONS): confidential as well. */
    dissolvedReasonCode: p.text().$type<DissolveReason>().nullable(),
    createdAt: createdAt(),
    publishedAt: p.datetime().nullable(),
    /** Last sign of life: publishing, a session marked done, or "we continue". */
    activeAt: p.datetime().nullable(),
    /** Set when the pair has shown no sign of life for the programme's staleAfterWeeks. */
    staleSince: p.datetime().nullable(),
    dissolvedAt: p.datetime().nullable(),
  },
});
export type Match = InferEntity<typeof Match>;
