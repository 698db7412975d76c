import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import fp from 'fastify-plugin';
import { signedIn } from '../../auth/signed-in.js';
import { ErrorSchema } from '../../http/error-schema.js';
import { findATime, pickTime, proposeTimes } from './find-a-time.js';
import { answerInvitation } from './meeting-rsvp.js';
import {
  FindATimeSchema,
  MeetingSchema,
  ProposeTimesSchema,
  RsvpSchema,
} from './meeting-schemas.js';
import { listMyMeetings } from './my-meetings.js';

const Uuid = Type.String({ format: 'uuid' });

/**
 * The meetings Tandem planned for a person's pairs, their answers to the invitations, and the
 * pair's "find a time together" when Tandem found no common time.
 */
const meetingRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const participant = { access: 'participant' } as const;
  app.get(
    '/api/meetings',
    {
      config: participant,
      schema: { operationId: 'listMyMeetings', response: { 200: Type.Array(MeetingSchema) } },
    },
    async (request) => listMyMeetings(app.orm.em, signedIn(request).id),
  );
  app.post(
    '/api/meetings/:id/rsvp',
    {
      config: participant,
      schema: {
        operationId: 'answerInvitation',
        params: Type.Object({ id: Uuid }),
        body: RsvpSchema,
        response: { 200: MeetingSchema, 400: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema },
      },
    },
    async (request) =>
      answerInvitation(
        app.meetingDependencies(),
        signedIn(request).id,
        request.params.id,
        request.body,
      ),
  );
  app.get(
    '/api/pairs/:id/find-a-time',
    {
      config: participant,
      schema: {
        operationId: 'getFindATime',
        params: Type.Object({ id: Uuid }),
        response: { 200: FindATimeSchema, 404: ErrorSchema },
      },
    },
    async (request) => findATime(app.orm.em, signedIn(request).id, request.params.id),
  );
  app.put(
    '/api/pairs/:id/find-a-time/proposals',
    {
      config: participant,
      schema: {
        operationId: 'proposeTimes',
        params: Type.Object({ id: Uuid }),
        body: ProposeTimesSchema,
        response: { 200: FindATimeSchema, 400: ErrorSchema, 404: ErrorSchema },
      },
    },
    async (request) =>
      proposeTimes(
        app.meetingDependencies(),
        signedIn(request).id,
        request.params.id,
        request.body.starts,
      ),
  );
  app.post(
    '/api/pairs/:id/find-a-time/proposals/:proposalId/pick',
    {
      config: participant,
      schema: {
        operationId: 'pickTime',
        params: Type.Object({ id: Uuid, proposalId: Uuid }),
        response: { 200: MeetingSchema, 404: ErrorSchema, 409: ErrorSchema },
      },
    },
    async (request) =>
      pickTime(
        app.meetingDependencies(),
        signedIn(request).id,
        request.params.id,
        request.params.proposalId,
      ),
  );
};

export default fp(meetingRoutes, {
  name: 'tandem-meeting-routes',
  dependencies: ['tandem-auth', 'tandem-orm', 'tandem-meeting-dependencies'],
});
