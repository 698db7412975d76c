import type { FastifyRequest } from 'fastify';
import type { User } from '../modules/users/user.js';
import { type ReadAs, readAsUser } from './personal-read.js';

/**
 * The signed-in user of a route that declared `participant` or `admin` access. The access hook
 * has already answered 401 for anonymous callers, so this only narrows the type; it throws if a
 * route declared `anonymous` and calls it anyway.
 */
export function signedIn(request: FastifyRequest): User {
  if (!request.user) throw Object.assign(new Error('Please sign in.'), { statusCode: 401 });
  return request.user;
}

/**
 * Personal reads for the signed-in user of a participant route: on a route with
 * `config.sessionInRead` and a session cookie, each read resolves the session in its own
 * statement and answers 401 when it has ended; otherwise the user is known already (an API
 * token, or the session resolved by the access hook).
 */
export function personalReads(request: FastifyRequest): ReadAs {
  return request.sessionReads ?? readAsUser(request.server.orm.em, signedIn(request));
}
