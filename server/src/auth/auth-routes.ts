import formbody from '@fastify/formbody';
import rateLimit from '@fastify/rate-limit';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import * as oidc from 'openid-client';
import { recordAudit } from '../modules/audit/audit-log.js';
import { AuthFailure, BackchannelLogoutBody, LoginQuery } from './auth-schemas.js';
import { LoginError } from './login-error.js';
import { beginLogin, completeLogin, type LoginSettings } from './login-service.js';
import { verifyLogoutToken } from './logout-token.js';
import { safeReturnTo } from './return-to.js';
import { endSession, endSessionsOf } from './session-service.js';

export interface AuthRoutesOptions {
  /** Undefined when no IdP is configured: sign-in then answers 503. */
  login: (LoginSettings & { clientId: string }) | undefined;
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
  await app.register(rateLimit, { global: false });
  const anonymous = { access: 'anonymous' as const, rateLimit: { max, timeWindow: '1 minute' } };
  const cookies = app.cookieNames;
  const em = () => app.orm.em;

  app.get(
    '/auth/login',
    { config: anonymous, schema: { querystring: LoginQuery, ...failures } },
    async (request, reply) => {
      if (!login) return notConfigured(reply);
      try {
        const { attemptToken, authorizationUrl } = await beginLogin(em(), login, {
          returnTo: safeReturnTo(request.query.returnTo),
          ...(request.query.login_hint ? { loginHint: request.query.login_hint } : {}),
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

  app.get('/auth/callback', { config: anonymous, schema: failures }, async (request, reply) => {
    if (!login) return notConfigured(reply);
    reply.clearCookie(cookies.login, app.cookieOptions);
    try {
      const query = request.raw.url?.split('?')[1] ?? '';
      const result = await completeLogin(em(), login, {
        attemptToken: request.cookies[cookies.login],
        query,
      });
      const about = { actorId: result.user.id, targetType: 'user', targetId: result.user.id };
      if (result.created) await recordAudit(em(), { ...about, action: 'user.created' });
      if (result.rolesChanged)
        await recordAudit(em(), {
          ...about,
          action: 'user.roles-changed',
          data: result.rolesChanged,
        });
      await recordAudit(em(), { ...about, action: 'auth.login' });
      reply.setCookie(cookies.session, result.sessionToken, {
        ...app.cookieOptions,
        maxAge: Math.floor(login.maxAgeMs / 1000),
      });
      return reply.redirect(result.returnTo, 303);
    } catch (error) {
      return refuse(request, reply, error);
    }
  });

  app.post('/auth/logout', { config: anonymous }, async (request, reply) => {
    const token = request.cookies[cookies.session];
    const ended = token ? await endSession(em(), token) : undefined;
    reply.clearCookie(cookies.session, app.cookieOptions);
    if (!ended) return reply.redirect('/', 303);
    const userId = ended.user.id;
    await recordAudit(em(), {
      action: 'auth.logout',
      actorId: userId,
      targetType: 'user',
      targetId: userId,
    });
    return reply.redirect(await endSessionUrl(ended.idToken ?? undefined), 303);
  });

  app.post(
    '/auth/backchannel-logout',
    { config: anonymous, schema: { body: BackchannelLogoutBody } },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      if (!login) return notConfigured(reply);
      try {
        const target = await verifyLogoutToken(
          login.idp,
          login.clientId,
          request.body.logout_token,
        );
        const ended = await endSessionsOf(em(), login.idp.userIssuer, target);
        await recordAudit(em(), {
          action: 'auth.backchannel-logout',
          data: { ...target, sessionsEnded: ended },
        });
        return reply.code(200).send();
      } catch (error) {
        const detail = error instanceof Error ? error.message : String(error);
        await recordAudit(em(), { action: 'auth.backchannel-logout-rejected', data: { detail } });
        return reply.code(400).send({
          error: 'invalid_request',
          error_description: 'The logout token was not accepted.',
        });
      }
    },
  );

  /** Answers a refused sign-in with its reason, after writing it to the audit log. */
  async function refuse(request: FastifyRequest, reply: FastifyReply, error: unknown) {
    if (!(error instanceof LoginError)) throw error;
    request.log.warn({ reason: error.reason, detail: error.detail }, 'sign-in refused');
    await recordAudit(em(), {
      action: 'auth.login-failed',
      data: { reason: error.reason, detail: error.detail },
    });
    const { statusCode, message, reason } = error;
    return reply.code(statusCode).send({ statusCode, error: 'Sign-in failed', message, reason });
  }

  function notConfigured(reply: FastifyReply) {
    const message =
      'Sign-in is not configured: set OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET.';
    return reply.code(503).send({ statusCode: 503, error: 'Service Unavailable', message });
  }

  /** The IdP's end-session URL when it has one, so the person is signed out there too. */
  async function endSessionUrl(idToken: string | undefined): Promise<string> {
    if (!login) return '/';
    try {
      const configuration = await login.idp.configuration();
      if (!configuration.serverMetadata().end_session_endpoint) return '/';
      const parameters = {
        post_logout_redirect_uri: `${publicUrl}/`,
        ...(idToken ? { id_token_hint: idToken } : {}),
      };
      return oidc.buildEndSessionUrl(configuration, parameters).href;
    } catch {
      return '/';
    }
  }
};

export default fp(authRoutes, {
  name: 'tandem-auth-routes',
  dependencies: ['tandem-auth'],
  encapsulate: true,
});
