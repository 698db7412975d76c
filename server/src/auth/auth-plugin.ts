import cookie from '@fastify/cookie';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { recordAudit } from '../modules/audit/audit-log.js';
import { managesProgramme, programmeOf } from '../modules/programmes/programme-managers.js';
import { SCIM_CONTENT_TYPE } from '../modules/scim/scim-content-type.js';
import { scimErrorBody } from '../modules/scim/scim-error.js';
import type { User } from '../modules/users/user.js';
import { type Access, needsRole, roleAccess } from './access.js';
import { type ApiScope, requiredScope } from './api-scope.js';
import { resolveApiToken } from './api-token-service.js';
import type { PersonalRead, ReadAs } from './personal-read.js';
import {
  readInSession,
  resumeSession,
  type SessionLifetimes,
  type SessionPerson,
} from './session-service.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route registered, with the access it declared: `GET /api/me` → `participant`. */
    routeAccess: Map<string, Access | undefined>;
    /** Cookie names, `__Host-` prefixed when PUBLIC_URL is https. */
    cookieNames: { session: string; login: string };
    /** Options for Tandem's cookies: HttpOnly, SameSite=Lax, Secure over https. */
    cookieOptions: { path: '/'; httpOnly: true; sameSite: 'lax'; secure: boolean };
  }
  interface FastifyRequest {
    /**
     * The signed-in person, resolved from the session cookie or API token; undefined when
     * anonymous, and on a `sessionInRead` route, whose reads resolve the session themselves.
     */
    user: User | undefined;
    /** The person of the request's session cookie, resolved by the access hook. */
    sessionPerson: SessionPerson | undefined;
    /** {@link user} once known: set by an API token, or mapped from {@link sessionPerson}. */
    knownUser: User | undefined;
    /** The scopes of the API token the request came with; undefined for a session or nobody. */
    apiScopes: ApiScope[] | undefined;
    /** Set when only the programme-manager role opens the route: its programme must be theirs. */
    programmeScoped: boolean;
    /**
     * On a route with `config.sessionInRead`, a cookie's session is resolved by the route's own
     * statement: this runs it (see personalReads in ./signed-in.ts); undefined elsewhere.
     */
    sessionReads: ReadAs | undefined;
  }
  interface FastifyContextConfig {
    /**
     * The route resolves the session in its own statement (a personal read), so a signed-in
     * request takes one round trip: for the participant overview, asked for on every visit.
     * Only for GET routes open to every participant, whose access needs nothing but the user.
     */
    sessionInRead?: true;
  }
}

export interface AuthPluginOptions extends SessionLifetimes {
  publicUrl: string;
  secureCookies: boolean;
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Sessions, access levels and cross-site protection, in one hook that every request passes:
 * resolve the session cookie, refuse cross-site writes, then enforce the route's access.
 */
const authPlugin: FastifyPluginAsync<AuthPluginOptions> = async (app, options) => {
  await app.register(cookie);
  const prefix = options.secureCookies ? '__Host-' : '';
  app.decorate('cookieNames', {
    session: `${prefix}tandem-session`,
    login: `${prefix}tandem-login`,
  });
  app.decorate('cookieOptions', {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: options.secureCookies,
  } as const);
  app.decorateRequest('sessionPerson', undefined);
  app.decorateRequest('knownUser', undefined);
  // The session's User entity is mapped when a route first asks for it (see SessionPerson).
  app.decorateRequest('user', {
    getter(this: FastifyRequest) {
      if (this.knownUser === undefined && this.sessionPerson)
        this.knownUser = this.sessionPerson.entity();
      return this.knownUser;
    },
    setter(this: FastifyRequest, user: User | undefined) {
      this.knownUser = user;
      this.sessionPerson = undefined;
    },
  });
  app.decorateRequest('apiScopes', undefined);
  app.decorateRequest('programmeScoped', false);
  app.decorateRequest('sessionReads', undefined);

  const routeAccess = new Map<string, Access | undefined>();
  app.decorate('routeAccess', routeAccess);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) routeAccess.set(`${method} ${route.url}`, route.config?.access);
    if (!route.config?.access) {
      throw new Error(
        `Route ${methods.join(',')} ${route.url} declares no access: set config.access`,
      );
    }
    const reads = methods.every((method) => method === 'GET' || method === 'HEAD');
    if (route.config.sessionInRead && (route.config.access !== 'participant' || !reads)) {
      throw new Error(
        `Route ${methods.join(',')} ${route.url}: only GET routes with participant access may resolve the session in their read`,
      );
    }
  });

  const origin = new URL(options.publicUrl).origin;
  app.addHook('onRequest', async (request, reply) => {
    const bearer = bearerToken(request);
    if (bearer !== undefined) return enforceToken(request, reply, bearer);
    if (request.routeOptions.config.sessionInRead) return deferSession(request, reply, options);
    await resolveSession(request, options).catch((error: unknown) => {
      // While the database is down, a readiness probe that carries a session cookie must still
      // answer 503, not fail on the lookup: anonymous routes go on without a session.
      if (request.routeOptions.config.access !== 'anonymous') throw error;
      request.log.warn({ err: error }, 'session not resolved');
    });
    if (UNSAFE_METHODS.has(request.method) && isCrossSite(request, origin)) {
      await auditRefusal(request, 'auth.cross-site-refused');
      return deny(reply, 403, 'Cross-site requests may not change anything here.');
    }
    return enforce(request, reply, request.routeOptions.config.access);
  });
  // After validation, so that the route's `:id` is a well-formed id to look up.
  app.addHook('preHandler', async (request, reply) => {
    if (request.programmeScoped) return enforceProgramme(request, reply);
  });
};

/** The token of an `Authorization: Bearer …` header, if the request has one. */
function bearerToken(request: FastifyRequest): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
  return match?.[1];
}

/**
 * A request with an API token acts as the token's owner within its scopes; a cookie beside it
 * is ignored. No cross-site check: a browser never adds this header by itself, so there is no
 * ambient credential to abuse.
 */
async function enforceToken(request: FastifyRequest, reply: FastifyReply, token: string) {
  const { access, scope } = request.routeOptions.config;
  if (access === undefined || access === 'anonymous') return;
  const bearer = await resolveApiToken(request.server.orm.em, token);
  if (!bearer) return deny(reply, 401, 'This API token is unknown, revoked or expired.');
  request.user = bearer.user;
  request.apiScopes = bearer.scopes;
  // A SCIM token sits in an identity provider's configuration: it provisions people, nothing else.
  if (access !== 'scim' && bearer.scopes.includes('scim')) {
    return deny(reply, 403, 'A token with the scope scim opens only the SCIM routes (/scim/v2).');
  }
  const needed = requiredScope(request.method, access, scope);
  if (!needed) return deny(reply, 403, 'API tokens cannot be used here; please sign in.');
  if (!bearer.scopes.includes(needed)) {
    return deny(reply, 403, `This API token lacks the scope ${needed}.`);
  }
}

async function resolveSession(request: FastifyRequest, lifetimes: SessionLifetimes): Promise<void> {
  const token = request.cookies[request.server.cookieNames.session];
  if (token) request.sessionPerson = await resumeSession(request.server.orm.em, token, lifetimes);
}

/**
 * Leaves the session to the route's statement: a request without a session cookie is refused
 * here, as it would be by {@link enforce}; one with a cookie that resolves to no live session is
 * refused when the route reads (signed-in.ts). No cross-site check: the route only reads.
 */
function deferSession(request: FastifyRequest, reply: FastifyReply, lifetimes: SessionLifetimes) {
  const token = request.cookies[request.server.cookieNames.session];
  if (!token) return deny(reply, 401, 'Please sign in.');
  request.sessionReads = async <Row extends object>(read: PersonalRead) => {
    const answer = await readInSession<Row>(request.server.orm.em, token, lifetimes, read);
    if (!answer) throw Object.assign(new Error('Please sign in.'), { statusCode: 401 });
    return answer;
  };
}

/**
 * A write is cross-site when the browser says it comes from another origin: Origin first,
 * Referer when there is no Origin. Requests with neither come from non-browser clients (an
 * IdP's back-channel logout, scripts), which carry no ambient cookies to abuse.
 */
function isCrossSite(request: FastifyRequest, origin: string): boolean {
  const source = request.headers.origin ?? request.headers.referer;
  if (source === undefined) return false;
  return !URL.canParse(source) || new URL(source).origin !== origin;
}

async function enforce(request: FastifyRequest, reply: FastifyReply, access: Access | undefined) {
  // Only Fastify's 404 handler has no access: it reveals nothing.
  if (access === undefined || access === 'anonymous') return;
  const person = request.sessionPerson;
  if (access === 'scim') {
    if (!person) return deny(reply, 401, 'SCIM needs an API token with the scope scim.');
    return deny(reply, 403, 'SCIM needs an API token with the scope scim, not a session.');
  }
  if (!person) return deny(reply, 401, 'Please sign in.');
  if (!needsRole(access)) return;
  const verdict = roleAccess(access, person.roles);
  if (verdict === 'no') {
    await auditRefusal(request, 'auth.admin-denied');
    return deny(
      reply,
      403,
      access === 'admin' ? 'This needs the admin role.' : 'Your roles in Tandem do not open this.',
    );
  }
  request.programmeScoped = verdict === 'if-assigned';
}

/**
 * A programme manager reaches only the programmes assigned to them: the route's `:id` names the
 * programme, or something in it (`config.programmeOf`). Something that does not exist is not
 * found, as it would be for an admin.
 */
async function enforceProgramme(request: FastifyRequest, reply: FastifyReply) {
  const { em } = request.server.orm;
  const id = (request.params as { id?: string }).id;
  const programmeId =
    id && (await programmeOf(em, request.routeOptions.config.programmeOf ?? 'programme', id));
  if (!programmeId) return deny(reply, 404, 'Not found.');
  if (await managesProgramme(em, signedInUser(request), programmeId)) return;
  await auditRefusal(request, 'auth.programme-denied');
  return deny(reply, 403, 'This programme is not assigned to you.');
}

function signedInUser(request: FastifyRequest): User {
  if (!request.user) throw new Error('a programme-scoped request without a user');
  return request.user;
}

/** A signed-in person reaching for admin routes, or a forged write: security events. */
function auditRefusal(request: FastifyRequest, action: string): Promise<void> {
  return recordAudit(request.server.orm.em, {
    action,
    ...(request.user ? { actorId: request.user.id } : {}),
    data: { method: request.method, route: request.routeOptions.url ?? request.url },
  });
}

const ERRORS = { 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found' } as const;

/** Refuses the request; SCIM clients get a SCIM error body, which their logs show. */
function deny(reply: FastifyReply, statusCode: keyof typeof ERRORS, message: string) {
  if (reply.request.routeOptions.config.access === 'scim')
    return reply.code(statusCode).type(SCIM_CONTENT_TYPE).send(scimErrorBody(statusCode, message));
  return reply.code(statusCode).send({ statusCode, error: ERRORS[statusCode], message });
}

export default fp(authPlugin, { name: 'tandem-auth', dependencies: ['tandem-orm'] });
