import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { createdAt, updatedAt, uuidPrimaryKey } from '../../db/common-properties.js';
import { Programme } from '../programmes/programme.js';
import { User } from '../users/user.js';

export const ENROLMENT_ROLES = ['mentor', 'mentee', 'either'] as const;
export const ENROLMENT_STATES = ['active', 'withdrawn'] as const;

/** A person's participation in one programme, with the profile they enrolled with. */
export const Enrolment = defineEntity({
  name: 'Enrolment',
  tableName: 'enrolment',
  indexes: [{ properties: ['user'] }],
  uniques: [{ properties: ['programme', 'user'] }],
  properties: {
    id: uuidPrimaryKey(),
    programme: () => p.manyToOne(Programme).deleteRule('cascade'),
    user: () => p.manyToOne(User).deleteRule('cascade'),
    role: p.enum([...ENROLMENT_ROLES]),
    state: p.enum([...ENROLMENT_STATES]).default('active'),
    /** Years of working experience: generation and seniority for matching. */
    experienceYears: p.integer().nullable(),
    /** Skills offered and wanted, preferences, availability, goals, exclusions. */
    profile: p.json<Record<string, unknown>>().default('{}'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    withdrawnAt: p.datetime().nullable(),
  },
});
export type Enrolment = InferEntity<typeof Enrolment>;
