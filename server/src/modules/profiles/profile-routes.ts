import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import fp from 'fastify-plugin';
import { signedIn } from '../../auth/signed-in.js';
import { ErrorSchema } from '../../http/error-schema.js';
import { ProfileSchema } from './profile-schema.js';
import { findPeople, getProfile, saveProfile } from './profile-service.js';

const Person = Type.Object({
  id: Type.String({ format: 'uuid' }),
  name: Type.String(),
  department: Type.Union([Type.String(), Type.Null()]),
});

/** A person's own profile, reused for every programme they join, and the people search. */
const profileRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/me/profile',
    {
      config: { access: 'participant' },
      schema: { operationId: 'getMyProfile', response: { 200: ProfileSchema } },
    },
    async (request) => getProfile(app.orm.em, signedIn(request).id),
  );
  app.put(
    '/api/me/profile',
    {
      config: { access: 'participant' },
      schema: {
        operationId: 'saveMyProfile',
        body: ProfileSchema,
        response: { 200: ProfileSchema, 400: ErrorSchema },
      },
    },
    async (request) => saveProfile(app.orm.em, signedIn(request).id, request.body),
  );
  app.get(
    '/api/people',
    {
      config: { access: 'participant' },
      schema: {
        operationId: 'findPeople',
        querystring: Type.Object(
          // PostgreSQL text cannot hold U+0000: refused here rather than failing the query.
          { query: Type.String({ minLength: 2, maxLength: 100, pattern: '^[^\\u0000]*$' }) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Array(Person) },
      },
    },
    async (request) => findPeople(app.orm.em, request.query.query),
  );
};

export default fp(profileRoutes, {
  name: 'tandem-profile-routes',
  dependencies: ['tandem-auth', 'tandem-orm'],
});
