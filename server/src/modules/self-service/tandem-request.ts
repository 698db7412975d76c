import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { createdAt, uuidPrimaryKey } from '../../db/common-properties.js';
import { Enrolment } from '../enrolment/enrolment.js';
import { Programme } from '../programmes/programme.js';

export const REQUEST_STATES = ['pending', 'accepted', 'declined', 'expired', 'withdrawn'] as const;

/**
 * In a self-service programme, one participant asking another to be their tandem. It expires
 * after the programme's requestExpiryDays; the asker then gets their next suggestion.
 */
export const TandemRequest = defineEntity({
  name: 'TandemRequest',
  tableName: 'tandem_request',
  indexes: [{ properties: ['programme', 'state'] }, { properties: ['to', 'state'] }],
  properties: {
    id: uuidPrimaryKey(),
    programme: () => p.manyToOne(Programme).deleteRule('cascade'),
    from: () => p.manyToOne(Enrolment).deleteRule('cascade'),
    to: () => p.manyToOne(Enrolment).deleteRule('cascade'),
    state: p.enum([...REQUEST_STATES]).default('pending'),
    createdAt: createdAt(),
    expiresAt: p.datetime(),
    answeredAt: p.datetime().nullable(),
    /** A short note from the asker to the person asked, shown with the request. */
    message: p.text().nullable(),
  },
});
export type TandemRequest = InferEntity<typeof TandemRequest>;
