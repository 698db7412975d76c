import { type Static, Type } from '@sinclair/typebox';
import { MEETING_STATES, RSVP_RESPONSES } from './meeting.js';

const literals = <T extends string>(values: readonly T[]) =>
  Type.Union(values.map((value) => Type.Literal(value)));

/** A meeting as one of its pair's members sees it. */
export const MeetingSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  pairId: Type.String({ format: 'uuid' }),
  title: Type.String(),
  titles: Type.Optional(
    Type.Partial(Type.Object({ de: Type.String(), en: Type.String() }), {
      description:
        "The title in every language the curriculum gives it, while it is the curriculum's session title.",
    }),
  ),
  startsAt: Type.String({ format: 'date-time' }),
  endsAt: Type.String({ format: 'date-time' }),
  location: Type.Union([Type.String(), Type.Null()]),
  link: Type.Union([Type.String(), Type.Null()]),
  state: literals(MEETING_STATES),
  sequence: Type.Integer({
    minimum: 0,
    description:
      'The version of the invitation (iCalendar SEQUENCE), raised on every change; an answer may name it.',
  }),
  myResponse: literals(RSVP_RESPONSES),
  partners: Type.Array(Type.Object({ name: Type.String(), response: literals(RSVP_RESPONSES) })),
});
export type MeetingView = Static<typeof MeetingSchema>;

const AnsweredSequence = Type.Optional(
  Type.Integer({
    minimum: 0,
    description:
      "The meeting's `sequence` this answer is to; when the meeting has changed since, the answer is refused with 409 instead of applied to the new time.",
  }),
);

/**
 * A member's answer to an invitation: yes, maybe (`tentative`: an answer, the time stays), or
 * no; a decline may propose another start.
 */
// "declined" comes first: Fastify's validator removes properties a branch does not know while
// it tries that branch, so with "accepted" first a proposed time was gone before "declined"
// was tried.
export const RsvpSchema = Type.Union([
  Type.Object(
    {
      response: Type.Literal('declined'),
      proposedStart: Type.Optional(
        Type.String({
          format: 'date-time',
          description:
            'Another start for the same meeting; without one, Tandem moves it to the next time both are free.',
        }),
      ),
      sequence: AnsweredSequence,
    },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      response: Type.Union([Type.Literal('accepted'), Type.Literal('tentative')]),
      sequence: AnsweredSequence,
    },
    { additionalProperties: false },
  ),
]);
export type Rsvp = Static<typeof RsvpSchema>;

/** Which meetings of a programme an admin looks at. */
export const ProgrammeMeetingFilterSchema = Type.Object(
  {
    state: Type.Optional(literals(MEETING_STATES)),
    from: Type.Optional(
      Type.String({ format: 'date-time', description: 'Meetings that end after this time.' }),
    ),
    to: Type.Optional(
      Type.String({ format: 'date-time', description: 'Meetings that start before this time.' }),
    ),
  },
  { additionalProperties: false },
);
export type ProgrammeMeetingFilter = Static<typeof ProgrammeMeetingFilterSchema>;

/** A meeting of a programme as admins see it: whose, when, where, and who said what. */
export const ProgrammeMeetingSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  matchId: Type.String({ format: 'uuid' }),
  members: Type.Array(
    Type.Object({ userId: Type.String({ format: 'uuid' }), name: Type.String() }),
  ),
  sessionTitle: Type.String(),
  startsAt: Type.String({ format: 'date-time' }),
  endsAt: Type.String({ format: 'date-time' }),
  location: Type.Union([Type.String(), Type.Null()]),
  link: Type.Union([Type.String(), Type.Null()]),
  state: literals(MEETING_STATES),
  responses: Type.Record(Type.String({ format: 'uuid' }), literals(RSVP_RESPONSES), {
    description: "Each member's answer to the invitation, by user id.",
  }),
  calendarsUnread: Type.Array(Type.String({ format: 'uuid' }), {
    description:
      'The members whose own calendar Tandem could not read when it chose this time (free/busy): planned from their availability windows alone, and their invitation says so.',
  }),
});
export type ProgrammeMeetingView = Static<typeof ProgrammeMeetingSchema>;

const TimeProposalSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  startsAt: Type.String({ format: 'date-time' }),
});

/** The pair's open "find a time together", as one member sees it; null when none is open. */
export const FindATimeSchema = Type.Union([
  Type.Object({
    id: Type.String({ format: 'uuid' }),
    sessionTitle: Type.String(),
    minutes: Type.Integer({ description: 'How long the meeting lasts.' }),
    openedAt: Type.String({ format: 'date-time' }),
    mine: Type.Array(TimeProposalSchema),
    partners: Type.Array(
      Type.Object({ name: Type.String(), proposals: Type.Array(TimeProposalSchema) }),
    ),
  }),
  Type.Null(),
]);
export type FindATimeView = Static<typeof FindATimeSchema>;

/** The times a member proposes; they replace the member's earlier ones, none withdraws them. */
export const ProposeTimesSchema = Type.Object(
  {
    starts: Type.Array(Type.String({ format: 'date-time' }), {
      maxItems: 10,
      description: 'Starts ahead, within the programme, not on a member’s other meetings.',
    }),
  },
  { additionalProperties: false },
);
