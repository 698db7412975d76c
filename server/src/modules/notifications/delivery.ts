import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { createdAt, uuidPrimaryKey } from '../../db/common-properties.js';
import { Meeting } from '../meetings/meeting.js';
import { User } from '../users/user.js';

export const DELIVERY_STATES = ['pending', 'delivered', 'retry-later', 'failed'] as const;

/**
 * One message to one recipient over one channel. The unique (subject, recipient, channel,
 * sequence) is the idempotency key that makes every invitation go out exactly once.
 */
export const Delivery = defineEntity({
  name: 'Delivery',
  tableName: 'delivery',
  indexes: [{ properties: ['recipient'] }, { properties: ['meeting'] }],
  uniques: [{ properties: ['subject', 'recipient', 'channel', 'sequence'] }],
  properties: {
    id: uuidPrimaryKey(),
    /** What the message is about, e.g. `meeting:<id>` or `match:<id>:published`. */
    subject: p.string(),
    meeting: () => p.manyToOne(Meeting).nullable().deleteRule('set null'),
    recipient: () => p.manyToOne(User).deleteRule('cascade'),
    channel: p.string(),
    /** invitation, update, cancel, reminder, nudge, … */
    kind: p.string(),
    sequence: p.integer().default(0),
    state: p.enum([...DELIVERY_STATES]).default('pending'),
    attempts: p.integer().default(0),
    lastError: p.text().nullable(),
    createdAt: createdAt(),
    deliveredAt: p.datetime().nullable(),
  },
});
export type Delivery = InferEntity<typeof Delivery>;
