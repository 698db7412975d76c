import { type Static, Type } from '@sinclair/typebox';
import {
  GlossaryEntrySchema,
  LocaleSchema,
  LocalizedSchema,
  ProgrammeDefaultsSchema,
  ProgrammeKindSchema,
  SessionPlanSchema,
} from '@tandem/plugin-sdk';

/** A curriculum in the template gallery. */
export const CurriculumTemplateSchema = Type.Object({
  name: Type.String(),
  version: Type.String(),
  title: LocalizedSchema,
  description: LocalizedSchema,
  kinds: Type.Array(ProgrammeKindSchema),
  defaults: ProgrammeDefaultsSchema,
  hasGlossary: Type.Boolean(),
});
export type CurriculumTemplate = Static<typeof CurriculumTemplateSchema>;

/** What a programme of one kind would get from a curriculum, in one language. */
export const CurriculumPreviewSchema = Type.Object({
  name: Type.String(),
  kind: ProgrammeKindSchema,
  locale: LocaleSchema,
  sessions: Type.Array(SessionPlanSchema),
  glossary: Type.Array(GlossaryEntrySchema),
});
export type CurriculumPreview = Static<typeof CurriculumPreviewSchema>;

export const PreviewQuerySchema = Type.Object(
  { locale: Type.Optional(LocaleSchema), kind: Type.Optional(ProgrammeKindSchema) },
  { additionalProperties: false },
);
