import { type Static, Type } from '@sinclair/typebox';
import { CriterionSchema } from '../matching/explanation-schemas.js';
import { REQUEST_STATES } from './tandem-request.js';

/** Someone who would suit the person, as they see it: who, how well, and why. */
export const SuggestionSchema = Type.Object({
  enrolmentId: Type.String({ format: 'uuid' }),
  name: Type.String(),
  department: Type.Union([Type.String(), Type.Null()]),
  title: Type.Union([Type.String(), Type.Null()]),
  score: Type.Number(),
  criteria: Type.Array(CriterionSchema),
});
export type SuggestionView = Static<typeof SuggestionSchema>;

export const TandemRequestSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  direction: Type.Union([Type.Literal('sent'), Type.Literal('received')]),
  other: Type.Object({
    enrolmentId: Type.String({ format: 'uuid' }),
    name: Type.String(),
    department: Type.Union([Type.String(), Type.Null()]),
  }),
  state: Type.Union(REQUEST_STATES.map((state) => Type.Literal(state))),
  expiresAt: Type.String({ format: 'date-time' }),
  message: Type.Union([Type.String(), Type.Null()], {
    description: 'The note the asker wrote with the request.',
  }),
  pairId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()], {
    description: 'The pair an accepted request made.',
  }),
});
export type TandemRequestView = Static<typeof TandemRequestSchema>;

export const NewRequestSchema = Type.Object(
  {
    to: Type.String({ format: 'uuid', description: 'The enrolment asked.' }),
    message: Type.Optional(
      Type.String({ maxLength: 500, description: 'A short note to the person asked.' }),
    ),
  },
  { additionalProperties: false },
);
export type NewRequest = Static<typeof NewRequestSchema>;
