import { type Static, Type } from '@sinclair/typebox';
import { brand, type PluginBrand } from './brand.js';
import {
  type Locale,
  LocaleSchema,
  type Localized,
  LocalizedSchema,
  type ProgrammeKind,
  ProgrammeKindSchema,
} from './common.js';
import type { PluginContext } from './context.js';
import {
  type ConfigOf,
  type ConfigSchema,
  checkDefinition,
  PLUGIN_NAME_PATTERN,
  type PluginDefinitionBase,
  PluginNameSchema,
} from './definition.js';

const Text = Type.String({ minLength: 1 });
const Url = Type.String({ pattern: '^https?://\\S+$', description: 'An http(s) URL.' });

/** The sessions that mark a programme's course; the host treats them specially (e.g. the
 * kick-off asks for the tandem agreement, the closing for a reflection). */
export const MilestoneSchema = Type.Union(
  [Type.Literal('kick-off'), Type.Literal('mid-term-review'), Type.Literal('closing')],
  {
    description:
      'kick-off: getting to know each other and the tandem agreement; mid-term-review: what works, what to change; closing: reflection, optionally with a role swap.',
  },
);

/** A milestone session: `'kick-off'`, `'mid-term-review'` or `'closing'`. */
export type Milestone = Static<typeof MilestoneSchema>;

/** One entry of a curriculum's glossary: a term and a plain explanation. */
export const GlossaryEntrySchema = Type.Object(
  {
    term: Text,
    explanation: Type.String({
      minLength: 1,
      description: 'In plain words, for someone who has never used it.',
    }),
    example: Type.Optional(Type.String({ description: 'Where one meets it at work.' })),
  },
  { additionalProperties: false },
);

/** One entry of a curriculum's glossary: a term and a plain explanation. */
export type GlossaryEntry = Static<typeof GlossaryEntrySchema>;

/** One session of a curriculum: what the pair does, reads and prepares. */
export const SessionPlanSchema = Type.Object(
  {
    title: Text,
    goal: Type.String({ description: 'What the pair should take away from the session.' }),
    agenda: Type.Array(Type.String(), { description: 'The steps of the session, in order.' }),
    tutorials: Type.Array(
      Type.Object(
        {
          title: Text,
          url: Type.Optional(Url),
          minutes: Type.Optional(Type.Integer({ minimum: 1 })),
        },
        { additionalProperties: false },
      ),
      { description: 'Material to read or watch before the session.' },
    ),
    homework: Type.Object(
      { mentor: Type.Array(Type.String()), mentee: Type.Array(Type.String()) },
      { additionalProperties: false, description: 'Tasks after the session, per side.' },
    ),
    durationMinutes: Type.Integer({ minimum: 1 }),
    milestone: Type.Optional(MilestoneSchema),
    offsetWeeks: Type.Number({
      minimum: 0,
      description: 'When the session falls, in weeks after the programme starts.',
    }),
  },
  { additionalProperties: false },
);

/** One session of a curriculum: what the pair does, reads and prepares. */
export type SessionPlan = Static<typeof SessionPlanSchema>;

/** The settings a new programme starts with when an admin picks this curriculum. */
export const ProgrammeDefaultsSchema = Type.Object(
  {
    sessionCount: Type.Integer({ minimum: 1 }),
    sessionMinutes: Type.Integer({ minimum: 1 }),
    cadenceWeeks: Type.Integer({ minimum: 1, description: 'Weeks between two sessions.' }),
    durationWeeks: Type.Integer({ minimum: 1 }),
    matchingStrategy: Type.String({
      pattern: PLUGIN_NAME_PATTERN.source,
      description: 'Name of a matching strategy plugin.',
    }),
    weights: Type.Optional(
      Type.Record(Type.String(), Type.Number({ minimum: 0 }), {
        description: 'Weight per matching criterion.',
      }),
    ),
    channels: Type.Array(PluginNameSchema, {
      description: 'Names of the notification channel plugins to use.',
    }),
  },
  { additionalProperties: false },
);

/** The settings a new programme starts with when an admin picks this curriculum. */
export type ProgrammeDefaults = Static<typeof ProgrammeDefaultsSchema>;

/** What a curriculum's `sessions()` may read about the programme it plans for. */
export const CurriculumProgrammeSchema = Type.Object({
  id: Type.String({ minLength: 1 }),
  kind: ProgrammeKindSchema,
  goals: Type.Array(Type.String()),
  language: LocaleSchema,
});

/** What a curriculum's `sessions()` may read about the programme it plans for. */
export type CurriculumProgramme = Static<typeof CurriculumProgrammeSchema>;

/** The data fields of a curriculum definition, checked by {@link defineCurriculum}. */
const CurriculumDataSchema = Type.Object({
  kinds: Type.Array(ProgrammeKindSchema, { minItems: 1 }),
  title: LocalizedSchema,
  description: LocalizedSchema,
  defaults: ProgrammeDefaultsSchema,
});

/** What a plugin author writes to define a curriculum. */
export interface CurriculumDefinition<S extends ConfigSchema = ConfigSchema>
  extends PluginDefinitionBase<S> {
  /** The programme kinds this curriculum suits (at least one). */
  readonly kinds: readonly ProgrammeKind[];
  /** The curriculum's name as admins see it. */
  readonly title: Localized;
  /** A sentence or two for admins choosing a curriculum. */
  readonly description: Localized;
  /** The settings a new programme with this curriculum starts with. */
  readonly defaults: ProgrammeDefaults;
  /**
   * Plans the sessions of a programme, in the given language. Its result is validated against
   * {@link SessionPlanSchema}.
   */
  sessions(
    locale: Locale,
    programme: CurriculumProgramme,
    ctx: PluginContext<ConfigOf<S>>,
  ): SessionPlan[] | Promise<SessionPlan[]>;
  /**
   * Optional: terms the pair may look up or play with (e.g. a Q&A game over everyday digital
   * terms), in the given language. Its result is validated against {@link GlossaryEntrySchema}.
   */
  glossary?(
    locale: Locale,
    ctx: PluginContext<ConfigOf<S>>,
  ): GlossaryEntry[] | Promise<GlossaryEntry[]>;
}

/** A curriculum as {@link defineCurriculum} returns it: frozen and branded. */
export type Curriculum<S extends ConfigSchema = ConfigSchema> = Readonly<CurriculumDefinition<S>> &
  PluginBrand<'curriculum'>;

/**
 * Defines a curriculum; make the result the default export of the plugin package.
 * The type of `ctx.config` is inferred from `configSchema`.
 *
 * @returns a frozen copy of the definition, branded as a `'curriculum'`.
 * @throws TypeError when the name is not kebab-case, `sessions` is missing, or `kinds`,
 *   `title`, `description` or `defaults` is missing or malformed.
 */
export function defineCurriculum<S extends ConfigSchema>(
  definition: CurriculumDefinition<S>,
): Curriculum<S> {
  checkDefinition('defineCurriculum', definition, ['sessions'], CurriculumDataSchema);
  const { glossary } = definition as { glossary?: unknown };
  if (glossary !== undefined && typeof glossary !== 'function')
    throw new TypeError(
      `defineCurriculum("${definition.name}"): glossary must be a function when given, got ${typeof glossary}`,
    );
  return brand('curriculum', definition);
}
