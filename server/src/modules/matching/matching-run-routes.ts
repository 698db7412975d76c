import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import fp from 'fastify-plugin';
import { signedIn } from '../../auth/signed-in.js';
import { ErrorSchema } from '../../http/error-schema.js';
import { MatchingRunSchema } from './matching-run-schemas.js';
import { getMatchingRun, requestMatchingRun } from './matching-run-service.js';

const Id = Type.Object({ id: Type.String({ format: 'uuid' }) });

/** Admins and the programme's managers start a programme's matching run, then follow it until it succeeded or failed. */
const matchingRunRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/admin/programmes/:id/matching-runs',
    {
      config: { access: 'programme' },
      schema: {
        operationId: 'startMatchingRun',
        params: Id,
        response: { 202: MatchingRunSchema, 404: ErrorSchema, 409: ErrorSchema },
      },
    },
    async (request, reply) =>
      reply
        .code(202)
        .send(await requestMatchingRun(app.orm.em, signedIn(request).id, request.params.id)),
  );
  app.get(
    '/api/admin/matching-runs/:id',
    {
      config: { access: 'programme', programmeOf: 'matching-run' },
      schema: {
        operationId: 'getMatchingRun',
        params: Id,
        response: { 200: MatchingRunSchema, 404: ErrorSchema },
      },
    },
    async (request) => getMatchingRun(app.orm.em, request.params.id),
  );
};

export default fp(matchingRunRoutes, {
  name: 'tandem-matching-run-routes',
  dependencies: ['tandem-auth', 'tandem-orm'],
});
