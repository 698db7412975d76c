import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type {} from '../db/orm-plugin.js';
import type {} from '../plugin-host/plugin-host-plugin.js';
import { addDatabaseGauges, knownLabels } from './database-gauges.js';
import type { Metrics } from './metrics.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The process's metrics, served by the management server (never by this one). */
    metrics: Metrics;
  }
}

export interface HttpMetricsPluginOptions {
  metrics: Metrics;
}

/** Methods named as they are; anything else as OTHER, so a client cannot invent label values. */
const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/**
 * Times every request of the public server into `tandem_http_request_duration_seconds`. The
 * route is the pattern (`/api/programmes/:id`), never the URL, and a request that matched no
 * route counts as `unmatched`, so the series stay as few as the routes.
 */
const httpMetricsPlugin: FastifyPluginAsync<HttpMetricsPluginOptions> = async (app, options) => {
  const { metrics } = options;
  app.decorate('metrics', metrics);
  const known = knownLabels(() => app.plugins);
  addDatabaseGauges(metrics, app.orm, app.log.child({ component: 'metrics' }), known);
  app.addHook('onResponse', async (request: FastifyRequest, reply: FastifyReply) => {
    metrics.httpRequestDuration.observe(
      {
        method: METHODS.has(request.method) ? request.method : 'OTHER',
        route: request.routeOptions.url ?? 'unmatched',
        status_class: `${Math.floor(reply.statusCode / 100)}xx`,
      },
      reply.elapsedTime / 1000,
    );
  });
};

export default fp(httpMetricsPlugin, {
  name: 'tandem-metrics',
  fastify: '5.x',
  dependencies: ['tandem-orm'],
});
