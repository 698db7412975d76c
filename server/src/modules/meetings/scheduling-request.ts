import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { createdAt, uuidPrimaryKey } from '../../db/common-properties.js';
import { Match } from '../matching/match.js';
import { PairSession } from '../pairs/pair-session.js';
import { Meeting } from './meeting.js';

/** `settled`: the session got its meeting; `expired`: the session no longer needs one. */
export const SCHEDULING_STATES = ['open', 'settled', 'expired'] as const;

/**
 * "Find a time together": opened when the planner found no common time for a session, so the
 * members propose times (TimeProposal) and a partner picks one. At most one is open per pair.
 */
export const SchedulingRequest = defineEntity({
  name: 'SchedulingRequest',
  tableName: 'scheduling_request',
  indexes: [{ properties: ['match'] }],
  properties: {
    id: uuidPrimaryKey(),
    match: () => p.manyToOne(Match).deleteRule('cascade'),
    session: () => p.manyToOne(PairSession).deleteRule('cascade'),
    state: p.enum([...SCHEDULING_STATES]).default('open'),
    /** The meeting a pick (or a later planner run) settled it with. */
    meeting: () => p.manyToOne(Meeting).nullable().deleteRule('set null'),
    openedAt: createdAt(),
    closedAt: p.datetime().nullable(),
  },
});
export type SchedulingRequest = InferEntity<typeof SchedulingRequest>;
