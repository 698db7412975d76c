import { type Static, type TSchema, Type } from '@sinclair/typebox';
import { MilestoneSchema, ProgrammeKindSchema } from '@tandem/plugin-sdk';
import { SESSION_STATUSES } from './pair-session.js';

const Side = Type.Union([Type.Literal('mentor'), Type.Literal('mentee'), Type.Literal('peer')]);
/** A value in each language the curriculum gives it in, e.g. `{ de: '…', en: '…' }`. */
const InLanguages = <T extends TSchema>(value: T, options: { description?: string } = {}) =>
  Type.Partial(Type.Object({ de: value, en: value }), options);
const HomeworkItem = Type.Object({
  text: Type.String(),
  done: Type.Boolean(),
  texts: Type.Optional(
    InLanguages(Type.String(), {
      description: "A curriculum task in every language it has; absent for the pair's own.",
    }),
  ),
});
const Tutorial = Type.Object({
  title: Type.String(),
  url: Type.Optional(Type.String()),
  minutes: Type.Optional(Type.Integer()),
});
const Status = Type.Union(SESSION_STATUSES.map((status) => Type.Literal(status)));
const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength });
const Agenda = Type.Array(Text(300), { maxItems: 20 });

export const PairSessionSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  position: Type.Integer(),
  title: Type.String(),
  goal: Type.String(),
  agenda: Type.Array(Type.String()),
  tutorials: Type.Array(Tutorial),
  homework: Type.Object({ mentor: Type.Array(HomeworkItem), mentee: Type.Array(HomeworkItem) }),
  translations: Type.Object(
    {
      title: Type.Optional(InLanguages(Type.String())),
      goal: Type.Optional(InLanguages(Type.String())),
      agenda: Type.Optional(InLanguages(Type.Array(Type.String()))),
      tutorials: Type.Optional(InLanguages(Type.Array(Tutorial))),
    },
    {
      description:
        "The curriculum's texts in every language it has, field by field, for each member to read the plan in their own; a field the pair rewrote has none.",
    },
  ),
  durationMinutes: Type.Integer(),
  offsetWeeks: Type.Number(),
  milestone: Type.Union([MilestoneSchema, Type.Null()]),
  status: Status,
  addedByPair: Type.Boolean(),
  myFeedback: Type.Union([
    Type.Object({ rating: Type.Integer(), comment: Type.Union([Type.String(), Type.Null()]) }),
    Type.Null(),
  ]),
});
export type PairSessionView = Static<typeof PairSessionSchema>;

const Partner = Type.Object({
  name: Type.String(),
  department: Type.Union([Type.String(), Type.Null()]),
  title: Type.Union([Type.String(), Type.Null()]),
  role: Side,
});

/** A pair as one of its members sees it. */
export const PairSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  programme: Type.Object({ id: Type.String(), name: Type.String(), kind: ProgrammeKindSchema }),
  myRole: Side,
  partners: Type.Array(Partner),
  staleSince: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], {
    description: 'Set when the pair has not met for a while: asked whether to go on or rematch.',
  }),
  sessions: Type.Array(PairSessionSchema),
});
export type PairView = Static<typeof PairSchema>;

export const SessionChangeSchema = Type.Object(
  {
    title: Type.Optional(Text(200)),
    goal: Type.Optional(Type.String({ maxLength: 1000 })),
    agenda: Type.Optional(Agenda),
    durationMinutes: Type.Optional(Type.Integer({ minimum: 15, maximum: 480 })),
    status: Type.Optional(Status),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type SessionChange = Static<typeof SessionChangeSchema>;

export const NewSessionSchema = Type.Object(
  {
    title: Text(200),
    goal: Type.Optional(Type.String({ maxLength: 1000 })),
    agenda: Type.Optional(Agenda),
    durationMinutes: Type.Optional(Type.Integer({ minimum: 15, maximum: 480 })),
    after: Type.Optional(
      Type.String({
        format: 'uuid',
        description: 'Insert after this session; at the end without.',
      }),
    ),
  },
  { additionalProperties: false },
);
export type NewSession = Static<typeof NewSessionSchema>;

export const SessionOrderSchema = Type.Object(
  { sessionIds: Type.Array(Type.String({ format: 'uuid' }), { uniqueItems: true }) },
  { additionalProperties: false },
);

export const HomeworkSchema = Type.Object(
  { items: Type.Array(Text(500), { maxItems: 20 }) },
  { additionalProperties: false },
);

export const HomeworkDoneSchema = Type.Object(
  { done: Type.Boolean() },
  { additionalProperties: false },
);
