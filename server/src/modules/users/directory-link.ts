import { randomUUID } from 'node:crypto';

/**
 * The subject of a person a directory (LDAP sync, SCIM) created before their first sign-in: no
 * identity provider issues it, so nobody signs in as it.
 */
const UNLINKED = 'urn:tandem:unlinked:';

export function unlinkedSubject(): string {
  return `${UNLINKED}${randomUUID()}`;
}
