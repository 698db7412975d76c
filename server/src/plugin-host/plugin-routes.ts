import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import fp from 'fastify-plugin';
import { PluginStatusSchema } from './plugin-schemas.js';

/** GET /api/admin/plugins: every configured plugin with its status. */
const pluginRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/admin/plugins',
    {
      config: { access: 'admin' },
      schema: { operationId: 'listPlugins', response: { 200: Type.Array(PluginStatusSchema) } },
    },
    async () => [...app.plugins.statuses],
  );
};

export default fp(pluginRoutes, {
  name: 'tandem-plugin-routes',
  dependencies: ['tandem-auth', 'tandem-plugin-host'],
});
