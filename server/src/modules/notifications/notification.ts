import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import type { OutgoingMessage } from '@tandem/plugin-sdk';
import { createdAt, uuidPrimaryKey } from '../../db/common-properties.js';
import { Meeting } from '../meetings/meeting.js';
import { Programme } from '../programmes/programme.js';
import { User } from '../users/user.js';

export type NotificationKind = OutgoingMessage['kind'];

/**
 * One message to one person, rendered in their language: the entry in their in-app inbox and
 * the source of every delivery over the other channels. Unique per (recipient, subject,
 * sequence), so a job that runs twice notifies once.
 */
export const Notification = defineEntity({
  name: 'Notification',
  tableName: 'notification',
  indexes: [{ properties: ['recipient', 'createdAt'] }],
  uniques: [{ properties: ['recipient', 'subject', 'sequence'] }],
  properties: {
    id: uuidPrimaryKey(),
    recipient: () => p.manyToOne(User).deleteRule('cascade'),
    /** What it is about, e.g. `meeting:<id>:invitation` or `match:<id>:dissolved`. */
    subject: p.string(),
    sequence: p.integer().default(0),
    kind: p.string().$type<NotificationKind>(),
    programme: () => p.manyToOne(Programme).nullable().deleteRule('set null'),
    meeting: () => p.manyToOne(Meeting).nullable().deleteRule('set null'),
    /** The language it was written in, the recipient's at the time. */
    locale: p.enum(['de', 'en']).default('de'),
    title: p.string(),
    text: p.text(),
    /** Where in the app it leads: a path of app-page.ts. */
    link: p.string().nullable(),
    /** The iCalendar object sent with it, when it is about a meeting. */
    calendar: p.text().nullable(),
    readAt: p.datetime().nullable(),
    createdAt: createdAt(),
  },
});
export type Notification = InferEntity<typeof Notification>;
