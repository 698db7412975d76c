import type { RouteOptions } from 'fastify';
import { ErrorSchema } from './error-schema.js';

/**
 * What each error status means, as the document's response descriptions. Tandem answers no
 * 422: a request that does not fit the schema and a value a service refuses are both 400,
 * told apart by `code` (docs/operators/api.md says why).
 */
export const ERROR_MEANINGS: Record<string, string> = {
  400: 'The request does not fit the schema (`code`: `validation`) or carries a NUL character, or a value is refused (`code` names the refusal).',
  401: 'Not signed in, or the API token is unknown, revoked or expired.',
  403: 'Signed in, but not allowed: a role or programme that is not yours, an API token outside its scopes or refused here, or a cross-site write.',
  404: 'Nothing with this id, or nothing you may see.',
  409: 'Refused in the current state of things: `code` names the refusal, `params` its values.',
  502: 'A plugin failed (`code`: `plugin-failed`); its message names the plugin.',
};

/**
 * The error answers a route can give whatever its handler does, from what the auth and
 * validation layers refuse (auth/auth-plugin.ts, error-handler.ts):
 * - 400 everywhere: input that does not fit the schema, a body that does not parse, and on
 *   any route a NUL character in the path or query (reject-nul.ts);
 * - 401 and 403 on every route that is not anonymous (a missing session or token; a role,
 *   programme or token scope that does not open it); 403 also for a cross-site write;
 * - 404 on `programme` and `programme-report` routes, whose programme a manager's request
 *   must name: the auth layer answers 404 when it does not exist.
 * Refusals only a service knows (most 404s, 409, 502) the route declares itself.
 */
export function errorAnswers(route: RouteOptions): Record<number, typeof ErrorSchema> {
  const method = Array.isArray(route.method) ? (route.method[0] ?? 'GET') : route.method;
  const access = route.config?.access ?? 'anonymous';
  const signedIn = access !== 'anonymous';
  const statuses = [
    400,
    signedIn ? 401 : 0,
    signedIn || !['GET', 'HEAD', 'OPTIONS'].includes(method) ? 403 : 0,
    access === 'programme' || access === 'programme-report' ? 404 : 0,
  ];
  return Object.fromEntries(
    statuses.filter((status) => status > 0).map((status) => [status, ErrorSchema]),
  );
}
