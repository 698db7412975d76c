import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { Meeting } from './meeting.js';

/**
 * A calendar reply already answered, by its message (answer-from-calendar.ts writes it with plain
 * SQL in the transaction of the answer), so that each mail counts once across restarts and
 * workers. An entity so that a person's data export, built from the ORM's metadata, holds the
 * rows about their meetings, and erasure and retention follow the meeting.
 */
export const CalendarReplyRecord = defineEntity({
  name: 'CalendarReplyRecord',
  tableName: 'calendar_reply',
  properties: {
    /** A SHA-256 of the Message-ID, or of mailbox UIDVALIDITY and UID for a mail without one. */
    messageKey: p.text().primary(),
    meeting: () => p.manyToOne(Meeting).deleteRule('cascade').index(),
    answeredAt: p.datetime().defaultRaw('now()'),
  },
});
export type CalendarReplyRecord = InferEntity<typeof CalendarReplyRecord>;
