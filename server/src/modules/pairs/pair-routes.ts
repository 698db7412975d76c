import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { GlossaryEntrySchema } from '@tandem/plugin-sdk';
import fp from 'fastify-plugin';
import { personalReads, signedIn } from '../../auth/signed-in.js';
import { ErrorSchema } from '../../http/error-schema.js';
import { getPair, listMyPairs, pairGlossary } from './pair-plan.js';
import {
  HomeworkDoneSchema,
  HomeworkSchema,
  NewSessionSchema,
  PairSchema,
  SessionChangeSchema,
  SessionOrderSchema,
} from './pair-schemas.js';
import {
  addSession,
  changeSession,
  continuePair,
  reorderSessions,
  tickHomework,
  writeHomework,
} from './pair-tailoring.js';

const Uuid = Type.String({ format: 'uuid' });
const Pair = Type.Object({ id: Uuid });
const Session = Type.Object({ id: Uuid, sessionId: Uuid });
const Task = Type.Object({ id: Uuid, sessionId: Uuid, index: Type.Integer({ minimum: 0 }) });
const answers = { 200: PairSchema, 400: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema };

/** A pair's plan, for its members only: read it and make it their own. */
const pairRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const participant = { access: 'participant' } as const;
  const em = () => app.orm.em;
  app.get(
    '/api/pairs',
    {
      config: { ...participant, sessionInRead: true },
      schema: { operationId: 'listMyPairs', response: { 200: Type.Array(PairSchema) } },
    },
    async (request) => listMyPairs(personalReads(request)),
  );
  app.get(
    '/api/pairs/:id',
    {
      config: participant,
      schema: {
        operationId: 'getPair',
        params: Pair,
        response: { 200: PairSchema, 404: ErrorSchema },
      },
    },
    async (request) => getPair(em(), signedIn(request).id, request.params.id),
  );
  app.get(
    '/api/pairs/:id/glossary',
    {
      config: participant,
      schema: {
        operationId: 'getPairGlossary',
        params: Pair,
        response: { 200: Type.Array(GlossaryEntrySchema), 404: ErrorSchema },
      },
    },
    async (request) =>
      pairGlossary(
        { em: em(), plugins: app.plugins, log: request.log },
        signedIn(request).id,
        request.params.id,
      ),
  );
  app.post(
    '/api/pairs/:id/continue',
    {
      config: participant,
      schema: {
        operationId: 'continuePair',
        params: Pair,
        response: { 200: PairSchema, 404: ErrorSchema },
      },
    },
    async (request) => continuePair(em(), signedIn(request).id, request.params.id),
  );
  app.patch(
    '/api/pairs/:id/sessions/:sessionId',
    {
      config: participant,
      schema: {
        operationId: 'changePairSession',
        params: Session,
        body: SessionChangeSchema,
        response: answers,
      },
    },
    async (request) =>
      changeSession(
        em(),
        signedIn(request).id,
        request.params.id,
        request.params.sessionId,
        request.body,
      ),
  );
  app.post(
    '/api/pairs/:id/sessions',
    {
      config: participant,
      schema: {
        operationId: 'addPairSession',
        params: Pair,
        body: NewSessionSchema,
        response: answers,
      },
    },
    async (request) => addSession(em(), signedIn(request).id, request.params.id, request.body),
  );
  app.put(
    '/api/pairs/:id/sessions/order',
    {
      config: participant,
      schema: {
        operationId: 'reorderPairSessions',
        params: Pair,
        body: SessionOrderSchema,
        response: answers,
      },
    },
    async (request) =>
      reorderSessions(em(), signedIn(request).id, request.params.id, request.body.sessionIds),
  );
  app.put(
    '/api/pairs/:id/sessions/:sessionId/homework',
    {
      config: participant,
      schema: {
        operationId: 'writeHomework',
        params: Session,
        body: HomeworkSchema,
        response: answers,
      },
    },
    async (request) =>
      writeHomework(
        em(),
        signedIn(request).id,
        request.params.id,
        request.params.sessionId,
        request.body.items,
      ),
  );
  app.patch(
    '/api/pairs/:id/sessions/:sessionId/homework/:index',
    {
      config: participant,
      schema: {
        operationId: 'tickHomework',
        params: Task,
        body: HomeworkDoneSchema,
        response: answers,
      },
    },
    async (request) =>
      tickHomework(
        em(),
        signedIn(request).id,
        request.params.id,
        request.params.sessionId,
        request.params.index,
        request.body.done,
      ),
  );
};

export default fp(pairRoutes, {
  name: 'tandem-pair-routes',
  dependencies: ['tandem-auth', 'tandem-orm', 'tandem-plugin-host'],
});
