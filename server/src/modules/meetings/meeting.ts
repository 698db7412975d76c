import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { createdAt, updatedAt, uuidPrimaryKey } from '../../db/common-properties.js';
import { Match } from '../matching/match.js';

export const MEETING_STATES = ['planned', 'confirmed', 'held', 'missed', 'cancelled'] as const;

/** One session of a match, following its curriculum. */
export const Meeting = defineEntity({
  name: 'Meeting',
  tableName: 'meeting',
  indexes: [{ properties: ['startsAt'] }, { properties: ['match'] }],
  properties: {
    id: uuidPrimaryKey(),
    match: () => p.manyToOne(Match).deleteRule('cascade'),
    /** Position of the curriculum session this meeting covers, from 0. */
    sessionIndex: p.integer(),
    title: p.string(),
    startsAt: p.datetime(),
    endsAt: p.datetime(),
    location: p.string().nullable(),
    link: p.string().nullable(),
    state: p.enum([...MEETING_STATES]).default('planned'),
    /** iCalendar SEQUENCE: raised on every change, so calendars update in place. */
    calendarSequence: p.integer().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
});
export type Meeting = InferEntity<typeof Meeting>;
