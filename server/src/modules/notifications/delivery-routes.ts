import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import fp from 'fastify-plugin';
import { signedIn } from '../../auth/signed-in.js';
import { ErrorSchema } from '../../http/error-schema.js';
import { listDeliveries, retryDelivery } from './delivery-admin.js';
import { DeliveryFilterSchema, DeliverySchema } from './notification-schemas.js';

/**
 * Deliveries for admins, and for programme managers those of their programmes: what went out,
 * what failed and why, and a retry.
 */
const deliveryRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/admin/deliveries',
    {
      config: { access: 'managers' },
      schema: {
        operationId: 'listDeliveries',
        querystring: DeliveryFilterSchema,
        response: { 200: Type.Array(DeliverySchema) },
      },
    },
    async (request) => listDeliveries(app.orm.em, request.query, signedIn(request)),
  );
  app.post(
    '/api/admin/deliveries/:id/retry',
    {
      config: { access: 'programme', programmeOf: 'delivery' },
      schema: {
        operationId: 'retryDelivery',
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
        response: { 200: DeliverySchema, 404: ErrorSchema, 409: ErrorSchema },
      },
    },
    async (request) => retryDelivery(app.orm.em, signedIn(request).id, request.params.id),
  );
};

export default fp(deliveryRoutes, {
  name: 'tandem-delivery-routes',
  dependencies: ['tandem-auth', 'tandem-orm'],
});
