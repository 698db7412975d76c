import type { Static } from '@sinclair/typebox';
import type {
  CreateSkillSchema,
  SkillSchema,
  UpdateSkillSchema,
} from '@tandem/server/schemas/modules/skills/skill-schemas';
import { api } from './api-client.js';

export type Skill = Static<typeof SkillSchema>;
export type SkillCategory = Skill['category'];
export type CreateSkill = Static<typeof CreateSkillSchema>;
export type UpdateSkill = Static<typeof UpdateSkillSchema>;

export const SKILL_CATEGORIES: readonly SkillCategory[] = ['digital', 'organisation'];

/** Every skill, archived ones included. */
export const readAllSkills = (signal?: AbortSignal) =>
  api<Skill[]>('/api/admin/skills', signal ? { signal } : {});

export const createSkill = (skill: CreateSkill) =>
  api<Skill>('/api/admin/skills', { method: 'POST', body: skill });

export const updateSkill = (key: string, change: UpdateSkill) =>
  api<Skill>(`/api/admin/skills/${encodeURIComponent(key)}`, { method: 'PATCH', body: change });
