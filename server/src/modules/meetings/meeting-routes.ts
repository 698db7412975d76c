import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import fp from 'fastify-plugin';
import { signedIn } from '../../auth/signed-in.js';
import { ErrorSchema } from '../../http/error-schema.js';
import { answerInvitation, listMyMeetings } from './meeting-rsvp.js';
import { MeetingSchema, RsvpSchema } from './meeting-schemas.js';

/** The meetings Tandem planned for a person's pairs, and their answers to the invitations. */
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
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
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
};

export default fp(meetingRoutes, {
  name: 'tandem-meeting-routes',
  dependencies: ['tandem-auth', 'tandem-orm', 'tandem-meeting-dependencies'],
});
