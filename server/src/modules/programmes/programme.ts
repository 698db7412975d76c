import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { createdAt, updatedAt, uuidPrimaryKey } from '../../db/common-properties.js';
import { User } from '../users/user.js';

export const PROGRAMME_KINDS = ['reverse-mentoring', 'classic-mentoring', 'peer-lunch'] as const;
export const PROGRAMME_STATES = ['draft', 'enrolment', 'matching', 'running', 'closed'] as const;

/** A mentoring programme, created from a curriculum template and run through its states. */
export const Programme = defineEntity({
  name: 'Programme',
  tableName: 'programme',
  properties: {
    id: uuidPrimaryKey(),
    name: p.string(),
    description: p.text().default(''),
    kind: p.enum([...PROGRAMME_KINDS]),
    state: p.enum([...PROGRAMME_STATES]).default('draft'),
    /** Name of the curriculum plugin the programme was created from. */
    curriculum: p.string(),
    /** Name of the matching strategy plugin that pairs its participants. */
    matchingStrategy: p.string(),
    /** Settings that are not queried on: goals, eligibility, capacity, cadence, weights, channels. */
    settings: p.json<Record<string, unknown>>().default('{}'),
    createdBy: () => p.manyToOne(User).nullable().deleteRule('set null'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
});
export type Programme = InferEntity<typeof Programme>;
