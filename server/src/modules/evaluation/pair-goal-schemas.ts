import { type Static, Type } from '@sinclair/typebox';
import { GOAL_ORIGINS } from './pair-goal.js';
import { GOAL_LEVELS } from './pair-goal-progress.js';

const Uuid = Type.String({ format: 'uuid' });
const Level = Type.Integer({
  minimum: GOAL_LEVELS.min,
  maximum: GOAL_LEVELS.max,
  description: '0 not started, 1 started, 2 halfway, 3 nearly there, 4 reached.',
});
const GoalText = Type.String({ minLength: 1, maxLength: 300 });

/** One mark of progress on a goal, as the pair sees it. */
export const GoalMarkSchema = Type.Object({
  id: Uuid,
  level: Level,
  note: Type.Union([Type.String(), Type.Null()]),
  sessionId: Type.Union([Uuid, Type.Null()], {
    description: 'The session of the plan the mark was made at, if any.',
  }),
  mine: Type.Boolean(),
  createdAt: Type.String({ format: 'date-time' }),
});
export type GoalMarkView = Static<typeof GoalMarkSchema>;

/** A goal of the pair with its state (the latest mark) and every mark, newest first. */
export const GoalSchema = Type.Object({
  id: Uuid,
  text: Type.String(),
  origin: Type.Union(
    GOAL_ORIGINS.map((origin) => Type.Literal(origin)),
    {
      description: "'enrolment': from the mentee's enrolment; 'pair': added by the pair.",
    },
  ),
  position: Type.Integer({ minimum: 0 }),
  level: Type.Union([Level, Type.Null()], { description: 'The latest mark; null before any.' }),
  note: Type.Union([Type.String(), Type.Null()], { description: "The latest mark's note." }),
  marks: Type.Array(GoalMarkSchema),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});
export type GoalView = Static<typeof GoalSchema>;

export const NewGoalSchema = Type.Object({ text: GoalText }, { additionalProperties: false });
export type NewGoal = Static<typeof NewGoalSchema>;

export const GoalChangeSchema = Type.Object({ text: GoalText }, { additionalProperties: false });
export type GoalChange = Static<typeof GoalChangeSchema>;

export const GoalMarkInputSchema = Type.Object(
  {
    level: Level,
    note: Type.Optional(Type.String({ maxLength: 1000 })),
    sessionId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);
export type GoalMarkInput = Static<typeof GoalMarkInputSchema>;
