import helmet from '@fastify/helmet';
import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';

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
  await app.register(helmet, {
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
  app.addHook('onSend', async (request, reply) => {
    if (PERSONAL_PATHS.test(request.url) && !reply.hasHeader('cache-control'))
      reply.header('cache-control', 'no-store');
  });
};

export default fp(securityHeaders, { name: 'tandem-security-headers' });
