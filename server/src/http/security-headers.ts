import helmet from '@fastify/helmet';
import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';

export interface SecurityHeadersOptions {
  /** Origins forms may be sent to besides our own: the IdP, whose sign-out we redirect to. */
  formTargets: string[];
  /** Send HSTS: people reach Tandem over https. */
  https: boolean;
}

/**
 * Security headers on every response. The Content-Security-Policy allows nothing from outside
 * the server and no inline script or style: agencies run Tandem on closed networks, and an
 * injected `<script>` must not run.
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
  });
};

export default fp(securityHeaders, { name: 'tandem-security-headers' });
