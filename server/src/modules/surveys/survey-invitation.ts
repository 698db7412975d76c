import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { uuidPrimaryKey } from '../../db/common-properties.js';
import { Programme } from '../programmes/programme.js';
import { User } from '../users/user.js';

/** The three surveys of a programme: at enrolment, halfway and at the end. */
export const SURVEYS = ['baseline', 'midterm', 'end'] as const;
export type Survey = (typeof SURVEYS)[number];

/**
 * That a person is asked one survey of a programme, and whether they answered it — never what,
 * and never when: a time would match the response's place in its table.
 */
export const SurveyInvitation = defineEntity({
  name: 'SurveyInvitation',
  tableName: 'survey_invitation',
  indexes: [{ properties: ['user'] }],
  uniques: [{ properties: ['programme', 'user', 'survey'] }],
  properties: {
    id: uuidPrimaryKey(),
    programme: () => p.manyToOne(Programme).deleteRule('cascade'),
    user: () => p.manyToOne(User).deleteRule('cascade'),
    survey: p.enum([...SURVEYS]),
    /** When the invitation went out; null for a baseline answered in the enrolment wizard. */
    sentAt: p.datetime().nullable(),
    answered: p.boolean().default(false),
  },
});
export type SurveyInvitation = InferEntity<typeof SurveyInvitation>;
