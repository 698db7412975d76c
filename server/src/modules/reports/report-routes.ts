import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import fp from 'fastify-plugin';
import { signedIn } from '../../auth/signed-in.js';
import { ErrorSchema } from '../../http/error-schema.js';
import { CsvFileResponse, readerLocale, sendCsv } from '../../http/file-download.js';
import { namedChoices } from '../../http/schema-errors.js';
import { readFreeTextAnswers } from './free-text-answers.js';
import { readProgrammeReport } from './programme-report.js';
import { exportReportDataset } from './report-export.js';
import {
  FreeTextAnswersSchema,
  ProgrammeReportSchema,
  ReportDatasetParamsSchema,
} from './report-schemas.js';

export interface ReportSettings {
  /** REPORT_MIN_GROUP_SIZE: groups smaller than this are withheld. */
  minGroupSize: number;
}

const Id = Type.Object({ id: Type.String({ format: 'uuid' }) });

/**
 * HR's aggregate report of a programme, on the page and as one CSV file per dataset, and the
 * survey's free-text answers where the programme and the threshold allow.
 */
const reportRoutes: FastifyPluginAsyncTypebox<ReportSettings> = async (app, settings) => {
  const admin = { access: 'programme-report' } as const;
  app.get(
    '/api/admin/programmes/:id/report',
    {
      config: admin,
      schema: {
        operationId: 'readProgrammeReport',
        description: `Aggregates only; any group smaller than REPORT_MIN_GROUP_SIZE is withheld.`,
        params: Id,
        response: { 200: ProgrammeReportSchema, 400: ErrorSchema, 404: ErrorSchema },
      },
    },
    async (request) => readProgrammeReport(app.orm.em, request.params.id, settings.minGroupSize),
  );
  app.get(
    '/api/admin/programmes/:id/report/:dataset.csv',
    {
      config: admin,
      schemaErrorFormatter: namedChoices,
      schema: {
        operationId: 'exportProgrammeReportDataset',
        description:
          "One dataset of the report as CSV in the admin's language (German: ; between cells, English: ,; UTF-8 with BOM), withheld groups as words; audited.",
        params: ReportDatasetParamsSchema,
        produces: ['text/csv'],
        response: {
          200: CsvFileResponse,
          400: ErrorSchema,
          404: ErrorSchema,
        },
      },
    },
    async (request, reply) => {
      const admin = signedIn(request);
      const file = await exportReportDataset(
        app.orm.em,
        { id: admin.id, locale: readerLocale(admin, request.headers['accept-language']) },
        request.params.id,
        request.params.dataset,
        settings.minGroupSize,
      );
      return sendCsv(reply, file);
    },
  );
  app.get(
    '/api/admin/programmes/:id/free-text',
    {
      config: admin,
      schema: {
        operationId: 'readProgrammeFreeText',
        description:
          'Free-text survey answers, shuffled and without ids, names or times: only if the programme shows free text (settings.surveys.showFreeText), and per question only if at least REPORT_MIN_GROUP_SIZE answered it; audited.',
        params: Id,
        response: { 200: FreeTextAnswersSchema, 400: ErrorSchema, 404: ErrorSchema },
      },
    },
    async (request) =>
      readFreeTextAnswers(
        app.orm.em,
        signedIn(request).id,
        request.params.id,
        settings.minGroupSize,
      ),
  );
};

export default fp(reportRoutes, {
  name: 'tandem-report-routes',
  dependencies: ['tandem-auth', 'tandem-orm'],
});
