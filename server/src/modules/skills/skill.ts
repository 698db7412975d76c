import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { createdAt, updatedAt } from '../../db/common-properties.js';

export const SKILL_CATEGORIES = ['digital', 'organisation'] as const;

/**
 * A skill of the organisation's taxonomy, named in German and English. People offer and want
 * skills by key; an archived skill stays on the profiles that have it but is offered no more.
 */
export const Skill = defineEntity({
  name: 'Skill',
  tableName: 'skill',
  properties: {
    key: p.string().primary(),
    labelDe: p.string(),
    labelEn: p.string(),
    category: p.enum([...SKILL_CATEGORIES]),
    archived: p.boolean().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
});
export type Skill = InferEntity<typeof Skill>;
