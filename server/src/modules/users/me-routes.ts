import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import fp from 'fastify-plugin';
import { signedIn } from '../../auth/signed-in.js';
import { ErrorSchema } from '../../http/error-schema.js';
import { activeChannels } from '../notifications/active-channels.js';
import { channelAddressProblem } from '../notifications/channel-address-problem.js';
import { readPreferences, savePreferences } from './preferences.js';
import { PreferencesSchema } from './preferences-schema.js';
import { tandemRoles } from './tandem-roles.js';
import { Me } from './user-schemas.js';

/** The signed-in person (or 401) and their preferences. */
const meRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/me',
    {
      config: { access: 'participant' },
      schema: { operationId: 'getMe', response: { 200: Me } },
    },
    async (request) => {
      const { id, name, email, department, title, roles } = signedIn(request);
      return {
        id,
        name,
        email: email ?? null,
        department: department ?? null,
        title: title ?? null,
        roles: tandemRoles(roles),
      };
    },
  );
  app.get(
    '/api/me/preferences',
    {
      config: { access: 'participant' },
      schema: { operationId: 'getPreferences', response: { 200: PreferencesSchema } },
    },
    async (request) => readPreferences(app.orm.em, signedIn(request).id),
  );
  app.put(
    '/api/me/preferences',
    {
      config: { access: 'participant' },
      schema: {
        operationId: 'savePreferences',
        body: PreferencesSchema,
        response: { 200: PreferencesSchema, 400: ErrorSchema },
      },
    },
    async (request) =>
      savePreferences(
        app.orm.em,
        signedIn(request).id,
        request.body,
        activeChannels(app.plugins),
        channelAddressProblem(app.plugins, app.log),
      ),
  );
};

export default fp(meRoutes, {
  name: 'tandem-me-routes',
  dependencies: ['tandem-auth', 'tandem-orm', 'tandem-plugin-host'],
});
