import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import fp from 'fastify-plugin';
import { signedIn } from '../../auth/signed-in.js';
import { ErrorSchema } from '../../http/error-schema.js';
import { optionalBody } from '../../http/optional-body.js';
import type { Log } from '../../logger.js';
import { activeChannels } from '../notifications/active-channels.js';
import { dissolvePair } from '../pairs/dissolve-pair.js';
import { QuietPairSchema } from '../pairs/quiet-pair-schemas.js';
import { quietPairs } from '../pairs/quiet-pairs.js';
import type { StrategyDependencies } from './ask-strategy.js';
import { pairByHand } from './hand-made-pair.js';
import { publishMatches } from './match-publishing.js';
import {
  forbidPair,
  getReview,
  pinMatch,
  swapPartners,
  unforbidPair,
  unmatch,
} from './match-review.js';
import {
  DissolveSchema,
  ForbidSchema,
  HandMadePairSchema,
  MatchReviewSchema,
  ReviewMatchesQuerySchema,
  ReviewMatchListSchema,
  type ReviewPageQuery,
  ReviewPageQuerySchema,
  SwapSchema,
} from './match-review-schemas.js';
import { RESCORE_TIME_LIMIT_MS } from './rescore-matches.js';
import { listReviewMatches } from './review-match-list.js';

const Id = Type.Object({ id: Type.String({ format: 'uuid' }) });
const answers = { 200: MatchReviewSchema, 400: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema };
const querystring = ReviewPageQuerySchema;

/**
 * The admin's matching review: read it (and a page of one list of its matches alone), pin,
 * forbid (and lift a forbid), swap, pair by hand, unmatch, publish, dissolve a published pair,
 * and list the quiet ones. Every change answers
 * with the review at the page the query asks for (ReviewPageQuerySchema), and is audited by
 * its service.
 */
const matchReviewRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // Admins and the programme's managers; a route on a pair or a forbid finds its programme.
  const admin = { access: 'programme' } as const;
  const onMatch = { access: 'programme', programmeOf: 'match' } as const;
  const onForbid = { access: 'programme', programmeOf: 'forbid' } as const;
  const em = () => app.orm.em;
  // Pairs changed by hand are scored by the programme's strategy while the admin waits.
  const strategy = (log: Log): StrategyDependencies => ({
    orm: app.orm,
    plugins: app.plugins,
    log,
    timeLimitMs: RESCORE_TIME_LIMIT_MS,
  });
  const review = (programmeId: string, page: ReviewPageQuery) =>
    getReview(em(), programmeId, activeChannels(app.plugins), page);
  app.get(
    '/api/admin/programmes/:id/review',
    {
      config: admin,
      schema: { operationId: 'getMatchReview', params: Id, querystring, response: answers },
    },
    async (request) => review(request.params.id, request.query),
  );
  app.get(
    '/api/admin/programmes/:id/review/matches',
    {
      config: admin,
      schema: {
        operationId: 'listReviewMatches',
        params: Id,
        querystring: ReviewMatchesQuerySchema,
        response: { 200: ReviewMatchListSchema, 400: ErrorSchema, 404: ErrorSchema },
      },
    },
    async (request) => listReviewMatches(em(), request.params.id, request.query),
  );
  for (const [method, pinned] of [
    ['post', true],
    ['delete', false],
  ] as const)
    app[method](
      '/api/admin/matches/:id/pin',
      {
        config: onMatch,
        schema: {
          operationId: pinned ? 'pinMatch' : 'unpinMatch',
          params: Id,
          querystring,
          response: answers,
        },
      },
      async (request) =>
        review(
          await pinMatch(em(), signedIn(request).id, request.params.id, pinned),
          request.query,
        ),
    );
  app.delete(
    '/api/admin/matches/:id',
    {
      config: onMatch,
      schema: { operationId: 'unmatch', params: Id, querystring, response: answers },
    },
    async (request) =>
      review(await unmatch(em(), signedIn(request).id, request.params.id), request.query),
  );
  app.post(
    '/api/admin/programmes/:id/forbids',
    {
      config: admin,
      schema: {
        operationId: 'forbidPair',
        params: Id,
        querystring,
        body: ForbidSchema,
        response: answers,
      },
    },
    async (request) => {
      await forbidPair(em(), signedIn(request).id, request.params.id, request.body.enrolmentIds);
      return review(request.params.id, request.query);
    },
  );
  app.post(
    '/api/admin/programmes/:id/swaps',
    {
      config: admin,
      schema: {
        operationId: 'swapPartners',
        params: Id,
        querystring,
        body: SwapSchema,
        response: answers,
      },
    },
    async (request) => {
      const { id } = request.params;
      const by = signedIn(request).id;
      await swapPartners(strategy(request.log), em(), by, id, request.body.enrolmentIds);
      return review(id, request.query);
    },
  );
  app.delete(
    '/api/admin/forbids/:id',
    {
      config: onForbid,
      schema: { operationId: 'unforbidPair', params: Id, querystring, response: answers },
    },
    async (request) =>
      review(await unforbidPair(em(), signedIn(request).id, request.params.id), request.query),
  );
  app.post(
    '/api/admin/programmes/:id/matches',
    {
      config: admin,
      schema: {
        operationId: 'pairByHand',
        params: Id,
        querystring,
        body: HandMadePairSchema,
        response: answers,
      },
    },
    async (request) => {
      const { id } = request.params;
      const { members, pinned = false } = request.body;
      await pairByHand(strategy(request.log), em(), signedIn(request).id, id, members, pinned);
      return review(id, request.query);
    },
  );
  app.get(
    '/api/admin/programmes/:id/quiet-pairs',
    {
      config: admin,
      schema: {
        operationId: 'listQuietPairs',
        params: Id,
        response: { 200: Type.Array(QuietPairSchema), 404: ErrorSchema },
      },
    },
    async (request) => quietPairs(em(), request.params.id),
  );
  app.post(
    '/api/admin/programmes/:id/publish',
    {
      config: admin,
      schema: { operationId: 'publishMatches', params: Id, querystring, response: answers },
    },
    async (request) => {
      const now = app.meetingDependencies().now();
      await publishMatches(em(), signedIn(request).id, request.params.id, now);
      return review(request.params.id, request.query);
    },
  );
  app.post(
    '/api/admin/matches/:id/dissolve',
    {
      config: onMatch,
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
      const deps = app.meetingDependencies();
      const { reason, reasonCode } = request.body;
      await dissolvePair(deps, by, request.params.id, { reason, reasonCode });
      return reply.code(204).send(null);
    },
  );
};

export default fp(matchReviewRoutes, {
  name: 'tandem-match-review-routes',
  dependencies: ['tandem-auth', 'tandem-orm', 'tandem-meeting-dependencies'],
});
