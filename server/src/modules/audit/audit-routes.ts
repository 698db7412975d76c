import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import fp from 'fastify-plugin';
import { signedIn } from '../../auth/signed-in.js';
import { ErrorSchema } from '../../http/error-schema.js';
import { listAuditEvents } from './audit-query.js';
import { AuditFilterSchema, AuditPageSchema } from './audit-schemas.js';

/** The audit log for admins and report readers: read only, as the table itself is (migration audit_append_only). */
const auditRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/admin/audit',
    {
      config: { access: 'reports' },
      schema: {
        operationId: 'listAuditEvents',
        querystring: AuditFilterSchema,
        description:
          'Report readers get the events without people (see `withoutPeople`) and may not filter by actor or target.',
        response: { 200: AuditPageSchema, 403: ErrorSchema },
      },
    },
    async (request) => listAuditEvents(app.orm.em, request.query, signedIn(request)),
  );
};

export default fp(auditRoutes, {
  name: 'tandem-audit-routes',
  dependencies: ['tandem-auth', 'tandem-orm'],
});
