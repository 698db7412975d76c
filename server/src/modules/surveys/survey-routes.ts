import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import fp from 'fastify-plugin';
import { signedIn } from '../../auth/signed-in.js';
import { ErrorSchema } from '../../http/error-schema.js';
import {
  OpenSurveySchema,
  SurveyAnswerBodySchema,
  SurveyCountsSchema,
  SurveyFormSchema,
  SurveyParamsSchema,
  SurveyQuerySchema,
} from './survey-schemas.js';
import { answerSurvey, openSurveys, surveyCounts, surveyForm } from './survey-service.js';

/**
 * Participants read and answer their programme's surveys; admins and the programme's managers
 * see how many were asked and answered. No route returns who answered what.
 */
const surveyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const participant = { access: 'participant' } as const;
  app.get(
    '/api/surveys',
    {
      config: participant,
      schema: {
        operationId: 'listMyOpenSurveys',
        description: 'The surveys waiting for the caller’s answers.',
        response: { 200: Type.Array(OpenSurveySchema) },
      },
    },
    async (request) => openSurveys(app.orm.em, signedIn(request).id),
  );
  app.get(
    '/api/programmes/:id/surveys/:survey',
    {
      config: participant,
      schema: {
        operationId: 'getSurvey',
        description:
          'The questions of a survey, in the caller’s language unless `locale` asks for another, and whether they answered it.',
        params: SurveyParamsSchema,
        querystring: SurveyQuerySchema,
        response: { 200: SurveyFormSchema, 403: ErrorSchema, 404: ErrorSchema },
      },
    },
    async (request) =>
      surveyForm(
        app.orm.em,
        signedIn(request).id,
        request.params.id,
        request.params.survey,
        request.query.locale,
      ),
  );
  app.post(
    '/api/programmes/:id/surveys/:survey',
    {
      config: participant,
      schema: {
        operationId: 'answerSurvey',
        description:
          'Answers a survey, once. Stored without the caller: no admin can find out who answered what.',
        params: SurveyParamsSchema,
        body: SurveyAnswerBodySchema,
        response: {
          204: Type.Null(),
          400: ErrorSchema,
          403: ErrorSchema,
          404: ErrorSchema,
          409: ErrorSchema,
        },
      },
    },
    async (request, reply) => {
      await answerSurvey(
        app.orm.em,
        signedIn(request).id,
        request.params.id,
        request.params.survey,
        request.body.answers,
      );
      return reply.code(204).send(null);
    },
  );
  app.get(
    '/api/admin/programmes/:id/surveys',
    {
      config: { access: 'programme' },
      schema: {
        operationId: 'getSurveyCounts',
        description: 'Per survey: whether it is on, how many were asked and how many answered.',
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
        response: { 200: SurveyCountsSchema, 404: ErrorSchema },
      },
    },
    async (request) => surveyCounts(app.orm.em, request.params.id),
  );
};

export default fp(surveyRoutes, {
  name: 'tandem-survey-routes',
  dependencies: ['tandem-auth', 'tandem-orm'],
});
