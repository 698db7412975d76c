import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { User } from './user.js';

/**
 * The subject of a person a directory (LDAP sync, SCIM) created before their first sign-in: no
 * identity provider issues it, so nobody signs in as it; the first sign-in whose username claim
 * names them takes the row over (see `linkedUser`).
 */
const UNLINKED = 'urn:tandem:unlinked:';

export function unlinkedSubject(): string {
  return `${UNLINKED}${randomUUID()}`;
}

export function isUnlinked(user: Pick<User, 'subject'>): boolean {
  return user.subject.startsWith(UNLINKED);
}

/**
 * The person a directory created under `username` who has not signed in yet, now given the
 * identity provider's subject; undefined when there is none. The username is compared without
 * case, as directories do (`JDoe` and `jdoe` are one account in Active Directory).
 */
export async function linkedUser(
  em: EntityManager,
  issuer: string,
  subject: string,
  username: string | undefined,
): Promise<User | undefined> {
  if (!username) return undefined;
  const [row] = await em.execute<{ id: string }[]>(
    `SELECT id FROM app_user
      WHERE issuer = ? AND lower(username) = lower(?) AND subject LIKE ?
      FOR UPDATE`,
    [issuer, username, `${UNLINKED}%`],
  );
  if (!row) return undefined;
  const user = await em.findOneOrFail(User, row.id);
  user.subject = subject;
  return user;
}

/**
 * Whether `username` is free in the issuer for `userId`: a person known from sign-in only takes
 * their username claim as their username, so that a later directory sync finds them, unless
 * someone else holds it already.
 */
export async function usernameIsFree(
  em: EntityManager,
  issuer: string,
  username: string,
  userId: string | null,
): Promise<boolean> {
  const [taken] = await em.execute<{ id: string }[]>(
    `SELECT id FROM app_user
      WHERE issuer = ? AND lower(username) = lower(?) AND id IS DISTINCT FROM ?::uuid`,
    [issuer, username, userId],
  );
  return !taken;
}
