import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { DevIdp } from './dev-idp.js';

/**
 * Serves the development IdP under /dev-idp. Its own content-type parser leaves request
 * bodies unread, because oidc-provider reads them itself from the raw request.
 */
const devIdpRoutes: FastifyPluginAsync<{ idp: DevIdp }> = async (app, { idp }) => {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_request, _payload, done) => done(null));
  const forward = { config: { access: 'anonymous' as const } };
  const handler = async (request: FastifyRequest, reply: FastifyReply) => {
    reply.hijack();
    idp.handle(request.raw, reply.raw);
  };
  app.all('/dev-idp', forward, handler);
  app.all('/dev-idp/*', forward, handler);
};

export default fp(devIdpRoutes, {
  name: 'tandem-dev-idp',
  dependencies: ['tandem-auth'],
  encapsulate: true,
});
