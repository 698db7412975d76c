import formbody from '@fastify/formbody';
import rateLimit from '@fastify/rate-limit';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import fp from 'fastify-plugin';
import { AuthFailure, BackchannelLogoutBody, LoginQuery } from './auth-schemas.js';
import { LoginError } from './login-error.js';
import { beginLogin, completeLogin } from './login-service.js';
import type { SignInSettings } from './login-settings.js';
import { backchannelLogout, signOut } from './logout-service.js';
import { postgresRateLimitStore } from './rate-limit-store.js';

export interface AuthRoutesOptions {
  /** Undefined when no IdP is configured: sign-in then answers 503. */
  login: SignInSettings | undefined;
  publicUrl: string;
  /** Requests per minute per client address on each route. */
  rateLimit: number;
}

const LOGIN_COOKIE_MAX_AGE_S = 10 * 60;
const failures = { response: { '4xx': AuthFailure, '5xx': AuthFailure } };

/** /auth/login, /auth/callback, /auth/logout and /auth/backchannel-logout. */
const authRoutes: FastifyPluginAsyncTypebox<AuthRoutesOptions> = async (
  app,
  { login, publicUrl, rateLimit: max },
) => {
  await app.register(formbody);
  // Sign-in is where state and tokens get probed; a person needs a handful of requests a minute.
  // The counters are in PostgreSQL, so the limit holds across all web processes together.
  await app.register(rateLimit, { global: false, store: postgresRateLimitStore(app.orm.em) });
  const anonymous = { access: 'anonymous' as const, rateLimit: { max, timeWindow: '1 minute' } };
  const cookies = app.cookieNames;

  app.get(
    '/auth/login',
    { config: anonymous, schema: { querystring: LoginQuery, ...failures } },
    async (request, reply) => {
      if (!login) return notConfigured(reply);
      const { returnTo, login_hint: loginHint } = request.query;
      try {
        const { attemptToken, authorizationUrl } = await beginLogin(app.orm.em, login, {
          returnTo,
          ...(loginHint ? { loginHint } : {}),
        });
        reply.setCookie(cookies.login, attemptToken, {
          ...app.cookieOptions,
          maxAge: LOGIN_COOKIE_MAX_AGE_S,
        });
        return reply.redirect(authorizationUrl.href, 303);
      } catch (error) {
        return refuse(reply, error);
      }
    },
  );

  app.get('/auth/callback', { config: anonymous, schema: failures }, async (request, reply) => {
    if (!login) return notConfigured(reply);
    reply.clearCookie(cookies.login, app.cookieOptions);
    const query = request.raw.url?.split('?')[1] ?? '';
    try {
      const { sessionToken, returnTo } = await completeLogin(app.orm.em, login, {
        attemptToken: request.cookies[cookies.login],
        query,
      });
      reply.setCookie(cookies.session, sessionToken, {
        ...app.cookieOptions,
        maxAge: Math.floor(login.maxAgeMs / 1000),
      });
      return reply.redirect(returnTo, 303);
    } catch (error) {
      return refuse(reply, error);
    }
  });

  app.post('/auth/logout', { config: anonymous }, async (request, reply) => {
    const next = await signOut(
      app.orm.em,
      request.cookies[cookies.session],
      login?.idp,
      `${publicUrl}/`,
    );
    reply.clearCookie(cookies.session, app.cookieOptions);
    return reply.redirect(next, 303);
  });

  app.post(
    '/auth/backchannel-logout',
    { config: anonymous, schema: { body: BackchannelLogoutBody } },
    async (request, reply) => {
      if (!login) return notConfigured(reply);
      if (await backchannelLogout(app.orm.em, login.idp, login.clientId, request.body.logout_token))
        return reply.code(200).send();
      return reply.code(400).send({
        error: 'invalid_request',
        error_description: 'The logout token was not accepted.',
      });
    },
  );

  /** Answers a refused sign-in with its reason (the service has audited it). */
  function refuse(reply: FastifyReply, error: unknown) {
    if (!(error instanceof LoginError)) throw error;
    reply.log.warn({ reason: error.reason, detail: error.detail }, 'sign-in refused');
    const { statusCode, message, reason } = error;
    return reply.code(statusCode).send({ statusCode, error: 'Sign-in failed', message, reason });
  }

  function notConfigured(reply: FastifyReply) {
    const message =
      'Sign-in is not configured: set OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET.';
    return reply.code(503).send({ statusCode: 503, error: 'Service Unavailable', message });
  }
};

export default fp(authRoutes, {
  name: 'tandem-auth-routes',
  dependencies: ['tandem-auth'],
  encapsulate: true,
});
