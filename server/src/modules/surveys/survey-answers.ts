import { ServiceError } from '../../service-error.js';
import { SCALE_MAX, type SurveyQuestion } from './survey-questions.js';
import type { SurveyAnswers } from './survey-response.js';

/** The longest free-text answer. */
export const MAX_TEXT = 2000;

/**
 * The answers as they are stored: each for a question of the survey and fitting it; a free
 * text trimmed, and left out when empty. Every question may be left unanswered, but not all.
 *
 * @throws ServiceError invalid, naming the question and what it takes.
 */
export function checkedAnswers(
  questions: readonly SurveyQuestion[],
  answers: Readonly<Record<string, unknown>>,
): SurveyAnswers {
  const byId = new Map(questions.map((question) => [question.id, question]));
  const checked: SurveyAnswers = {};
  for (const [id, value] of Object.entries(answers)) {
    const question = byId.get(id);
    if (!question)
      throw invalid(`This survey has no question "${id}".`, 'survey.unknown-question', id);
    const answer = checkedAnswer(question, value);
    if (answer !== undefined) checked[id] = answer;
  }
  if (Object.keys(checked).length === 0)
    throw new ServiceError('invalid', 'Answer at least one question.', 'survey.empty');
  return checked;
}

function checkedAnswer(question: SurveyQuestion, value: unknown): number | string | undefined {
  if (question.kind === 'scale') {
    if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= SCALE_MAX)
      return value;
    throw invalid(
      `The answer to "${question.id}" must be a whole number from 1 to ${SCALE_MAX}.`,
      'survey.scale',
      question.id,
    );
  }
  if (question.kind === 'single') {
    const values = (question.options ?? []).map((option) => option.value);
    if (typeof value === 'string' && values.includes(value)) return value;
    throw invalid(
      `The answer to "${question.id}" must be one of: ${values.join(', ')}.`,
      'survey.option',
      question.id,
    );
  }
  if (typeof value !== 'string')
    throw invalid(`The answer to "${question.id}" must be a text.`, 'survey.text', question.id);
  const text = value.trim();
  if (text.length > MAX_TEXT)
    throw invalid(
      `The answer to "${question.id}" may have at most ${MAX_TEXT} characters.`,
      'survey.text-length',
      question.id,
    );
  return text === '' ? undefined : text;
}

function invalid(message: string, code: string, question: string): ServiceError {
  return new ServiceError('invalid', message, code, { question });
}
