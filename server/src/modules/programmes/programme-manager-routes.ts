import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import fp from 'fastify-plugin';
import { signedIn } from '../../auth/signed-in.js';
import { ErrorSchema } from '../../http/error-schema.js';
import { ManagerSchema, SetManagersSchema } from './programme-manager-schemas.js';
import { listProgrammeManagers, setProgrammeManagers } from './programme-managers.js';

const Id = Type.Object({ id: Type.String({ format: 'uuid' }) });
/** Who manages a programme: its managers and admins read it, only admins change it. */
const programmeManagerRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/admin/programmes/:id/managers',
    {
      config: { access: 'programme' },
      schema: {
        operationId: 'listProgrammeManagers',
        params: Id,
        response: { 200: Type.Array(ManagerSchema), 404: ErrorSchema },
      },
    },
    async (request) => listProgrammeManagers(app.orm.em, request.params.id),
  );
  app.put(
    '/api/admin/programmes/:id/managers',
    {
      config: { access: 'admin', scope: 'sessions-only' },
      schema: {
        operationId: 'setProgrammeManagers',
        description: 'Audited. Everyone named must hold the programme-manager role.',
        params: Id,
        body: SetManagersSchema,
        response: { 200: Type.Array(ManagerSchema), 400: ErrorSchema, 404: ErrorSchema },
      },
    },
    async (request) =>
      setProgrammeManagers(
        app.orm.em,
        signedIn(request).id,
        request.params.id,
        request.body.userIds,
      ),
  );
};

export default fp(programmeManagerRoutes, {
  name: 'tandem-programme-manager-routes',
  dependencies: ['tandem-auth', 'tandem-orm'],
});
