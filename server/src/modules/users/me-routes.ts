import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import fp from 'fastify-plugin';
import { signedIn } from '../../auth/signed-in.js';
import { Me } from './user-schemas.js';

/** GET /api/me: the signed-in person, or 401. */
const meRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/me',
    {
      config: { access: 'participant' },
      schema: { operationId: 'getMe', response: { 200: Me } },
    },
    async (request) => {
      const { id, name, email, department, title, roles } = signedIn(request);
      return {
        id,
        name,
        email: email ?? null,
        department: department ?? null,
        title: title ?? null,
        roles: roles.filter((role): role is 'admin' => role === 'admin'),
      };
    },
  );
};

export default fp(meRoutes, { name: 'tandem-me-routes', dependencies: ['tandem-auth'] });
