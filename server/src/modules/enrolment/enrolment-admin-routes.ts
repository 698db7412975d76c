import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import fp from 'fastify-plugin';
import { signedIn } from '../../auth/signed-in.js';
import { ErrorSchema } from '../../http/error-schema.js';
import { CsvFileResponse, readerLocale, sendCsv } from '../../http/file-download.js';
import { namedChoices } from '../../http/schema-errors.js';
import { activeChannels } from '../notifications/active-channels.js';
import { exportProgrammeEnrolments } from './enrolment-export.js';
import { enrolOnBehalf } from './enrolment-on-behalf.js';
import {
  EnrolmentExportFilterSchema,
  EnrolmentFilterSchema,
  EnrolmentTableSchema,
  EnrolOnBehalfSchema,
  MyEnrolmentSchema,
} from './enrolment-schemas.js';
import { listProgrammeEnrolments } from './enrolment-table.js';

const Id = Type.Object({ id: Type.String({ format: 'uuid' }) });

/**
 * Admins look through a programme's enrolments, take them away as a CSV file, and enrol people
 * on their behalf (HR systems do so with an API token of scope enrolments:write).
 */
const enrolmentAdminRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const admin = { access: 'programme' } as const;
  app.get(
    '/api/admin/programmes/:id/enrolments',
    {
      config: admin,
      schemaErrorFormatter: namedChoices,
      schema: {
        operationId: 'listProgrammeEnrolments',
        params: Id,
        querystring: EnrolmentFilterSchema,
        response: { 200: EnrolmentTableSchema, 400: ErrorSchema, 404: ErrorSchema },
      },
    },
    async (request) => listProgrammeEnrolments(app.orm.em, request.params.id, request.query),
  );
  app.post(
    '/api/admin/programmes/:id/enrolments',
    {
      config: { access: 'programme', scope: 'enrolments:write' },
      schema: {
        operationId: 'enrolOnBehalf',
        description:
          'Enrols a person, or changes their enrolment, under the rules of their own enrolment. Audited.',
        params: Id,
        body: EnrolOnBehalfSchema,
        response: {
          200: MyEnrolmentSchema,
          400: ErrorSchema,
          403: ErrorSchema,
          404: ErrorSchema,
          409: ErrorSchema,
        },
      },
    },
    async (request) =>
      enrolOnBehalf(
        app.orm.em,
        activeChannels(app.plugins),
        signedIn(request).id,
        request.params.id,
        request.body,
      ),
  );
  app.get(
    '/api/admin/programmes/:id/enrolments/export',
    {
      config: admin,
      schemaErrorFormatter: namedChoices,
      schema: {
        operationId: 'exportProgrammeEnrolments',
        description:
          "The enrolments that fit the filter, all of them, as CSV in the admin's language (German: ; between cells, English: ,; UTF-8 with BOM) for Excel.",
        params: Id,
        querystring: EnrolmentExportFilterSchema,
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
      const file = await exportProgrammeEnrolments(
        app.orm.em,
        { id: admin.id, locale: readerLocale(admin, request.headers['accept-language']) },
        request.params.id,
        request.query,
      );
      return sendCsv(reply, file);
    },
  );
};

export default fp(enrolmentAdminRoutes, {
  name: 'tandem-enrolment-admin-routes',
  dependencies: ['tandem-auth', 'tandem-orm'],
});
