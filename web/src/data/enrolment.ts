import type { Static } from '@sinclair/typebox';
import type {
  EnrolSchema,
  MyEnrolmentSchema,
} from '@tandem/server/schemas/modules/enrolment/enrolment-schemas';
import { api } from './api-client.js';

export type Enrol = Static<typeof EnrolSchema>;
export type MyEnrolment = Static<typeof MyEnrolmentSchema>;
export type EnrolmentRole = MyEnrolment['role'];

/** Joins a programme, or changes my enrolment while enrolment is open. */
export const enrol = (programmeId: string, body: Enrol) =>
  api<MyEnrolment>(`/api/programmes/${encodeURIComponent(programmeId)}/enrolment`, {
    method: 'PUT',
    body,
  });

/** Leaves a programme; a published pair of mine is dissolved. */
export const withdraw = (programmeId: string) =>
  api<MyEnrolment>(`/api/programmes/${encodeURIComponent(programmeId)}/enrolment`, {
    method: 'DELETE',
  });
