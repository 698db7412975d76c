import { type Static, Type } from '@sinclair/typebox';
import { LocaleSchema } from '@tandem/plugin-sdk';
import { MAX_TEXT } from './survey-answers.js';
import { SURVEYS } from './survey-invitation.js';

export const SurveyNameSchema = Type.Union(
  SURVEYS.map((survey) => Type.Literal(survey)),
  { description: 'baseline: at enrolment; midterm: halfway; end: at the end.' },
);

export const SurveyParamsSchema = Type.Object({
  id: Type.String({ format: 'uuid', description: 'The programme.' }),
  survey: SurveyNameSchema,
});

export const SurveyQuerySchema = Type.Object(
  { locale: Type.Optional(LocaleSchema) },
  { additionalProperties: false },
);

const Programme = Type.Object({ id: Type.String({ format: 'uuid' }), name: Type.String() });

/** One question, in the language asked for. */
export const SurveyQuestionSchema = Type.Object({
  id: Type.String({ description: 'What the answer is stored under.' }),
  kind: Type.Union([Type.Literal('scale'), Type.Literal('single'), Type.Literal('text')]),
  section: Type.Union([
    Type.Literal('competence'),
    Type.Literal('goals'),
    Type.Literal('programme'),
    Type.Literal('custom'),
  ]),
  text: Type.String(),
  description: Type.Optional(Type.String()),
  anchors: Type.Optional(Type.Object({ min: Type.String(), max: Type.String() })),
  options: Type.Optional(Type.Array(Type.Object({ value: Type.String(), label: Type.String() }))),
});

/** A survey as the participant asked sees it: its questions, and whether they answered it. */
export const SurveyFormSchema = Type.Object({
  programme: Programme,
  survey: SurveyNameSchema,
  title: Type.String(),
  answered: Type.Boolean(),
  questions: Type.Array(SurveyQuestionSchema),
});
export type SurveyForm = Static<typeof SurveyFormSchema>;

/** A survey waiting for the caller's answers. */
export const OpenSurveySchema = Type.Object({ programme: Programme, survey: SurveyNameSchema });
export type OpenSurvey = Static<typeof OpenSurveySchema>;

export const SurveyAnswerBodySchema = Type.Object(
  {
    answers: Type.Record(
      Type.String({ maxLength: 60 }),
      // Checked by the service against each question: a schema here would coerce " " to 0.
      Type.Unknown({
        description: `1–5 on a scale, an option's value, or a free text of at most ${MAX_TEXT} characters.`,
      }),
      { description: 'By question id.', maxProperties: 100 },
    ),
  },
  { additionalProperties: false },
);
export type SurveyAnswerBody = Static<typeof SurveyAnswerBodySchema>;

/** How many were asked each survey and how many answered: counts, never people. */
export const SurveyCountsSchema = Type.Array(
  Type.Object({
    survey: SurveyNameSchema,
    enabled: Type.Boolean(),
    asked: Type.Integer(),
    answered: Type.Integer(),
  }),
);
export type SurveyCounts = Static<typeof SurveyCountsSchema>;
