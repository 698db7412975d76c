import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { uuidPrimaryKey } from '../../db/common-properties.js';
import { Programme } from '../programmes/programme.js';
import { SURVEYS } from './survey-invitation.js';

/** Answers by question id: a number on a scale, an option's value or a free text. */
export type SurveyAnswers = Record<string, number | string>;

/**
 * One filled-in survey, with nothing that leads back to a person: no user, no time, a random
 * (v4) id. Deleting a person leaves it, anonymous as it always was.
 */
export const SurveyResponse = defineEntity({
  name: 'SurveyResponse',
  tableName: 'survey_response',
  indexes: [{ properties: ['programme', 'survey'] }],
  properties: {
    id: uuidPrimaryKey(),
    programme: () => p.manyToOne(Programme).deleteRule('cascade'),
    survey: p.enum([...SURVEYS]),
    answers: p.json<SurveyAnswers>(),
  },
});
export type SurveyResponse = InferEntity<typeof SurveyResponse>;
