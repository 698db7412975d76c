import type { Locale } from '@tandem/plugin-sdk';
import type { ProgrammeSettings } from '../programmes/programme-settings.js';
import type { Survey } from './survey-invitation.js';
import type { CustomQuestion } from './survey-settings.js';
import {
  AGREEMENT_ANCHORS,
  COMPETENCE_ANCHORS,
  DIGCOMP_AREAS,
  GOAL_ANCHORS,
  GOAL_QUESTION,
  QUESTION_TEXTS,
  RECOMMEND_OPTIONS,
  SATISFACTION_ANCHORS,
  type ScaleAnchors,
} from './survey-texts.js';

export type QuestionKind = 'scale' | 'single' | 'text';

/** Where a question belongs on the page: each section is a group of its own. */
export type QuestionSection = 'competence' | 'goals' | 'programme' | 'custom';

/** One question as a participant sees it, in their language. */
export interface SurveyQuestion {
  id: string;
  kind: QuestionKind;
  section: QuestionSection;
  text: string;
  description?: string;
  /** A scale's ends (1 and 5). */
  anchors?: { min: string; max: string };
  /** A single choice's options: the value is what is stored. */
  options?: { value: string; label: string }[];
}

/** The highest point of every scale; the lowest is 1. */
export const SCALE_MAX = 5;

/**
 * The questions of one survey of a programme, in order: the DigComp areas and the programme's
 * goals (at the start and the end, to compare), how satisfied people are (midway and at the
 * end), the end's recommendation and what changed, then the programme's own questions.
 */
export function surveyQuestions(
  settings: ProgrammeSettings,
  survey: Survey,
  locale: Locale,
): SurveyQuestion[] {
  const scale = (anchors: ScaleAnchors) => ({
    kind: 'scale' as const,
    anchors: { min: anchors.min[locale], max: anchors.max[locale] },
  });
  const builtIn = (id: keyof typeof QUESTION_TEXTS) => ({ id, text: QUESTION_TEXTS[id][locale] });
  const competence: SurveyQuestion[] = DIGCOMP_AREAS.map((area) => ({
    id: area.id,
    section: 'competence',
    text: area.text[locale],
    description: area.description[locale],
    ...scale(COMPETENCE_ANCHORS),
  }));
  const goals: SurveyQuestion[] = settings.goals.map((goal, index) => ({
    id: `goal.${index}`,
    section: 'goals',
    text: GOAL_QUESTION[locale](goal),
    ...scale(GOAL_ANCHORS),
  }));
  const satisfaction: SurveyQuestion = {
    ...builtIn('satisfaction'),
    section: 'programme',
    ...scale(SATISFACTION_ANCHORS),
  };
  const own = settings.surveys[survey].questions.map((question) =>
    customQuestion(question, locale),
  );
  if (survey === 'baseline') return [...competence, ...goals, ...own];
  if (survey === 'midterm')
    return [
      satisfaction,
      { ...builtIn('midterm.improve'), section: 'programme', kind: 'text' },
      ...own,
    ];
  return [
    ...competence,
    ...goals,
    satisfaction,
    {
      ...builtIn('recommend'),
      section: 'programme',
      kind: 'single',
      options: RECOMMEND_OPTIONS.map((option) => ({
        value: option.value,
        label: option.label[locale],
      })),
    },
    { ...builtIn('changed'), section: 'programme', kind: 'text' },
    ...own,
  ];
}

function customQuestion(question: CustomQuestion, locale: Locale): SurveyQuestion {
  const base = { id: question.id, section: 'custom' as const, text: question.text };
  if (question.kind === 'scale')
    return {
      ...base,
      kind: 'scale',
      anchors: { min: AGREEMENT_ANCHORS.min[locale], max: AGREEMENT_ANCHORS.max[locale] },
    };
  if (question.kind === 'single')
    return { ...base, kind: 'single', options: (question.options ?? []).map((o) => ({ ...o })) };
  return { ...base, kind: 'text' };
}
