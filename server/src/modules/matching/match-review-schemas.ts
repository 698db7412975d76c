import { type Static, Type } from '@sinclair/typebox';
import { DISSOLVE_REASONS } from '../pairs/dissolve-reasons.js';
import { CriterionSchema, ExplanationFields } from './explanation-schemas.js';
import { MATCH_STATES } from './match.js';
import { MatchingRunSchema } from './matching-run-schemas.js';

const Person = {
  enrolmentId: Type.String({ format: 'uuid' }),
  name: Type.String(),
  department: Type.Union([Type.String(), Type.Null()]),
};

/**
 * Why a published pair needs attention: no common time within `weeks` (the pair is finding a
 * time together since `since`), or no session marked done for `weeks` (asked to go on since).
 */
export const AttentionSchema = Type.Object({
  reason: Type.Union([Type.Literal('no-common-time'), Type.Literal('stale')]),
  since: Type.String({ format: 'date-time' }),
  weeks: Type.Integer(),
});

const Role = Type.Union([Type.Literal('mentor'), Type.Literal('mentee'), Type.Literal('peer')]);

export const DissolveReasonSchema = Type.Union(
  DISSOLVE_REASONS.map((reason) => Type.Literal(reason)),
);

/** A match in any state, as the admin's review shows it. */
export const ReviewedMatchSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  state: Type.Union(MATCH_STATES.map((state) => Type.Literal(state))),
  score: Type.Union([Type.Number(), Type.Null()]),
  criteria: Type.Array(CriterionSchema),
  attention: Type.Array(AttentionSchema, {
    description: 'Why a published pair needs an admin to look at it; empty when nothing does.',
  }),
  dissolvedReason: Type.Union([Type.String(), Type.Null()], {
    description: 'Why a dissolved pair did not fit, if the reporter said: for admins only.',
  }),
  dissolvedReasonCode: Type.Union([DissolveReasonSchema, Type.Null()], {
    description: 'Why an admin dissolved the pair, as a code: for admins only.',
  }),
  members: Type.Array(Type.Object({ ...Person, role: Role })),
});

/** What an admin reviews before publishing: the matches, and who is left and why. */
export const MatchReviewSchema = Type.Object({
  programmeId: Type.String({ format: 'uuid' }),
  lastRun: Type.Union([MatchingRunSchema, Type.Null()]),
  matches: Type.Array(ReviewedMatchSchema),
  unmatched: Type.Array(
    Type.Object({
      ...Person,
      reason: Type.Union([Type.String(), Type.Null()], {
        description: 'Why the last run left them out; null before any run.',
      }),
      ...ExplanationFields,
      reportingLine: Type.Array(
        Type.Object({ enrolmentId: Person.enrolmentId, name: Person.name }),
        {
          description:
            "Active participants the reporting-line rule keeps away from them (one is the other's manager within the programme's levels): excluded: reporting line.",
        },
      ),
    }),
  ),
  summary: Type.Object(
    {
      pairs: Type.Integer({ description: 'Proposed and pinned pairs.' }),
      averageScore: Type.Union([Type.Number(), Type.Null()], {
        description: 'Their average score, over those that have one; null when none has.',
      }),
      unscored: Type.Integer({
        description: 'Pairs without a score (the strategy would not pair them).',
      }),
      unmatched: Type.Integer({ description: 'Active participants in no current pair.' }),
    },
    { description: 'The proposal as it stands now, edits by hand included.' },
  ),
  forbids: Type.Array(
    Type.Object({
      id: Type.String({ format: 'uuid' }),
      members: Type.Array(Type.Object({ enrolmentId: Person.enrolmentId, name: Person.name })),
    }),
    { description: 'Pairs an admin ruled out; later runs never propose them.' },
  ),
  publish: Type.Object(
    {
      people: Type.Integer({ description: 'How many people the proposed and pinned pairs hold.' }),
      channels: Type.Array(Type.String(), {
        description:
          "The channels they are told through: the in-app inbox first, then the programme's channels this server runs.",
      }),
    },
    { description: 'Who publishing tells, and how.' },
  ),
});
export type MatchReview = Static<typeof MatchReviewSchema>;

export const ForbidSchema = Type.Object(
  { enrolmentIds: Type.Tuple([Type.String({ format: 'uuid' }), Type.String({ format: 'uuid' })]) },
  { additionalProperties: false },
);

export const SwapSchema = ForbidSchema;

export const HandMadePairSchema = Type.Object(
  {
    members: Type.Array(
      Type.Object(
        { enrolmentId: Type.String({ format: 'uuid' }), role: Role },
        { additionalProperties: false },
      ),
      { minItems: 2, maxItems: 8 },
    ),
    pinned: Type.Optional(Type.Boolean({ description: 'Pinned at once: re-runs keep it.' })),
  },
  { additionalProperties: false },
);

export const DissolveSchema = Type.Object(
  {
    reason: Type.Optional(
      Type.String({ maxLength: 2000, description: 'Seen by admins only, never by the partner.' }),
    ),
    reasonCode: Type.Optional(DissolveReasonSchema),
  },
  { additionalProperties: false },
);
export type Attention = Static<typeof AttentionSchema>;
