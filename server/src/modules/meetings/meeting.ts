import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { createdAt, updatedAt, uuidPrimaryKey } from '../../db/common-properties.js';
import { Match } from '../matching/match.js';
import { PairSession } from '../pairs/pair-session.js';
import { User } from '../users/user.js';

export const MEETING_STATES = ['planned', 'held', 'cancelled'] as const;
export type MeetingState = (typeof MEETING_STATES)[number];

/** A member's answer; `tentative` ("maybe") counts as an answer and keeps the time. */
export const RSVP_RESPONSES = ['pending', 'accepted', 'tentative', 'declined'] as const;
export type RsvpResponse = (typeof RSVP_RESPONSES)[number];

/** One meeting of a pair, planned by Tandem for a session of the pair's plan. */
export const Meeting = defineEntity({
  name: 'Meeting',
  tableName: 'meeting',
  indexes: [{ properties: ['startsAt'] }, { properties: ['match'] }],
  properties: {
    id: uuidPrimaryKey(),
    match: () => p.manyToOne(Match).deleteRule('cascade'),
    /** The session of the pair's plan; null once the pair removed it from the plan. */
    session: () => p.manyToOne(PairSession).nullable().deleteRule('set null'),
    title: p.string(),
    startsAt: p.datetime(),
    endsAt: p.datetime(),
    location: p.string().nullable(),
    link: p.string().nullable(),
    state: p.enum([...MEETING_STATES]).default('planned'),
    /** Each member's answer by user id; a change of time resets them to pending. */
    responses: p.json<Record<string, RsvpResponse>>().default('{}'),
    /** iCalendar SEQUENCE: raised on every change, so calendars update in place. */
    calendarSequence: p.integer().default(0),
    /**
     * The member whose calendar proposed this time (an iMIP COUNTER to the version before,
     * `calendarSequence - 1`): refused by another member, their calendar is told with a
     * DECLINECOUNTER. Null when the time came any other way; every other move clears it.
     */
    counteredBy: () => p.manyToOne(User).nullable().deleteRule('set null'),
    /**
     * User ids of the members whose own calendar Tandem could not read when it chose this
     * time: their invitation says so. Empty when calendars were read or are not read at all.
     */
    calendarsUnread: p.json<string[]>().default('[]'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
});
export type Meeting = InferEntity<typeof Meeting>;
