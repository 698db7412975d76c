import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import fp from 'fastify-plugin';
import { signedIn } from '../../auth/signed-in.js';
import { ErrorSchema } from '../../http/error-schema.js';
import { optionalBody } from '../../http/optional-body.js';
import { activeChannels } from '../notifications/active-channels.js';
import { dissolvePair } from '../pairs/dissolve-pair.js';
import { publishMatches } from './match-publishing.js';
import { forbidPair, getReview, pinMatch, swapPartners, unmatch } from './match-review.js';
import {
  DissolveSchema,
  ForbidSchema,
  MatchReviewSchema,
  SwapSchema,
} from './match-review-schemas.js';

const Id = Type.Object({ id: Type.String({ format: 'uuid' }) });
const answers = { 200: MatchReviewSchema, 400: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema };

/**
 * The admin's matching review: read it, pin, forbid, swap, unmatch, publish, and dissolve a
 * published pair. Every change answers with the whole review, and is audited by its service.
 */
const matchReviewRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const admin = { access: 'admin' } as const;
  const em = () => app.orm.em;
  const review = (programmeId: string) => getReview(em(), programmeId, activeChannels(app.plugins));
  app.get(
    '/api/admin/programmes/:id/review',
    { config: admin, schema: { operationId: 'getMatchReview', params: Id, response: answers } },
    async (request) => review(request.params.id),
  );
  for (const [method, pinned] of [
    ['post', true],
    ['delete', false],
  ] as const)
    app[method](
      '/api/admin/matches/:id/pin',
      {
        config: admin,
        schema: { operationId: pinned ? 'pinMatch' : 'unpinMatch', params: Id, response: answers },
      },
      async (request) =>
        review(await pinMatch(em(), signedIn(request).id, request.params.id, pinned)),
    );
  app.delete(
    '/api/admin/matches/:id',
    { config: admin, schema: { operationId: 'unmatch', params: Id, response: answers } },
    async (request) => review(await unmatch(em(), signedIn(request).id, request.params.id)),
  );
  app.post(
    '/api/admin/programmes/:id/forbids',
    {
      config: admin,
      schema: { operationId: 'forbidPair', params: Id, body: ForbidSchema, response: answers },
    },
    async (request) => {
      await forbidPair(em(), signedIn(request).id, request.params.id, request.body.enrolmentIds);
      return review(request.params.id);
    },
  );
  app.post(
    '/api/admin/programmes/:id/swaps',
    {
      config: admin,
      schema: { operationId: 'swapPartners', params: Id, body: SwapSchema, response: answers },
    },
    async (request) => {
      await swapPartners(em(), signedIn(request).id, request.params.id, request.body.enrolmentIds);
      return review(request.params.id);
    },
  );
  app.post(
    '/api/admin/programmes/:id/publish',
    { config: admin, schema: { operationId: 'publishMatches', params: Id, response: answers } },
    async (request) => {
      const now = app.meetingDependencies().now();
      await publishMatches(em(), signedIn(request).id, request.params.id, now);
      return review(request.params.id);
    },
  );
  app.post(
    '/api/admin/matches/:id/dissolve',
    {
      config: admin,
      preValidation: optionalBody,
      schema: {
        operationId: 'dissolveMatch',
        params: Id,
        body: DissolveSchema,
        response: { 204: Type.Null(), 404: ErrorSchema, 409: ErrorSchema },
      },
    },
    async (request, reply) => {
      const by = { userId: signedIn(request).id, admin: true };
      await dissolvePair(app.meetingDependencies(), by, request.params.id, request.body.reason);
      return reply.code(204).send(null);
    },
  );
};

export default fp(matchReviewRoutes, {
  name: 'tandem-match-review-routes',
  dependencies: ['tandem-auth', 'tandem-orm', 'tandem-meeting-dependencies'],
});
