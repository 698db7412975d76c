import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import fp from 'fastify-plugin';
import { signedIn } from '../../auth/signed-in.js';
import { ErrorSchema } from '../../http/error-schema.js';
import { lunchRounds, myLunch } from './lunch-round-view.js';
import { LunchRoundsSchema, MyLunchSchema } from './lunch-schemas.js';
import { skipNextLunchRound, undoLunchSkip } from './lunch-skipping.js';

const Id = Type.Object({ id: Type.String({ format: 'uuid' }) });
const changed = { 200: MyLunchSchema, 404: ErrorSchema, 409: ErrorSchema };

/**
 * Lunch rounds: a participant's lunch and "skip this round" (undone until the round is drawn);
 * an admin's view of every round.
 */
const lunchRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const participant = { access: 'participant' } as const;
  const now = () => app.meetingDependencies().now();
  app.get(
    '/api/programmes/:id/lunch',
    {
      config: participant,
      schema: {
        operationId: 'getMyLunch',
        params: Id,
        response: { 200: MyLunchSchema, 404: ErrorSchema },
      },
    },
    async (request) => myLunch(app.orm.em, signedIn(request).id, request.params.id, now()),
  );
  app.put(
    '/api/programmes/:id/lunch/skip',
    {
      config: participant,
      schema: { operationId: 'skipNextLunchRound', params: Id, response: changed },
    },
    async (request) =>
      skipNextLunchRound(app.orm.em, signedIn(request).id, request.params.id, now()),
  );
  app.delete(
    '/api/programmes/:id/lunch/skip',
    {
      config: participant,
      schema: { operationId: 'undoLunchSkip', params: Id, response: changed },
    },
    async (request) => undoLunchSkip(app.orm.em, signedIn(request).id, request.params.id, now()),
  );
  app.get(
    '/api/admin/programmes/:id/lunch-rounds',
    {
      config: { access: 'programme' },
      schema: {
        operationId: 'listLunchRounds',
        params: Id,
        response: { 200: LunchRoundsSchema, 404: ErrorSchema },
      },
    },
    async (request) => lunchRounds(app.orm.em, request.params.id, now()),
  );
};

export default fp(lunchRoutes, {
  name: 'tandem-lunch-routes',
  dependencies: ['tandem-auth', 'tandem-orm', 'tandem-meeting-dependencies'],
});
