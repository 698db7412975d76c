import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import fp from 'fastify-plugin';
import { signedIn } from '../../auth/signed-in.js';
import { ErrorSchema } from '../../http/error-schema.js';
import {
  answerRequest,
  myRequests,
  requestPartner,
  suggestionsFor,
  withdrawRequest,
} from './self-service.js';
import { NewRequestSchema, SuggestionSchema, TandemRequestSchema } from './self-service-schemas.js';

const Id = Type.Object({ id: Type.String({ format: 'uuid' }) });
const errors = { 400: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema, 502: ErrorSchema };

/**
 * Self-service programmes: see your best suggestions, ask one (or withdraw the request), answer
 * who asked you.
 */
const selfServiceRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const participant = { access: 'participant' } as const;
  const em = () => app.orm.em;
  app.get(
    '/api/programmes/:id/suggestions',
    {
      config: participant,
      schema: {
        operationId: 'getSuggestions',
        params: Id,
        response: { 200: Type.Array(SuggestionSchema), ...errors },
      },
    },
    async (request) =>
      suggestionsFor(
        { em: em(), plugins: app.plugins, log: request.log },
        signedIn(request).id,
        request.params.id,
      ),
  );
  app.get(
    '/api/programmes/:id/requests',
    {
      config: participant,
      schema: {
        operationId: 'listMyRequests',
        params: Id,
        response: { 200: Type.Array(TandemRequestSchema), ...errors },
      },
    },
    async (request) => myRequests(em(), signedIn(request).id, request.params.id),
  );
  app.post(
    '/api/programmes/:id/requests',
    {
      config: participant,
      schema: {
        operationId: 'requestPartner',
        params: Id,
        body: NewRequestSchema,
        response: { 201: TandemRequestSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await requestPartner(
            { em: em(), plugins: app.plugins },
            signedIn(request).id,
            request.params.id,
            request.body,
          ),
        ),
  );
  for (const [verb, accept] of [
    ['accept', true],
    ['decline', false],
  ] as const)
    app.post(
      `/api/requests/:id/${verb}`,
      {
        config: participant,
        schema: {
          operationId: accept ? 'acceptRequest' : 'declineRequest',
          params: Id,
          response: { 200: TandemRequestSchema, ...errors },
        },
      },
      async (request) =>
        answerRequest(
          { em: em(), plugins: app.plugins },
          signedIn(request).id,
          request.params.id,
          accept,
        ),
    );
  app.post(
    '/api/requests/:id/withdraw',
    {
      config: participant,
      schema: {
        operationId: 'withdrawRequest',
        params: Id,
        response: { 200: TandemRequestSchema, ...errors },
      },
    },
    async (request) => withdrawRequest(em(), signedIn(request).id, request.params.id),
  );
};

export default fp(selfServiceRoutes, {
  name: 'tandem-self-service-routes',
  dependencies: ['tandem-auth', 'tandem-orm', 'tandem-plugin-host'],
});
