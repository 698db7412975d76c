import { type Access, needsRole } from './access.js';

/**
 * What a personal API token may do. Tokens (only admins have them) work on the routes that need
 * a Tandem role (admin, programme and report routes) only, and only within their
 * scopes: `read` opens every admin GET route, `enrolments:write` the routes that enrol people
 * on their behalf (what an HR system automates). A route names the scope it needs in
 * `config.scope`; an admin GET route needs `read` unless it says otherwise, and any other
 * admin route is closed to tokens unless it names a scope. `sessions-only` closes a route to
 * tokens altogether (managing the tokens themselves). `scim` opens the SCIM provisioning routes
 * (access `scim`) and nothing else, whatever other scopes the token has: the identity
 * provider holding it reads and writes people, not programmes.
 */
export const API_SCOPES = ['read', 'enrolments:write', 'scim'] as const;
export type ApiScope = (typeof API_SCOPES)[number];

export type RouteScope = ApiScope | 'sessions-only';

declare module 'fastify' {
  interface FastifyContextConfig {
    scope?: RouteScope;
  }
}

/** The scope a token needs for a route, or undefined when no token may call it. */
export function requiredScope(
  method: string,
  access: Access | undefined,
  scope: RouteScope | undefined,
): ApiScope | undefined {
  if (access === 'scim') return 'scim';
  if (!needsRole(access) || scope === 'sessions-only') return undefined;
  if (scope) return scope;
  return method === 'GET' || method === 'HEAD' ? 'read' : undefined;
}
