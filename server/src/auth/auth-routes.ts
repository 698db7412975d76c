import formbody from '@fastify/formbody';
import rateLimit from '@fastify/rate-limit';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { PLAIN_PAGE_CSS, pageLanguage } from '../http/plain-page.js';
import { AuthFailure, BackchannelLogoutBody, LoginQuery } from './auth-schemas.js';
import { LoginError } from './login-error.js';
import { beginLogin, completeLogin } from './login-service.js';
import type { SignInSettings } from './login-settings.js';
import { backchannelLogout, signOut } from './logout-service.js';
import { postgresRateLimitStore } from './rate-limit-store.js';
import { signInAddress } from './sign-in-address.js';
import { AUTH_PAGE_CSS_PATH, renderSignInFailurePage } from './sign-in-failure-page.js';

export interface AuthRoutesOptions {
  /** Undefined when no IdP is configured: sign-in then answers 503. */
  login: SignInSettings | undefined;
  publicUrl: string;
  /** Requests per minute per client address on each route. */
  rateLimit: number;
}

const LOGIN_COOKIE_MAX_AGE_S = 10 * 60;
const notConfiguredFailure = { response: { '503': AuthFailure } };

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
  let warnedAboutHost = false;

  app.get(
    '/auth/login',
    { config: anonymous, schema: { querystring: LoginQuery, ...notConfiguredFailure } },
    async (request, reply) => {
      if (!login) return notConfigured(reply);
      // The login cookie must be set on the host the IdP sends the browser back to.
      const address = signInAddress(request, publicUrl);
      if (address.redirect) return reply.redirect(address.redirect, 303);
      if (address.mismatch && !warnedAboutHost) {
        warnedAboutHost = true;
        request.log.warn(
          { host: request.host, publicUrl },
          'sign-in requests arrive for another host than PUBLIC_URL even after a redirect to it: a proxy in front rewrites the Host header (pass it on, or set TRUST_PROXY for X-Forwarded-Host)',
        );
      }
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
        return refuse(request, reply, error);
      }
    },
  );

  app.get(
    AUTH_PAGE_CSS_PATH,
    { config: { access: 'anonymous' as const } },
    async (_request, reply) =>
      reply
        .type('text/css; charset=utf-8')
        .header('cache-control', 'public, max-age=3600')
        .send(PLAIN_PAGE_CSS),
  );

  app.get(
    '/auth/callback',
    { config: anonymous, schema: notConfiguredFailure },
    async (request, reply) => {
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
        return refuse(request, reply, error);
      }
    },
  );

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

  /**
   * Answers a refused sign-in (the service has audited it) with a page in the person's language
   * and a fresh start: /auth/login and /auth/callback are where a browser is, never a script.
   */
  function refuse(request: FastifyRequest, reply: FastifyReply, error: unknown) {
    if (!(error instanceof LoginError)) throw error;
    reply.log.warn({ reason: error.reason, detail: error.detail }, 'sign-in refused');
    const language = pageLanguage(request.headers['accept-language']);
    return reply
      .code(error.statusCode)
      .type('text/html; charset=utf-8')
      .header('content-language', language)
      .send(renderSignInFailurePage(error.reason, language, error.returnTo));
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
