import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import fp from 'fastify-plugin';
import { signedIn } from '../../auth/signed-in.js';
import { ErrorSchema } from '../../http/error-schema.js';
import {
  GoalChangeSchema,
  GoalMarkInputSchema,
  GoalSchema,
  NewGoalSchema,
} from './pair-goal-schemas.js';
import { addGoal, changeGoal, listGoals, markProgress, removeGoal } from './pair-goals.js';

const Uuid = Type.String({ format: 'uuid' });
const Pair = Type.Object({ id: Uuid });
const Goal = Type.Object({ id: Uuid, goalId: Uuid });
const errors = { 400: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema };

/** A pair's goals and the progress it marks on them: for its two members only. */
const pairGoalRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const participant = { access: 'participant' } as const;
  const em = () => app.orm.em;
  app.get(
    '/api/pairs/:id/goals',
    {
      config: participant,
      schema: {
        operationId: 'listPairGoals',
        params: Pair,
        response: { 200: Type.Array(GoalSchema), 404: ErrorSchema },
      },
    },
    async (request) => listGoals(em(), signedIn(request).id, request.params.id),
  );
  app.post(
    '/api/pairs/:id/goals',
    {
      config: participant,
      schema: {
        operationId: 'addPairGoal',
        params: Pair,
        body: NewGoalSchema,
        response: { 201: GoalSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await addGoal(em(), signedIn(request).id, request.params.id, request.body)),
  );
  app.patch(
    '/api/pairs/:id/goals/:goalId',
    {
      config: participant,
      schema: {
        operationId: 'changePairGoal',
        params: Goal,
        body: GoalChangeSchema,
        response: { 200: GoalSchema, ...errors },
      },
    },
    async (request) =>
      changeGoal(
        em(),
        signedIn(request).id,
        request.params.id,
        request.params.goalId,
        request.body,
      ),
  );
  app.delete(
    '/api/pairs/:id/goals/:goalId',
    {
      config: participant,
      schema: {
        operationId: 'removePairGoal',
        params: Goal,
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (request, reply) => {
      await removeGoal(em(), signedIn(request).id, request.params.id, request.params.goalId);
      return reply.code(204).send(null);
    },
  );
  app.post(
    '/api/pairs/:id/goals/:goalId/progress',
    {
      config: participant,
      schema: {
        operationId: 'markPairGoalProgress',
        params: Goal,
        body: GoalMarkInputSchema,
        response: { 201: GoalSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await markProgress(
            em(),
            signedIn(request).id,
            request.params.id,
            request.params.goalId,
            request.body,
          ),
        ),
  );
};

export default fp(pairGoalRoutes, {
  name: 'tandem-pair-goal-routes',
  dependencies: ['tandem-auth', 'tandem-orm'],
});
