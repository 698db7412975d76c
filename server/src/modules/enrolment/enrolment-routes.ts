import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import fp from 'fastify-plugin';
import { personalReads, signedIn } from '../../auth/signed-in.js';
import { ErrorSchema } from '../../http/error-schema.js';
import { activeChannels } from '../notifications/active-channels.js';
import { EnrolSchema, MyEnrolmentSchema, ParticipantProgrammeSchema } from './enrolment-schemas.js';
import { enrol, getMyProgramme, listMyProgrammes, withdraw } from './enrolment-service.js';

const Id = Type.Object({ id: Type.String({ format: 'uuid' }) });

/** Participants find programmes open to them, join with their profile, and withdraw. */
const enrolmentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const participant = { access: 'participant' } as const;
  app.get(
    '/api/programmes',
    {
      config: { ...participant, sessionInRead: true },
      schema: {
        operationId: 'listMyProgrammes',
        response: { 200: Type.Array(ParticipantProgrammeSchema) },
      },
    },
    async (request) => listMyProgrammes(personalReads(request), app.plugins),
  );
  app.get(
    '/api/programmes/:id',
    {
      config: participant,
      schema: {
        operationId: 'getMyProgramme',
        params: Id,
        response: { 200: ParticipantProgrammeSchema, 404: ErrorSchema },
      },
    },
    async (request) =>
      getMyProgramme(app.orm.em, signedIn(request).id, request.params.id, app.plugins),
  );
  app.put(
    '/api/programmes/:id/enrolment',
    {
      config: participant,
      schema: {
        operationId: 'enrol',
        params: Id,
        body: EnrolSchema,
        response: {
          200: MyEnrolmentSchema,
          400: ErrorSchema,
          403: ErrorSchema,
          404: ErrorSchema,
          409: ErrorSchema,
        },
      },
    },
    async (request) =>
      enrol(
        app.orm.em,
        signedIn(request).id,
        request.params.id,
        request.body,
        new Date(),
        activeChannels(app.plugins),
      ),
  );
  app.delete(
    '/api/programmes/:id/enrolment',
    {
      config: participant,
      schema: {
        operationId: 'withdraw',
        params: Id,
        response: { 200: MyEnrolmentSchema, 404: ErrorSchema },
      },
    },
    async (request) => withdraw(app.meetingDependencies(), signedIn(request).id, request.params.id),
  );
};

export default fp(enrolmentRoutes, {
  name: 'tandem-enrolment-routes',
  dependencies: ['tandem-auth', 'tandem-orm', 'tandem-meeting-dependencies'],
});
