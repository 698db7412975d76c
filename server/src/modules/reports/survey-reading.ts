/**
 * What the report reads from a programme's settings JSON about its surveys and goals. Read
 * defensively: a programme stored before surveys existed has none of it, and anything
 * unexpected counts as absent (free text then stays hidden).
 */
export interface SurveyReading {
  /** The programme's goals, asked about as `goal.<index>`. */
  goals: string[];
  /** settings.surveys.showFreeText; absent means no. */
  showFreeText: boolean;
  /** The admin's own free-text questions, per survey. */
  textQuestions: { id: string; survey: Survey; text: string }[];
}

export type Survey = 'baseline' | 'midterm' | 'end';
const SURVEYS: readonly Survey[] = ['baseline', 'midterm', 'end'];

export function readSurveySettings(settings: Record<string, unknown>): SurveyReading {
  const surveys = record(settings.surveys);
  return {
    goals: Array.isArray(settings.goals)
      ? settings.goals.filter((goal): goal is string => typeof goal === 'string')
      : [],
    showFreeText: surveys.showFreeText === true,
    textQuestions: SURVEYS.flatMap((survey) => {
      const questions = record(surveys[survey]).questions;
      return (Array.isArray(questions) ? questions : []).flatMap((candidate) => {
        const { id, kind, text } = record(candidate);
        return typeof id === 'string' && id.startsWith('custom.') && kind === 'text'
          ? [{ id, survey, text: typeof text === 'string' ? text : id }]
          : [];
      });
    }),
  };
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}
