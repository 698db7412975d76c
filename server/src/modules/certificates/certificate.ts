import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import type { Locale } from '@tandem/plugin-sdk';
import { uuidPrimaryKey } from '../../db/common-properties.js';
import { Programme } from '../programmes/programme.js';
import { User } from '../users/user.js';

/**
 * A participation certificate: what it states, written down when it is issued, so that the
 * verification page shows exactly the certificate even after a name or a programme changes.
 * It goes with its holder's account and with its programme.
 */
export const Certificate = defineEntity({
  name: 'Certificate',
  tableName: 'certificate',
  uniques: [{ properties: ['programme', 'user'] }],
  properties: {
    id: uuidPrimaryKey(),
    /** Random, e.g. `TND-7K3M-Q9XP-2D4F` (see certificate-number.ts): the key to verify it. */
    number: p.string().length(18).unique(),
    programme: () => p.manyToOne(Programme).deleteRule('cascade'),
    user: () => p.manyToOne(User).deleteRule('cascade'),
    holderName: p.string(),
    programmeName: p.string(),
    /** Null when the organisation had no name set up. */
    organisationName: p.string().nullable(),
    /** The day of the holder's first held meeting, in the organisation's time zone (YYYY-MM-DD). */
    periodStart: p.string().length(10),
    /** The day of their last held meeting. */
    periodEnd: p.string().length(10),
    sessionsHeld: p.integer(),
    /** The held meetings' planned durations, added up. */
    minutes: p.integer(),
    /** The sessions held or marked done, in the holder's language, in the order they took place. */
    topics: p.json<string[]>().default('[]'),
    locale: p.enum(['de', 'en']).$type<Locale>(),
    issuedAt: p.datetime().onCreate(() => new Date()),
    /** The admin or programme manager who issued it for the whole programme; null when the holder asked. */
    issuedBy: () => p.manyToOne(User).nullable().deleteRule('set null'),
  },
});
export type Certificate = InferEntity<typeof Certificate>;
