import { type Static, Type } from '@sinclair/typebox';
import { PluginNameSchema, ProgrammeKindSchema } from '@tandem/plugin-sdk';
import { PROGRAMME_STATES } from './programme.js';
import { ProgrammeSettingsChangeSchema, ProgrammeSettingsSchema } from './programme-settings.js';

export const ProgrammeStateSchema = Type.Union(
  PROGRAMME_STATES.map((state) => Type.Literal(state)),
);

const Name = Type.String({ minLength: 1, maxLength: 200 });
const Description = Type.String({ maxLength: 5000 });

/** A programme as admins see it. */
export const ProgrammeSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  name: Type.String(),
  description: Type.String(),
  kind: ProgrammeKindSchema,
  state: ProgrammeStateSchema,
  nextStates: Type.Array(ProgrammeStateSchema, {
    description: 'Where the programme may go from its state (POST …/transitions).',
  }),
  curriculum: Type.String({ description: 'The curriculum plugin it was created from.' }),
  matchingStrategy: Type.String(),
  settings: ProgrammeSettingsSchema,
  participants: Type.Integer({ description: 'Active enrolments.' }),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});
export type ProgrammeView = Static<typeof ProgrammeSchema>;

/**
 * A new programme: a curriculum template, a name, and whatever should differ from its defaults
 * (its matching strategy too).
 */
export const CreateProgrammeSchema = Type.Object(
  {
    curriculum: PluginNameSchema,
    kind: Type.Optional(ProgrammeKindSchema),
    name: Name,
    description: Type.Optional(Description),
    matchingStrategy: Type.Optional(PluginNameSchema),
    settings: Type.Optional(ProgrammeSettingsChangeSchema),
  },
  { additionalProperties: false },
);
export type CreateProgramme = Static<typeof CreateProgrammeSchema>;

/** A change to a programme: any of name, description, strategy and settings. */
export const UpdateProgrammeSchema = Type.Object(
  {
    name: Type.Optional(Name),
    description: Type.Optional(Description),
    matchingStrategy: Type.Optional(PluginNameSchema),
    settings: Type.Optional(ProgrammeSettingsChangeSchema),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateProgramme = Static<typeof UpdateProgrammeSchema>;

export const TransitionSchema = Type.Object(
  { to: ProgrammeStateSchema },
  { additionalProperties: false },
);
