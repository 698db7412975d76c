import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import fp from 'fastify-plugin';
import { signedIn } from '../../auth/signed-in.js';
import { ErrorSchema } from '../../http/error-schema.js';
import { namedChoices } from '../../http/schema-errors.js';
import { exportProgrammeEnrolments } from './enrolment-export.js';
import {
  EnrolmentExportFilterSchema,
  EnrolmentFilterSchema,
  EnrolmentTableSchema,
} from './enrolment-schemas.js';
import { listProgrammeEnrolments } from './enrolment-table.js';

const Id = Type.Object({ id: Type.String({ format: 'uuid' }) });

/** Admins look through a programme's enrolments, and take them away as a CSV file. */
const enrolmentAdminRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const admin = { access: 'admin' } as const;
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
  app.get(
    '/api/admin/programmes/:id/enrolments/export',
    {
      config: admin,
      schemaErrorFormatter: namedChoices,
      schema: {
        operationId: 'exportProgrammeEnrolments',
        description:
          'The enrolments that fit the filter, all of them, as CSV (UTF-8 with BOM) for Excel.',
        params: Id,
        querystring: EnrolmentExportFilterSchema,
        produces: ['text/csv'],
        response: {
          200: {
            description: 'A CSV file, offered for download.',
            content: { 'text/csv': { schema: Type.String() } },
          },
          400: ErrorSchema,
          404: ErrorSchema,
        },
      },
    },
    async (request, reply) => {
      const file = await exportProgrammeEnrolments(
        app.orm.em,
        signedIn(request),
        request.params.id,
        request.query,
      );
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .send(file.csv);
    },
  );
};

export default fp(enrolmentAdminRoutes, {
  name: 'tandem-enrolment-admin-routes',
  dependencies: ['tandem-auth', 'tandem-orm'],
});
