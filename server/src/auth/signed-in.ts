import type { FastifyRequest } from 'fastify';
import type { User } from '../modules/users/user.js';

/**
 * The signed-in user of a route that declared `participant` or `admin` access. The access hook
 * has already answered 401 for anonymous callers, so this only narrows the type; it throws if a
 * route declared `anonymous` and calls it anyway.
 */
export function signedIn(request: FastifyRequest): User {
  if (!request.user) throw Object.assign(new Error('Please sign in.'), { statusCode: 401 });
  return request.user;
}
