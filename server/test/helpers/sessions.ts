import type { FastifyInstance } from 'fastify';
import { startSession } from '../../src/auth/session-service.js';
import { User } from '../../src/modules/users/user.js';

/**
 * A signed-in person without going through an IdP: for tests about what happens after
 * sign-in (auth-flow.test.ts covers the sign-in itself). Returns the cookie to send.
 */
export async function signedInAs(
  app: FastifyInstance,
  person: { subject: string; name: string; roles?: string[]; department?: string; title?: string },
): Promise<{ userId: string; cookies: Record<string, string> }> {
  const em = app.orm.em.fork();
  const user = em.create(User, {
    issuer: 'https://idp.test',
    subject: person.subject,
    name: person.name,
    roles: person.roles ?? [],
    department: person.department ?? null,
    title: person.title ?? null,
  });
  const token = await startSession(em, user, { maxAgeMs: 3_600_000 });
  return { userId: user.id, cookies: { [app.cookieNames.session]: token } };
}

/** A session for someone already in the database, e.g. made by a fixture. */
export async function sessionFor(
  app: FastifyInstance,
  userId: string,
): Promise<{ cookies: Record<string, string> }> {
  const em = app.orm.em.fork();
  const user = await em.findOneOrFail(User, userId);
  const token = await startSession(em, user, { maxAgeMs: 3_600_000 });
  return { cookies: { [app.cookieNames.session]: token } };
}
