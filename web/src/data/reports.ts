import type { Static } from '@sinclair/typebox';
import type { ProgrammeReportSchema } from '@tandem/server/schemas/modules/reports/report-schemas';
import { api } from './api-client.js';

export type ProgrammeReport = Static<typeof ProgrammeReportSchema>;
export type ReportDataset = ProgrammeReport['datasets'][number];
export type ReportRow = ReportDataset['rows'][number];
export type ReportCell = ReportRow['cells'][number];

const path = (id: string) => `/api/admin/programmes/${encodeURIComponent(id)}/report`;

/** A programme's aggregate report; the server has already withheld every small group. */
export const readReport = (programmeId: string, signal?: AbortSignal) =>
  api<ProgrammeReport>(path(programmeId), signal ? { signal } : {});

/** The address of one dataset as a CSV file. */
export const reportCsvHref = (programmeId: string, dataset: ReportDataset['id']) =>
  `${path(programmeId)}/${encodeURIComponent(dataset)}.csv`;
