import { type Static, Type } from '@sinclair/typebox';

/** A value that stays the same when the wording changes: what the results count by. */
const Slug = Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 40 });

/** A question an admin adds to one survey of a programme, in the language they write it in. */
export const CustomQuestionSchema = Type.Object(
  {
    id: Type.String({
      pattern: '^custom\\.[a-z0-9]+(-[a-z0-9]+)*$',
      maxLength: 50,
      description: 'custom.<slug>: stays when the text changes, so results stay comparable.',
    }),
    kind: Type.Union([Type.Literal('scale'), Type.Literal('single'), Type.Literal('text')], {
      description: 'scale: 1 to 5; single: one of the options; text: free text.',
    }),
    text: Type.String({ minLength: 1, maxLength: 300 }),
    options: Type.Optional(
      Type.Array(
        Type.Object(
          { value: Slug, label: Type.String({ minLength: 1, maxLength: 200 }) },
          { additionalProperties: false },
        ),
        { minItems: 2, maxItems: 10, description: 'The choices of a single-choice question.' },
      ),
    ),
  },
  { additionalProperties: false },
);
export type CustomQuestion = Static<typeof CustomQuestionSchema>;

const enabled = Type.Boolean({ description: 'Whether this survey is sent at all.' });
const reminderDays = Type.Integer({
  minimum: 0,
  maximum: 30,
  description:
    'Days after the invitation that whoever has not answered is reminded, once; 0: never.',
});
const questions = Type.Array(CustomQuestionSchema, {
  maxItems: 20,
  description: "The programme's own questions, after the built-in ones.",
});
const weeksAfterStart = Type.Integer({
  minimum: 1,
  maximum: 104,
  description: "Weeks after a person's first pair was published.",
});

/**
 * When each survey goes out, its reminder and the programme's own questions.
 * - baseline: offered in the enrolment wizard; whoever skips it (or enrolled before it was
 *   switched on) is invited a day after enrolling.
 * - midterm: `weeksAfterStart` weeks after the person's first pair started.
 * - end: when the programme is closed, or (`sendAt: 'weeks-after-start'`) `weeksAfterStart`
 *   weeks after the person's first pair started, and at the latest at the close.
 */
export const SurveySettingsSchema = Type.Object(
  {
    baseline: Type.Object({ enabled, reminderDays, questions }, { additionalProperties: false }),
    midterm: Type.Object(
      { enabled, weeksAfterStart, reminderDays, questions },
      { additionalProperties: false },
    ),
    end: Type.Object(
      {
        enabled,
        sendAt: Type.Union([Type.Literal('close'), Type.Literal('weeks-after-start')]),
        weeksAfterStart,
        reminderDays,
        questions,
      },
      { additionalProperties: false },
    ),
    showFreeText: Type.Boolean({
      description:
        'Whether the results show free-text answers (when enough people answered); off: only figures.',
    }),
  },
  { additionalProperties: false },
);
export type SurveySettings = Static<typeof SurveySettingsSchema>;

/** A new programme asks all three surveys: midway and at its close, a week to answer. */
export function defaultSurveySettings(durationWeeks: number): SurveySettings {
  return {
    baseline: { enabled: true, reminderDays: 7, questions: [] },
    midterm: {
      enabled: true,
      weeksAfterStart: Math.max(1, Math.round(durationWeeks / 2)),
      reminderDays: 7,
      questions: [],
    },
    end: {
      enabled: true,
      sendAt: 'close',
      weeksAfterStart: durationWeeks,
      reminderDays: 7,
      questions: [],
    },
    showFreeText: false,
  };
}

/**
 * A programme stored before surveys existed asks none until an admin switches them on: its
 * participants were never told of them.
 */
export function surveysOff(durationWeeks: number): SurveySettings {
  const settings = defaultSurveySettings(durationWeeks);
  return {
    ...settings,
    baseline: { ...settings.baseline, enabled: false },
    midterm: { ...settings.midterm, enabled: false },
    end: { ...settings.end, enabled: false },
  };
}

/** What the schema cannot say about the programme's own questions; null when all is well. */
export function surveySettingsProblem(settings: SurveySettings): string | null {
  for (const survey of ['baseline', 'midterm', 'end'] as const) {
    const seen = new Set<string>();
    for (const question of settings[survey].questions) {
      if (seen.has(question.id))
        return `settings.surveys.${survey}: the question id ${question.id} is there twice.`;
      seen.add(question.id);
      const hasOptions = (question.options?.length ?? 0) > 0;
      if (question.kind === 'single' && !hasOptions)
        return `settings.surveys.${survey}: the single-choice question ${question.id} needs options.`;
      if (question.kind !== 'single' && hasOptions)
        return `settings.surveys.${survey}: only a single-choice question has options (${question.id}).`;
      const values = question.options?.map((option) => option.value) ?? [];
      if (new Set(values).size !== values.length)
        return `settings.surveys.${survey}: the options of ${question.id} repeat a value.`;
    }
  }
  return null;
}
