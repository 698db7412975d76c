import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import fp from 'fastify-plugin';
import { ErrorSchema } from '../../http/error-schema.js';
import { namedChoices } from '../../http/schema-errors.js';
import { ProgrammeMeetingFilterSchema, ProgrammeMeetingSchema } from './meeting-schemas.js';
import { listProgrammeMeetings } from './programme-meetings.js';

/** Admins see the meetings Tandem planned for a programme's pairs. */
const meetingAdminRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/admin/programmes/:id/meetings',
    {
      config: { access: 'programme' },
      schemaErrorFormatter: namedChoices,
      schema: {
        operationId: 'listProgrammeMeetings',
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
        querystring: ProgrammeMeetingFilterSchema,
        response: {
          200: Type.Array(ProgrammeMeetingSchema),
          400: ErrorSchema,
          404: ErrorSchema,
        },
      },
    },
    async (request) => listProgrammeMeetings(app.orm.em, request.params.id, request.query),
  );
};

export default fp(meetingAdminRoutes, {
  name: 'tandem-meeting-admin-routes',
  dependencies: ['tandem-auth', 'tandem-orm'],
});
