import { type Static, Type } from '@sinclair/typebox';
import { DISSOLVE_REASONS } from '../pairs/dissolve-reasons.js';
import { CriterionSchema, ExplanationFields } from './explanation-schemas.js';
import { MATCH_STATES } from './match.js';
import { MatchingRunSchema } from './matching-run-schemas.js';
import { REVIEW_LIST_NAMES } from './review-lists.js';

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
export type ReviewedMatch = Static<typeof ReviewedMatchSchema>;

/** The most matches, and the most unmatched people, one answer of the review holds. */
export const REVIEW_PAGE_MAX = 200;

const pageQuery = (list: string, defaultLimit: number) => ({
  offset: Type.Integer({
    minimum: 0,
    default: 0,
    description: `How many ${list} to skip, in the list's order.`,
  }),
  limit: Type.Integer({
    minimum: 1,
    maximum: REVIEW_PAGE_MAX,
    default: defaultLimit,
    description: `How many ${list} to answer with at most.`,
  }),
});

const matchesQuery = pageQuery('matches (by score, highest first; unscored ones first of all)', 50);
const unmatchedQuery = pageQuery('unmatched people (by enrolment, earliest first)', 50);

/**
 * Which of the programme's matches a list holds (never the ended lunch rounds, which are
 * history): `open` is what the admin reviews before publishing (proposed and pinned);
 * `proposed` leaves out the pinned, which a swap may not change; `all` is every state at once.
 */
export const ReviewListSchema = Type.Union(
  REVIEW_LIST_NAMES.map((list) => Type.Literal(list)),
  {
    default: 'all',
    description:
      'Which matches: `open` (proposed and pinned), `proposed`, `published`, `dissolved`, or `all` of them (not the ended ones).',
  },
);

/**
 * Which page of the review's two lists to answer with, and which matches the first holds
 * (`state`). Every route answering with the review takes it, so that a change made on page 3
 * of the open pairs answers with page 3 of the open pairs.
 */
export const ReviewPageQuerySchema = Type.Object(
  {
    state: ReviewListSchema,
    offset: matchesQuery.offset,
    limit: matchesQuery.limit,
    unmatchedOffset: unmatchedQuery.offset,
    unmatchedLimit: unmatchedQuery.limit,
  },
  { additionalProperties: false },
);
export type ReviewPageQuery = Static<typeof ReviewPageQuerySchema>;

/**
 * One page of one list of matches alone, without the rest of the review: the published or the
 * dissolved pairs paged on their own, or the pairs whose members' names hold `name` (the swap
 * dialog's search).
 */
export const ReviewMatchesQuerySchema = Type.Object(
  {
    state: ReviewListSchema,
    name: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 100,
        description: 'Only matches with a member whose name holds this, in any case.',
      }),
    ),
    offset: matchesQuery.offset,
    limit: matchesQuery.limit,
  },
  { additionalProperties: false },
);
export type ReviewMatchesQuery = Static<typeof ReviewMatchesQuerySchema>;

/** Where a page lies in its list, and how long the whole list is. */
const PageSchema = {
  offset: Type.Integer({ minimum: 0 }),
  limit: Type.Integer({ minimum: 1 }),
  total: Type.Integer({ minimum: 0, description: 'How many the whole list holds.' }),
};

/** A page of one list of matches (GET …/review/matches). */
export const ReviewMatchListSchema = Type.Object({
  matches: Type.Array(ReviewedMatchSchema, {
    description:
      'One page of the matches asked for (`state`, `name`): by score, highest first, unscored ones first of all; ties by id.',
  }),
  page: Type.Object(PageSchema, { description: 'Where the page lies in the whole list.' }),
});
export type ReviewMatchList = Static<typeof ReviewMatchListSchema>;

/** What an admin reviews before publishing: the matches, and who is left and why. */
export const MatchReviewSchema = Type.Object({
  programmeId: Type.String({ format: 'uuid' }),
  lastRun: Type.Union([MatchingRunSchema, Type.Null()]),
  matches: Type.Array(ReviewedMatchSchema, {
    description:
      'One page of the matches `state` asks for, never the ended ones (`offset`, `limit`): by score, highest first, unscored ones first of all; ties by id.',
  }),
  searching: Type.Array(ReviewedMatchSchema, {
    description:
      'Every published pair of the programme finding a time together (attention `no-common-time`), whichever page it is on: the few an admin should look at, longest searching first.',
  }),
  page: Type.Object(
    {
      matches: Type.Object({
        ...PageSchema,
        byState: Type.Object(
          {
            proposed: Type.Integer({ minimum: 0 }),
            pinned: Type.Integer({ minimum: 0 }),
            published: Type.Integer({ minimum: 0 }),
            dissolved: Type.Integer({ minimum: 0 }),
          },
          {
            description:
              "The programme's matches that are not ended, counted by state, whatever `state` asks for.",
          },
        ),
      }),
      unmatched: Type.Object(PageSchema),
    },
    { description: 'Where the pages of `matches` and `unmatched` lie in the whole lists.' },
  ),
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
    {
      description:
        'One page of the active participants in no current match (`unmatchedOffset`, `unmatchedLimit`), earliest enrolment first.',
    },
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
    { description: 'The proposal as it stands now, edits by hand included, over every page.' },
  ),
  forbids: Type.Array(
    Type.Object({
      id: Type.String({ format: 'uuid' }),
      members: Type.Array(Type.Object({ enrolmentId: Person.enrolmentId, name: Person.name })),
    }),
    {
      description:
        'Pairs an admin ruled out; later runs never propose them. All of them: admins make few.',
    },
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
