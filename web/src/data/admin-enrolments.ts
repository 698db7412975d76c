import type { Static } from '@sinclair/typebox';
import type {
  EnrolmentExportFilterSchema,
  EnrolmentTableSchema,
} from '@tandem/server/schemas/modules/enrolment/enrolment-schemas';
import { api, withQuery } from './api-client.js';

export type EnrolmentTable = Static<typeof EnrolmentTableSchema>;
export type EnrolmentRow = EnrolmentTable['items'][number];
export type EnrolmentRole = EnrolmentRow['role'];
export type EnrolmentState = EnrolmentRow['state'];
/** Search, filters and order: what the table and the CSV export share. */
export type EnrolmentFilter = Partial<Static<typeof EnrolmentExportFilterSchema>>;
export type EnrolmentSort = NonNullable<EnrolmentFilter['sort']>;

const path = (id: string) => `/api/admin/programmes/${encodeURIComponent(id)}/enrolments`;

/** One page of a programme's enrolments; the server searches, sorts and pages. */
export const listEnrolments = (
  programmeId: string,
  filter: EnrolmentFilter & { limit: number; offset: number },
  signal?: AbortSignal,
) => api<EnrolmentTable>(path(programmeId), { query: filter, ...(signal ? { signal } : {}) });

/** The address of the CSV file with every enrolment that fits the filter. */
export const enrolmentExportHref = (programmeId: string, filter: EnrolmentFilter) =>
  withQuery(`${path(programmeId)}/export`, filter);
