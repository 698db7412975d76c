import { IncomingMessage, type OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import helmet, { type HelmetOptions } from 'helmet';

export interface SecurityHeadersOptions {
  /** Origins forms may be sent to besides our own: the IdP, whose sign-out we redirect to. */
  formTargets: string[];
  /** Send HSTS: people reach Tandem over https. */
  https: boolean;
}

/** Answers about the caller (their data, their session); no browser or proxy may keep them. */
const PERSONAL_PATHS = /^\/(api|auth)(\/|\?|$)/;

/**
 * Security headers on every response. The Content-Security-Policy allows nothing from outside
 * the server and no inline script or style: agencies run Tandem on closed networks, and an
 * injected `<script>` must not run. No page may be framed (X-Frame-Options DENY for browsers
 * older than frame-ancestors). Every /api/ and /auth/ answer, errors included, is
 * `Cache-Control: no-store` unless its route chose otherwise (the API reference page).
 */
const securityHeaders: FastifyPluginAsync<SecurityHeadersOptions> = async (
  app,
  { formTargets, https },
) => {
  const headers = helmetHeaders({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'style-src': ["'self'"],
        'img-src': ["'self'", 'data:'],
        'font-src': ["'self'"],
        'connect-src': ["'self'"],
        'object-src': ["'none'"],
        'base-uri': ["'none'"],
        'frame-ancestors': ["'none'"],
        'form-action': ["'self'", ...formTargets],
        ...(https ? { 'upgrade-insecure-requests': [] } : {}),
      },
    },
    strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'same-origin' },
    frameguard: { action: 'deny' },
  });
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
  app.addHook('onSend', (request, reply, payload, done) => {
    if (PERSONAL_PATHS.test(request.url) && !reply.hasHeader('cache-control'))
      reply.header('cache-control', 'no-store');
    done(null, payload);
  });
};

/**
 * The headers helmet sets for these options, worked out once: they are the same for every
 * request, and making helmet's middleware anew for each one (as @fastify/helmet does, parsing
 * the policy every time) cost a signed-in request about 4 % of its time.
 */
function helmetHeaders(options: HelmetOptions): OutgoingHttpHeaders {
  const response = new ServerResponse(new IncomingMessage(new Socket()));
  helmet(options)(response.req, response, (error?: unknown) => {
    if (error) throw error;
  });
  return response.getHeaders();
}

export default fp(securityHeaders, { name: 'tandem-security-headers' });
