import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type {} from '../auth/auth-plugin.js';

export interface RequestLogOptions {
  /** Every answered request at info (production); elsewhere only what needs a look. */
  everyRequest: boolean;
}

/**
 * One log line per answered request (instead of Fastify's two), at a level that says whether
 * someone should look: 5xx is an error, another 4xx is info, and a 401 to a browser that sent
 * no credentials is debug, since that is how the signed-out app learns nobody is signed in.
 * Successful requests are info in production and debug elsewhere, where a page load's dozens
 * of assets would bury the lines that matter. (Health probes log only warnings: their routes'
 * logLevel.)
 */
const requestLog: FastifyPluginAsync<RequestLogOptions> = async (app, { everyRequest }) => {
  app.addHook('onResponse', async (request, reply) => {
    const { statusCode } = reply;
    const level =
      statusCode >= 500
        ? 'error'
        : statusCode === 401 && !sentCredentials(request)
          ? 'debug'
          : statusCode >= 400 || everyRequest
            ? 'info'
            : 'debug';
    request.log[level](
      { statusCode, responseTime: Math.round(reply.elapsedTime) },
      `${request.method} ${request.url}`,
    );
  });
};

/** A session cookie or an Authorization header: someone meant to be signed in. */
function sentCredentials(request: FastifyRequest): boolean {
  if (request.headers.authorization) return true;
  const session = request.server.cookieNames?.session;
  return Boolean(session && request.cookies?.[session]);
}

export default fp(requestLog, { name: 'tandem-request-log' });
