import type { Static } from '@sinclair/typebox';
import type {
  OpenSurveySchema,
  SurveyCountsSchema,
  SurveyFormSchema,
} from '@tandem/server/schemas/modules/surveys/survey-schemas';
import { getLocale } from '../i18n/locale.js';
import { api } from './api-client.js';

export type SurveyForm = Static<typeof SurveyFormSchema>;
export type SurveyQuestion = SurveyForm['questions'][number];
export type SurveyName = SurveyForm['survey'];
export type OpenSurvey = Static<typeof OpenSurveySchema>;
export type SurveyCounts = Static<typeof SurveyCountsSchema>;
export type SurveyAnswers = Record<string, number | string>;

const path = (programmeId: string, survey: SurveyName) =>
  `/api/programmes/${encodeURIComponent(programmeId)}/surveys/${survey}`;

/** A survey's questions in the language the app speaks, and whether I answered it. */
export const getSurvey = (programmeId: string, survey: SurveyName, signal?: AbortSignal) =>
  api<SurveyForm>(path(programmeId, survey), {
    signal,
    query: { locale: getLocale() === 'de' ? 'de' : 'en' },
  });

/** Answers a survey, once; stored without me. */
export const answerSurvey = (programmeId: string, survey: SurveyName, answers: SurveyAnswers) =>
  api<null>(path(programmeId, survey), { method: 'POST', body: { answers } });

/** The surveys waiting for my answers. */
export const listOpenSurveys = (signal?: AbortSignal) =>
  api<OpenSurvey[]>('/api/surveys', { signal });

/** For admins: how many were asked each survey of a programme, and how many answered. */
export const getSurveyCounts = (programmeId: string, signal?: AbortSignal) =>
  api<SurveyCounts>(`/api/admin/programmes/${encodeURIComponent(programmeId)}/surveys`, {
    signal,
  });
