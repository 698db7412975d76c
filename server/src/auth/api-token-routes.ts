import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import fp from 'fastify-plugin';
import { ErrorSchema } from '../http/error-schema.js';
import { ApiTokenSchema, CreatedApiTokenSchema, NewApiTokenSchema } from './api-token-schemas.js';
import { createApiToken, listApiTokens, revokeApiToken } from './api-token-service.js';
import { signedIn } from './signed-in.js';

const Id = Type.Object({ id: Type.String({ format: 'uuid' }) });

/**
 * Admins manage their own personal API tokens. Only with a session: a token cannot make,
 * list or revoke tokens, so a leaked one cannot entrench itself.
 */
const apiTokenRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const config = { access: 'admin', scope: 'sessions-only' } as const;
  app.get(
    '/api/admin/tokens',
    {
      config,
      schema: {
        operationId: 'listApiTokens',
        description: 'Your own API tokens, newest first, revoked ones included; never a secret.',
        response: { 200: Type.Array(ApiTokenSchema) },
      },
    },
    async (request) => listApiTokens(app.orm.em, signedIn(request).id),
  );
  app.post(
    '/api/admin/tokens',
    {
      config,
      schema: {
        operationId: 'createApiToken',
        description: 'Makes a token acting as you within its scopes. Its secret is shown once.',
        body: NewApiTokenSchema,
        response: { 201: CreatedApiTokenSchema, 400: ErrorSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createApiToken(app.orm.em, signedIn(request), request.body)),
  );
  app.delete(
    '/api/admin/tokens/:id',
    {
      config,
      schema: {
        operationId: 'revokeApiToken',
        description: 'Revokes one of your tokens, at once.',
        params: Id,
        response: { 200: ApiTokenSchema, 404: ErrorSchema },
      },
    },
    async (request) => revokeApiToken(app.orm.em, signedIn(request).id, request.params.id),
  );
};

export default fp(apiTokenRoutes, {
  name: 'tandem-api-token-routes',
  dependencies: ['tandem-auth', 'tandem-orm'],
});
