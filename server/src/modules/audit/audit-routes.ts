import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import fp from 'fastify-plugin';
import { listAuditEvents } from './audit-query.js';
import { AuditFilterSchema, AuditPageSchema } from './audit-schemas.js';

/** The audit log for admins: read only, as the table itself is (migration audit_append_only). */
const auditRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/admin/audit',
    {
      config: { access: 'admin' },
      schema: {
        operationId: 'listAuditEvents',
        querystring: AuditFilterSchema,
        response: { 200: AuditPageSchema },
      },
    },
    async (request) => listAuditEvents(app.orm.em, request.query),
  );
};

export default fp(auditRoutes, {
  name: 'tandem-audit-routes',
  dependencies: ['tandem-auth', 'tandem-orm'],
});
