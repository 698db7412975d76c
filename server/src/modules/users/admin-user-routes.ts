import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import fp from 'fastify-plugin';
import { signedIn } from '../../auth/signed-in.js';
import { ErrorSchema } from '../../http/error-schema.js';
import { endAllSessionsOfUser } from './user-sessions.js';

const UserParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const SessionsEnded = Type.Object({
  ended: Type.Integer({ description: 'How many sessions ended.' }),
});

/** Admin actions on users. */
const adminUserRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.delete(
    '/api/admin/users/:id/sessions',
    {
      config: { access: 'admin' },
      schema: {
        operationId: 'endSessionsOfUser',
        params: UserParams,
        response: { 200: SessionsEnded, 404: ErrorSchema },
      },
    },
    async (request, reply) => {
      const ended = await endAllSessionsOfUser(app.orm.em, signedIn(request).id, request.params.id);
      if (ended === undefined) {
        return reply
          .code(404)
          .send({ statusCode: 404, error: 'Not Found', message: 'No such user.' });
      }
      return { ended };
    },
  );
};

export default fp(adminUserRoutes, {
  name: 'tandem-admin-user-routes',
  dependencies: ['tandem-auth'],
});
