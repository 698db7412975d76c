import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import fp from 'fastify-plugin';
import { signedIn } from '../../auth/signed-in.js';
import { ErrorSchema } from '../../http/error-schema.js';
import { optionalBody } from '../../http/optional-body.js';
import type { Log } from '../../logger.js';
import { dissolvePair } from './dissolve-pair.js';
import type { NoteKeyring } from './note-keyring.js';
import { addNote, changeNote, listNotes, type NoteDependencies } from './pair-notes.js';
import { addQuestion, changeQuestion, deleteQuestion, listQuestions } from './pair-questions.js';
import { giveFeedback } from './session-feedback-service.js';

const Uuid = Type.String({ format: 'uuid' });
const Pair = Type.Object({ id: Uuid });
const Item = Type.Object({ id: Uuid, itemId: Uuid });
const Session = Type.Object({ id: Uuid, sessionId: Uuid });
export const NoteSchema = Type.Object({
  id: Uuid,
  body: Type.String({ description: 'Empty when the note cannot be decrypted.' }),
  readable: Type.Boolean({
    description:
      'False when the note does not decrypt: its key was retired too early, or the stored note was changed.',
  }),
  mine: Type.Boolean(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export const QuestionSchema = Type.Object({
  id: Uuid,
  text: Type.String({ description: 'Empty when the question cannot be decrypted.' }),
  readable: Type.Boolean({
    description:
      'False when the question does not decrypt: its key was retired too early, or the stored question was changed.',
  }),
  answered: Type.Boolean(),
  mine: Type.Boolean(),
  createdAt: Type.String(),
});
const NoteBody = Type.Object(
  { body: Type.String({ minLength: 1, maxLength: 10000 }) },
  { additionalProperties: false },
);
const errors = { 400: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema };

/**
 * What only the two partners of a pair write and read: private notes, their question list,
 * feedback after a session (which even the partner does not see), and "this doesn't fit".
 */
const pairJournalRoutes: FastifyPluginAsyncTypebox<{ noteKeyring: NoteKeyring }> = async (
  app,
  { noteKeyring },
) => {
  const participant = { access: 'participant' } as const;
  const em = () => app.orm.em;
  const notes = (): NoteDependencies => ({
    em: app.orm.em,
    keyring: noteKeyring,
    log: app.log as Log,
  });
  app.get(
    '/api/pairs/:id/notes',
    {
      config: participant,
      schema: {
        operationId: 'listPairNotes',
        params: Pair,
        response: { 200: Type.Array(NoteSchema), 404: ErrorSchema },
      },
    },
    async (request) => listNotes(notes(), signedIn(request).id, request.params.id),
  );
  app.post(
    '/api/pairs/:id/notes',
    {
      config: participant,
      schema: {
        operationId: 'addPairNote',
        params: Pair,
        body: NoteBody,
        response: { 201: NoteSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await addNote(notes(), signedIn(request).id, request.params.id, request.body.body)),
  );
  app.patch(
    '/api/pairs/:id/notes/:itemId',
    {
      config: participant,
      schema: {
        operationId: 'changePairNote',
        params: Item,
        body: NoteBody,
        response: { 200: NoteSchema, ...errors },
      },
    },
    async (request) =>
      changeNote(
        notes(),
        signedIn(request).id,
        request.params.id,
        request.params.itemId,
        request.body.body,
      ),
  );
  app.delete(
    '/api/pairs/:id/notes/:itemId',
    {
      config: participant,
      schema: {
        operationId: 'deletePairNote',
        params: Item,
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (request, reply) => {
      await changeNote(
        notes(),
        signedIn(request).id,
        request.params.id,
        request.params.itemId,
        undefined,
      );
      return reply.code(204).send(null);
    },
  );
  app.get(
    '/api/pairs/:id/questions',
    {
      config: participant,
      schema: {
        operationId: 'listPairQuestions',
        params: Pair,
        response: { 200: Type.Array(QuestionSchema), 404: ErrorSchema },
      },
    },
    async (request) => listQuestions(notes(), signedIn(request).id, request.params.id),
  );
  app.post(
    '/api/pairs/:id/questions',
    {
      config: participant,
      schema: {
        operationId: 'addPairQuestion',
        params: Pair,
        body: Type.Object(
          { text: Type.String({ minLength: 1, maxLength: 2000 }) },
          { additionalProperties: false },
        ),
        response: { 201: QuestionSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await addQuestion(notes(), signedIn(request).id, request.params.id, request.body.text),
        ),
  );
  app.patch(
    '/api/pairs/:id/questions/:itemId',
    {
      config: participant,
      schema: {
        operationId: 'changePairQuestion',
        params: Item,
        body: Type.Object(
          {
            text: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })),
            answered: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: QuestionSchema, ...errors },
      },
    },
    async (request) =>
      changeQuestion(
        notes(),
        signedIn(request).id,
        request.params.id,
        request.params.itemId,
        request.body,
      ),
  );
  app.delete(
    '/api/pairs/:id/questions/:itemId',
    {
      config: participant,
      schema: {
        operationId: 'deletePairQuestion',
        params: Item,
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (request, reply) => {
      await deleteQuestion(notes(), signedIn(request).id, request.params.id, request.params.itemId);
      return reply.code(204).send(null);
    },
  );
  app.post(
    '/api/pairs/:id/mismatch',
    {
      config: participant,
      preValidation: optionalBody,
      schema: {
        operationId: 'reportMismatch',
        params: Pair,
        body: Type.Object(
          {
            reason: Type.Optional(
              Type.String({
                maxLength: 2000,
                description: 'Seen by admins only, never by the partner.',
              }),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 204: Type.Null(), 404: ErrorSchema, 409: ErrorSchema },
      },
    },
    async (request, reply) => {
      const by = { userId: signedIn(request).id, admin: false };
      await dissolvePair(app.meetingDependencies(), by, request.params.id, {
        reason: request.body.reason,
      });
      return reply.code(204).send(null);
    },
  );
  app.put(
    '/api/pairs/:id/sessions/:sessionId/feedback',
    {
      config: participant,
      schema: {
        operationId: 'giveSessionFeedback',
        params: Session,
        body: Type.Object(
          {
            rating: Type.Integer({ minimum: 1, maximum: 5 }),
            comment: Type.Optional(Type.String({ maxLength: 2000 })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            rating: Type.Integer(),
            comment: Type.Union([Type.String(), Type.Null()]),
          }),
          ...errors,
        },
      },
    },
    async (request) =>
      giveFeedback(
        em(),
        signedIn(request).id,
        request.params.id,
        request.params.sessionId,
        request.body,
      ),
  );
};

export default fp(pairJournalRoutes, {
  name: 'tandem-pair-journal-routes',
  dependencies: ['tandem-auth', 'tandem-orm', 'tandem-meeting-dependencies'],
});
