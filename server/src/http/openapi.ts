import swagger from '@fastify/swagger';
import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import { version } from '../version.js';

/**
 * The OpenAPI 3 document of the JSON API, built from the routes' own TypeBox schemas, at
 * GET /api/openapi.json. Register before any route: routes are collected as they are added.
 * Only /api/ routes are documented; sign-in pages and health probes are for browsers and
 * orchestrators, not for API clients.
 */
const openapi: FastifyPluginAsync<{ publicUrl: string }> = async (app, { publicUrl }) => {
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Tandem API',
        version,
        description:
          'Programmes, enrolment, pairs and plugins of a Tandem server. Every route needs a signed-in session unless it says otherwise.',
      },
      servers: [{ url: publicUrl }],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: app.cookieNames.session },
        },
      },
      security: [{ session: [] }],
    },
    transform: ({ schema, url }) => ({
      schema: url.startsWith('/api/') ? schema : { ...schema, hide: true },
      url,
    }),
  });
  app.get(
    '/api/openapi.json',
    { config: { access: 'anonymous' }, schema: { hide: true } },
    async () => app.swagger(),
  );
};

export default fp(openapi, { name: 'tandem-openapi', dependencies: ['tandem-auth'] });
