import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { createdAt, updatedAt, uuidPrimaryKey } from '../../db/common-properties.js';
import { Programme } from '../programmes/programme.js';
import { User } from '../users/user.js';

export const ENROLMENT_ROLES = ['mentor', 'mentee', 'either'] as const;
/**
 * - `active`: takes part; matched and counted as a participant
 * - `awaiting-approval`: waits for their line manager's consent (programme setting managerApproval)
 * - `waitlisted`: approved (or needing none), but the programme is full; moves up when a place frees
 * - `withdrawn`, `declined` (by the manager), `expired` (nobody answered in time): ended
 */
export const ENROLMENT_STATES = [
  'active',
  'awaiting-approval',
  'waitlisted',
  'withdrawn',
  'declined',
  'expired',
] as const;
export type EnrolmentState = (typeof ENROLMENT_STATES)[number];

/** The states of someone who is in the programme or on the way in: they may withdraw. */
export const JOINING_STATES = ['active', 'awaiting-approval', 'waitlisted'] as const;

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
    /** When they joined the waitlist: its order, first come first served. */
    waitlistedAt: p.datetime().nullable(),
  },
});
export type Enrolment = InferEntity<typeof Enrolment>;
