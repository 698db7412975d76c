import type { Static } from '@sinclair/typebox';
import type {
  FreeTextAnswersSchema,
  ProgrammeReportSchema,
} from '@tandem/server/schemas/modules/reports/report-schemas';
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

export type FreeTextAnswers = Static<typeof FreeTextAnswersSchema>;
export type FreeTextQuestion = FreeTextAnswers['questions'][number];

/**
 * The survey's free-text answers as far as they may be shown (the programme allows it and
 * enough answered); reading them is audited.
 */
export const readFreeText = (programmeId: string, signal?: AbortSignal) =>
  api<FreeTextAnswers>(
    `/api/admin/programmes/${encodeURIComponent(programmeId)}/free-text`,
    signal ? { signal } : {},
  );
