import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';

export interface WebAppOptions {
  /** The built web app: index.html, assets/ and a few files beside them. */
  root: string;
}

/** Paths the server answers itself; an unknown one there is a 404, never the app. */
const SERVER_PATHS = /^\/(api|auth|dev-idp|health|metrics|ws|assets)(\/|$)/;
/** The API reference is a page of the app, for browsers; API clients read /api/openapi.json. */
const API_DOCS_PAGE = /^\/api\/docs\/?(\?|$)/;

/**
 * Serves the web app from the server itself (agencies run Tandem on closed networks: nothing
 * comes from a CDN). Hashed files under /assets/ are cached for a year; index.html is never
 * cached, so a new version reaches everyone on their next visit. Any other page address
 * (`/tandem`, `/admin/programmes/…`) gets index.html and the app's router takes over.
 */
const webApp: FastifyPluginAsync<WebAppOptions> = async (app, { root }) => {
  const anonymous = { access: 'anonymous' } as const;
  if (!existsSync(join(root, 'index.html'))) {
    app.log.warn({ root }, 'web app not built: run `pnpm build` to serve it');
    app.get('/', { config: anonymous }, async (_request, reply) =>
      reply
        .type('text/plain; charset=utf-8')
        .send('Tandem is running, but its web app is not built. Run `pnpm build`.'),
    );
    return;
  }
  await app.register(fastifyStatic, { root, serve: false });
  app.get('/assets/*', { config: anonymous }, async (request, reply) =>
    reply.sendFile(`assets/${(request.params as { '*': string })['*']}`, {
      immutable: true,
      maxAge: '365d',
    }),
  );
  app.get('/favicon.svg', { config: anonymous }, async (_request, reply) =>
    reply.sendFile('favicon.svg', { maxAge: '1d' }),
  );
  app.get('/*', { config: anonymous }, async (request, reply) => sendApp(request, reply));
  app.get('/', { config: anonymous }, async (request, reply) => sendApp(request, reply));
};

async function sendApp(request: FastifyRequest, reply: FastifyReply) {
  if (SERVER_PATHS.test(request.url) && !isApiDocsPage(request)) return reply.callNotFound();
  return reply.header('cache-control', 'no-cache').sendFile('index.html', { cacheControl: false });
}

function isApiDocsPage(request: FastifyRequest): boolean {
  return API_DOCS_PAGE.test(request.url) && (request.headers.accept ?? '').includes('text/html');
}

export default fp(webApp, { name: 'tandem-web-app' });
