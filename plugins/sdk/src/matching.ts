import { type Static, Type } from '@sinclair/typebox';
import { brand, type PluginBrand } from './brand.js';
import { LocaleSchema, ProgrammeKindSchema } from './common.js';
import type { PluginContext } from './context.js';
import {
  type ConfigOf,
  type ConfigSchema,
  checkDefinition,
  type PluginDefinitionBase,
} from './definition.js';

const Id = Type.String({ minLength: 1 });
const Score = Type.Number({ minimum: 0, maximum: 100 });
const Time = Type.String({
  pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$',
  description: 'HH:MM, 24 h',
});

/** Someone enrolled in a programme who is to be matched, as a matching strategy sees them. */
export const MatchCandidateSchema = Type.Object({
  enrolmentId: Id,
  personId: Id,
  role: Type.Union([Type.Literal('mentor'), Type.Literal('mentee'), Type.Literal('either')], {
    description: 'The side the person enrolled for; `either` lets the strategy choose.',
  }),
  capacity: Type.Integer({
    minimum: 1,
    description: 'How many mentees a mentor takes on (1 for mentees and peers).',
  }),
  profile: Type.Object({
    skillsOffered: Type.Array(Type.String()),
    skillsWanted: Type.Array(Type.String()),
    languages: Type.Array(Type.Union([LocaleSchema, Type.String({ minLength: 2 })]), {
      description: 'Languages the person can meet in, as ISO 639-1 codes (`de`, `en`, `fr`, …).',
    }),
    format: Type.Union([Type.Literal('on-site'), Type.Literal('remote'), Type.Literal('both')]),
    location: Type.Optional(Type.String({ description: 'Site or city, for on-site meetings.' })),
    availability: Type.Array(
      Type.Object({
        weekday: Type.Integer({ minimum: 1, maximum: 7, description: 'ISO weekday, 1 = Monday.' }),
        from: Time,
        to: Time,
      }),
    ),
    goals: Type.Array(Type.String()),
    experienceYears: Type.Optional(Type.Number({ minimum: 0 })),
    department: Type.Optional(Type.String()),
    title: Type.Optional(Type.String({ description: 'Job title.' })),
  }),
  excludedPersonIds: Type.Array(Id, {
    description: 'People this person must not be matched with (e.g. their own manager).',
  }),
});

/** Someone enrolled in a programme who is to be matched, as a matching strategy sees them. */
export type MatchCandidate = Static<typeof MatchCandidateSchema>;

/** The side a member takes in a group. */
const PlacedRole = Type.Union([
  Type.Literal('mentor'),
  Type.Literal('mentee'),
  Type.Literal('peer'),
]);

/** A value a reason's wording takes in: a number, a name, a list of skill keys or names. */
export const ExplanationParamsSchema = Type.Record(
  Type.String(),
  Type.Union([Type.String(), Type.Number(), Type.Boolean(), Type.Array(Type.String())]),
);

/** The values of a reason's code, such as `{ skills: ['video-calls'], count: 1 }`. */
export type ExplanationParams = Static<typeof ExplanationParamsSchema>;

/** Two enrolment (or person) ids. */
const Pair = Type.Tuple([Id, Id]);

/** Everything a matching strategy gets to propose groups for one programme round. */
export const MatchInputSchema = Type.Object({
  programme: Type.Object({
    id: Id,
    kind: ProgrammeKindSchema,
    weights: Type.Record(Type.String(), Type.Number({ minimum: 0 }), {
      description: 'Weight per criterion name, as the programme admin set them.',
    }),
    rules: Type.Record(Type.String(), Type.Unknown(), {
      description:
        "Rules of the programme (e.g. cross-department only). `sessionMinutes`, when the host sets it, is the length of a meeting the host plans in the members' common weekly windows (see `plannedMeetingMinutes`).",
    }),
  }),
  candidates: Type.Array(MatchCandidateSchema),
  history: Type.Array(Pair, {
    description: 'Person-id pairs who were partners before, in this or earlier programmes.',
  }),
  pins: Type.Array(
    Type.Object({
      members: Type.Array(Id, { minItems: 2 }),
      roles: Type.Optional(
        Type.Record(Id, PlacedRole, {
          description:
            'The side each member takes in the pinned group, as the admin placed them (optional: an older host sends none, and `withoutPins` guesses).',
        }),
      ),
    }),
    { description: 'Enrolment ids an admin fixed to be in one group.' },
  ),
  forbids: Type.Array(Pair, {
    description:
      'Enrolment-id pairs that must not share a group: those an admin ruled out, and every pair of `apart` (repeated here for strategies that do not read `apart`).',
  }),
  apart: Type.Optional(
    Type.Array(
      Type.Object({
        members: Pair,
        rule: Type.String({
          pattern: '^[a-z][a-z0-9-]*$',
          description: 'The host rule that keeps the two apart, e.g. `reporting-line`.',
        }),
        why: Type.String({ description: 'A sentence an admin can read.' }),
        params: Type.Optional(ExplanationParamsSchema),
      }),
      {
        description:
          "Enrolment-id pairs the host's own rules keep apart, with the rule and why (optional: an older host sends none). `mayMeet` honours every entry, also of a rule added to the host after the strategy was built.",
      },
    ),
  ),
  seed: Type.Integer({ description: 'Seed for any randomness, so a run can be repeated.' }),
});

/** Everything a matching strategy gets to propose groups for one programme round. */
export type MatchInput = Static<typeof MatchInputSchema>;

/**
 * How long the programme's meetings are when the host plans each of them in a time inside
 * every member's weekly windows (`rules.sessionMinutes`; Tandem does so for every programme).
 * People for whom `canMeetWeekly` is false for this length would never get a meeting.
 *
 * @returns the minutes, or undefined when the host plans no meetings from windows.
 */
export function plannedMeetingMinutes(input: MatchInput): number | undefined {
  const minutes = input.programme.rules.sessionMinutes;
  return typeof minutes === 'number' && Number.isInteger(minutes) && minutes > 0
    ? minutes
    : undefined;
}

/**
 * A reason as data, optional beside the sentence: `code` names the reason (`skills.offered`),
 * `params` its values. The host's web app words a code it knows in the reader's language and
 * shows the plugin's sentence for any other; a plugin without codes works as before.
 */
const Explanation = {
  code: Type.Optional(
    Type.String({
      pattern: '^[a-z][a-z0-9-]*(\\.[a-z0-9-]+)*$',
      description: 'What the reason says, as a key the host words (e.g. `skills.offered`).',
    }),
  ),
  params: Type.Optional(ExplanationParamsSchema),
};

/**
 * What a matching strategy returns: groups with their scores and reasons, and who was left out
 * and why. The host validates it against this schema before saving it as a proposal.
 */
export const MatchProposalSchema = Type.Object(
  {
    groups: Type.Array(
      Type.Object(
        {
          members: Type.Array(
            Type.Object(
              {
                enrolmentId: Id,
                role: PlacedRole,
              },
              { additionalProperties: false },
            ),
            { minItems: 2 },
          ),
          score: Score,
          criteria: Type.Array(
            Type.Object(
              {
                name: Type.String({ minLength: 1 }),
                score: Score,
                weight: Type.Number({ minimum: 0 }),
                why: Type.String({
                  description: 'A sentence an admin can read: the fallback for `code`.',
                }),
                ...Explanation,
              },
              { additionalProperties: false },
            ),
          ),
        },
        { additionalProperties: false },
      ),
    ),
    unmatched: Type.Array(
      Type.Object(
        { enrolmentId: Id, reason: Type.String(), ...Explanation },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

/** What a matching strategy returns: scored groups with reasons, and who was left out. */
export type MatchProposal = Static<typeof MatchProposalSchema>;

/**
 * Who would suit one person, best first, for self-service programmes where people choose their
 * partner themselves: each with a score and the reasons, as in a proposal.
 */
export const SuggestionsSchema = Type.Array(
  Type.Object(
    {
      enrolmentId: Id,
      score: Score,
      criteria: Type.Array(
        Type.Object(
          {
            name: Type.String({ minLength: 1 }),
            score: Score,
            weight: Type.Number({ minimum: 0 }),
            why: Type.String(),
            ...Explanation,
          },
          { additionalProperties: false },
        ),
      ),
    },
    { additionalProperties: false },
  ),
);

/** Who would suit one person, best first, with score and reasons. */
export type Suggestions = Static<typeof SuggestionsSchema>;

/** What a plugin author writes to define a matching strategy. */
export interface MatchingStrategyDefinition<S extends ConfigSchema = ConfigSchema>
  extends PluginDefinitionBase<S> {
  /**
   * Proposes groups for the candidates. Must be deterministic for a given `input.seed`; it runs
   * in a job with a time limit, and its result is validated against {@link MatchProposalSchema}.
   */
  match(input: MatchInput, ctx: PluginContext<ConfigOf<S>>): MatchProposal | Promise<MatchProposal>;
  /**
   * Optional, for self-service programmes: the candidates who would suit `enrolmentId`, best
   * first, never someone a hard rule keeps away (excluded, met before, forbidden). Validated
   * against {@link SuggestionsSchema}; a strategy without it offers no self-service.
   */
  suggest?(
    input: MatchInput,
    enrolmentId: string,
    ctx: PluginContext<ConfigOf<S>>,
  ): Suggestions | Promise<Suggestions>;
}

/** A matching strategy as {@link defineMatchingStrategy} returns it: frozen and branded. */
export type MatchingStrategy<S extends ConfigSchema = ConfigSchema> = Readonly<
  MatchingStrategyDefinition<S>
> &
  PluginBrand<'matching-strategy'>;

/**
 * Defines a matching strategy; make the result the default export of the plugin package.
 * The type of `ctx.config` is inferred from `configSchema`.
 *
 * @returns a frozen copy of the definition, branded as a `'matching-strategy'`.
 * @throws TypeError when the name is not kebab-case, `match` is missing, or another field is
 *   malformed.
 */
export function defineMatchingStrategy<S extends ConfigSchema>(
  definition: MatchingStrategyDefinition<S>,
): MatchingStrategy<S> {
  checkDefinition('defineMatchingStrategy', definition, ['match']);
  const { suggest } = definition as { suggest?: unknown };
  if (suggest !== undefined && typeof suggest !== 'function')
    throw new TypeError(
      `defineMatchingStrategy("${definition.name}"): suggest must be a function when given, got ${typeof suggest}`,
    );
  return brand('matching-strategy', definition);
}
