import type { EntityManager } from '@mikro-orm/postgresql';
import { ScimGroup } from '../scim/scim-group.js';
import { linkedUser, usernameIsFree } from './directory-link.js';
import { type RoleMapping, refreshedRoles, rolesFrom, type TandemRole } from './tandem-roles.js';
import { User } from './user.js';

/** Where the profile and roles are found in the ID token's claims. */
export interface ClaimMapping extends RoleMapping {
  roles: string;
  department: string;
  title: string;
  /** The claim with the name the directory knows the person by (`preferred_username`). */
  username: string;
}

export interface ProvisionedUser {
  user: User;
  created: boolean;
  /** Set when the user's Tandem roles differ from the last sign-in. */
  rolesChanged?: { before: string[]; after: string[] };
  /** The directory says this person left: nothing was refreshed, and they may not sign in. */
  deactivated?: true;
}

/**
 * Finds or creates the user for (issuer, sub) and refreshes the profile and roles from the
 * claims, keeping the roles granted in Tandem (web app, `tandem admin grant`). Never looks at
 * the email to find someone: addresses change and are reused. A person a directory created
 * before their first sign-in is found by their username claim instead, and keeps what the
 * directory says of them (name, email, department, title): the directory is their source.
 */
export async function provisionUser(
  em: EntityManager,
  issuer: string,
  claims: Record<string, unknown>,
  mapping: ClaimMapping,
): Promise<ProvisionedUser> {
  const subject = String(claims.sub);
  const username = text(claimAt(claims, mapping.username));
  const profile = {
    name:
      text(claims.name) ??
      ([text(claims.given_name), text(claims.family_name)].filter(Boolean).join(' ') || subject),
    email: text(claims.email) ?? null,
    department: text(claimAt(claims, mapping.department)) ?? null,
    title: text(claimAt(claims, mapping.title)) ?? null,
  };
  const signIn = { roles: claimedRoles(claims, mapping), lastLoginAt: new Date() };
  const existing =
    (await em.findOne(User, { issuer, subject })) ??
    (await linkedUser(em, issuer, subject, username));
  if (!existing) {
    const user = em.create(User, {
      issuer,
      subject,
      ...profile,
      ...signIn,
      username: username && (await usernameIsFree(em, issuer, username, null)) ? username : null,
    });
    await em.flush();
    return { user, created: true };
  }
  if (existing.deactivatedAt) return { user: existing, created: false, deactivated: true };
  const before = [...existing.roles];
  // A role granted in Tandem outlives the claims. Once SCIM provisions groups, the people it
  // provisions take their roles from them (scim-roles.ts).
  const rolesFromGroups =
    existing.directorySource === 'scim' && (await em.count(ScimGroup, {})) > 0;
  const roles = rolesFromGroups ? before : refreshedRoles(before, signIn.roles);
  em.assign(existing, { ...(existing.directorySource ? {} : profile), ...signIn, roles });
  if (!existing.username && username && (await usernameIsFree(em, issuer, username, existing.id)))
    existing.username = username;
  await em.flush();
  const changed = before.join() !== roles.join();
  return {
    user: existing,
    created: false,
    ...(changed ? { rolesChanged: { before, after: roles } } : {}),
  };
}

/** Tandem roles from the roles claim, a list of values or a single one. */
export function claimedRoles(
  claims: Record<string, unknown>,
  mapping: Pick<ClaimMapping, 'roles'> & RoleMapping,
): TandemRole[] {
  const value = claimAt(claims, mapping.roles);
  const values = Array.isArray(value)
    ? value.map(String)
    : typeof value === 'string'
      ? [value]
      : [];
  return rolesFrom(values, mapping);
}

/** A claim by name, or by dotted path into nested objects (`realm_access.roles`). */
export function claimAt(claims: Record<string, unknown>, path: string): unknown {
  if (path in claims) return claims[path];
  let value: unknown = claims;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}
