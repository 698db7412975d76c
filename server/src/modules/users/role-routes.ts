import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import fp from 'fastify-plugin';
import { signedIn } from '../../auth/signed-in.js';
import { ErrorSchema } from '../../http/error-schema.js';
import { findStaff, setRoles } from './role-assignment.js';
import { PeopleQuerySchema, SetRolesSchema, StaffPersonSchema } from './role-schemas.js';

const UserParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

/** The admin's "People & roles" page: find a person, give or take Tandem roles. */
const roleRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const config = { access: 'admin', scope: 'sessions-only' } as const;
  app.get(
    '/api/admin/people',
    {
      config: { access: 'admin' },
      schema: {
        operationId: 'listStaff',
        querystring: PeopleQuerySchema,
        response: { 200: Type.Array(StaffPersonSchema) },
      },
    },
    async (request) => findStaff(app.orm.em, request.query.query),
  );
  app.put(
    '/api/admin/users/:id/roles',
    {
      config,
      schema: {
        operationId: 'setRoles',
        description: 'Audited. Roles are given in the web app only: API tokens cannot.',
        params: UserParams,
        body: SetRolesSchema,
        response: { 200: StaffPersonSchema, 404: ErrorSchema, 409: ErrorSchema },
      },
    },
    async (request) =>
      setRoles(app.orm.em, signedIn(request).id, request.params.id, request.body.roles),
  );
};

export default fp(roleRoutes, {
  name: 'tandem-role-routes',
  dependencies: ['tandem-auth', 'tandem-orm'],
});
