import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import fp from 'fastify-plugin';
import { signedIn } from '../../auth/signed-in.js';
import { ErrorSchema } from '../../http/error-schema.js';
import { CreateSkillSchema, SkillSchema, UpdateSkillSchema } from './skill-schemas.js';
import { createSkill, listSkills, updateSkill } from './skill-service.js';

/** The skill taxonomy: everyone reads the active skills; admins edit it. */
const skillRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/skills',
    {
      config: { access: 'participant' },
      schema: { operationId: 'listSkills', response: { 200: Type.Array(SkillSchema) } },
    },
    async () => listSkills(app.orm.em),
  );
  app.get(
    '/api/admin/skills',
    {
      config: { access: 'admin' },
      schema: { operationId: 'listAllSkills', response: { 200: Type.Array(SkillSchema) } },
    },
    async () => listSkills(app.orm.em, { includeArchived: true }),
  );
  app.post(
    '/api/admin/skills',
    {
      config: { access: 'admin' },
      schema: {
        operationId: 'createSkill',
        body: CreateSkillSchema,
        response: { 201: SkillSchema, 400: ErrorSchema, 409: ErrorSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createSkill(app.orm.em, signedIn(request).id, request.body)),
  );
  app.patch(
    '/api/admin/skills/:key',
    {
      config: { access: 'admin' },
      schema: {
        operationId: 'updateSkill',
        params: Type.Object({ key: Type.String() }),
        body: UpdateSkillSchema,
        response: { 200: SkillSchema, 400: ErrorSchema, 404: ErrorSchema },
      },
    },
    async (request) =>
      updateSkill(app.orm.em, signedIn(request).id, request.params.key, request.body),
  );
};

export default fp(skillRoutes, {
  name: 'tandem-skill-routes',
  dependencies: ['tandem-auth', 'tandem-orm'],
});
