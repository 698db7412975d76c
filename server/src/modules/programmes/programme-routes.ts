import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import fp from 'fastify-plugin';
import { signedIn } from '../../auth/signed-in.js';
import { ErrorSchema } from '../../http/error-schema.js';
import {
  CreateProgrammeSchema,
  ProgrammeSchema,
  TransitionSchema,
  UpdateProgrammeSchema,
} from './programme-schemas.js';
import {
  createProgramme,
  getProgramme,
  listProgrammes,
  transitionProgramme,
  updateProgramme,
} from './programme-service.js';

const Id = Type.Object({ id: Type.String({ format: 'uuid' }) });
const errors = { 400: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema };

/**
 * Admins create programmes from curriculum templates; admins and the programme's managers change
 * them and move them along. Report readers see the list and each programme, to pick reports.
 */
const programmeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const admin = { access: 'admin' } as const;
  const managers = { access: 'programme' } as const;
  const deps = () => ({ em: app.orm.em, plugins: app.plugins });
  app.get(
    '/api/admin/programmes',
    {
      config: { access: 'staff' },
      schema: {
        operationId: 'listProgrammes',
        description: "A programme manager's list holds the programmes assigned to them.",
        response: { 200: Type.Array(ProgrammeSchema) },
      },
    },
    async (request) => listProgrammes(deps(), signedIn(request)),
  );
  app.post(
    '/api/admin/programmes',
    {
      config: admin,
      schema: {
        operationId: 'createProgramme',
        body: CreateProgrammeSchema,
        response: { 201: ProgrammeSchema, ...errors },
      },
    },
    async (request, reply) => {
      const created = await createProgramme(deps(), signedIn(request).id, request.body);
      return reply.code(201).send(created);
    },
  );
  app.get(
    '/api/admin/programmes/:id',
    {
      config: { access: 'programme-report' },
      schema: {
        operationId: 'getProgramme',
        params: Id,
        response: { 200: ProgrammeSchema, 404: ErrorSchema },
      },
    },
    async (request) => getProgramme(deps(), request.params.id),
  );
  app.patch(
    '/api/admin/programmes/:id',
    {
      config: managers,
      schema: {
        operationId: 'updateProgramme',
        params: Id,
        body: UpdateProgrammeSchema,
        response: { 200: ProgrammeSchema, ...errors },
      },
    },
    async (request) =>
      updateProgramme(deps(), signedIn(request).id, request.params.id, request.body),
  );
  app.post(
    '/api/admin/programmes/:id/transitions',
    {
      config: managers,
      schema: {
        operationId: 'transitionProgramme',
        params: Id,
        body: TransitionSchema,
        response: { 200: ProgrammeSchema, ...errors },
      },
    },
    async (request) =>
      transitionProgramme(deps(), signedIn(request).id, request.params.id, request.body.to),
  );
};

export default fp(programmeRoutes, {
  name: 'tandem-programme-routes',
  dependencies: ['tandem-auth', 'tandem-orm', 'tandem-plugin-host'],
});
