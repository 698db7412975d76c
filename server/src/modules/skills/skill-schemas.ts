import { type Static, Type } from '@sinclair/typebox';
import { LocalizedSchema } from '@tandem/plugin-sdk';
import { SKILL_CATEGORIES } from './skill.js';

const Category = Type.Union(SKILL_CATEGORIES.map((c) => Type.Literal(c)));
const Label = Type.Object(
  {
    de: Type.String({ minLength: 1, maxLength: 100 }),
    en: Type.String({ minLength: 1, maxLength: 100 }),
  },
  { additionalProperties: false },
);

export const SkillSchema = Type.Object({
  key: Type.String(),
  label: LocalizedSchema,
  category: Category,
  archived: Type.Boolean(),
});
export type SkillView = Static<typeof SkillSchema>;

export const CreateSkillSchema = Type.Object(
  {
    key: Type.String({
      pattern: '^[a-z][a-z0-9]*(-[a-z0-9]+)*$',
      maxLength: 60,
      description: 'kebab-case, stable: profiles refer to it.',
    }),
    label: Label,
    category: Category,
  },
  { additionalProperties: false },
);
export type CreateSkill = Static<typeof CreateSkillSchema>;

export const UpdateSkillSchema = Type.Object(
  {
    label: Type.Optional(Label),
    category: Type.Optional(Category),
    archived: Type.Optional(Type.Boolean({ description: 'Archived skills are offered no more.' })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateSkill = Static<typeof UpdateSkillSchema>;
