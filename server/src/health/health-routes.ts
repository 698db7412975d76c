import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import fp from 'fastify-plugin';
import { LiveResponse, ReadyResponse } from './health-schemas.js';
import { readinessProbe } from './readiness.js';

/**
 * `/health/live`: the process is up (restart it if not). `/health/ready`: it can serve
 * (send it traffic if so): the database answers and migrations are applied.
 */
const healthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const probe = readinessProbe(app.orm);

  app.get(
    '/health/live',
    {
      config: { access: 'anonymous' },
      schema: { response: { 200: LiveResponse } },
      logLevel: 'warn',
    },
    async () => ({
      status: 'ok' as const,
    }),
  );

  app.get(
    '/health/ready',
    {
      config: { access: 'anonymous' },
      schema: { response: { 200: ReadyResponse, 503: ReadyResponse } },
      logLevel: 'warn',
    },
    async (_request, reply) => {
      const { ready, checks } = await probe();
      return reply.code(ready ? 200 : 503).send({
        status: ready ? 'ready' : 'not-ready',
        checks,
        plugins: [...app.plugins.statuses],
      });
    },
  );
};

export default fp(healthRoutes, {
  name: 'tandem-health',
  dependencies: ['tandem-orm', 'tandem-plugin-host'],
});
