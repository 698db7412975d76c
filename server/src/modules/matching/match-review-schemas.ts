import { type Static, Type } from '@sinclair/typebox';
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
  members: Type.Array(
    Type.Object({
      ...Person,
      role: Type.Union([Type.Literal('mentor'), Type.Literal('mentee'), Type.Literal('peer')]),
    }),
  ),
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
    }),
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

export const DissolveSchema = Type.Object(
  {
    reason: Type.Optional(
      Type.String({ maxLength: 2000, description: 'Seen by admins only, never by the partner.' }),
    ),
  },
  { additionalProperties: false },
);
export type Attention = Static<typeof AttentionSchema>;
