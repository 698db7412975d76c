import { randomUUID } from 'node:crypto';
import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { User } from '../users/user.js';

export const PROGRAMME_KINDS = ['reverse-mentoring', 'classic-mentoring', 'peer-lunch'] as const;
export const PROGRAMME_STATES = ['draft', 'enrolment', 'matching', 'running', 'closed'] as const;

/** A mentoring programme, created from a curriculum template and run through its states. */
export const Programme = defineEntity({
  name: 'Programme',
  tableName: 'programme',
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
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
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});
export type Programme = InferEntity<typeof Programme>;
