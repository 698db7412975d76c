import type { EntityManager } from '@mikro-orm/postgresql';
import { recordAudit } from '../audit/audit-log.js';
import { GRANTED_ADMIN } from '../users/admin-grant.js';
import { User } from '../users/user.js';
import { type ClaimMapping, rolesFrom } from '../users/user-provisioning.js';
import { ScimGroupMember } from './scim-group-member.js';

/**
 * Gives people provisioned over SCIM the Tandem roles of their groups: each group's
 * displayName and externalId (the IdP's object id, which is what Entra ID puts in the groups
 * claim) are read as values of the roles claim, so the role values configured for sign-in
 * (OIDC_ADMIN_ROLES …) name the groups. For a SCIM-managed person the groups decide alone —
 * sign-in leaves their roles be — and an admin role granted with `tandem admin grant` survives.
 */
export async function refreshScimRoles(
  em: EntityManager,
  userIds: Iterable<string>,
  mapping: ClaimMapping,
): Promise<void> {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return;
  const fork = em.fork();
  const people = await fork.find(User, { id: { $in: ids }, directorySource: 'scim' });
  const memberships = await fork.find(
    ScimGroupMember,
    { user: { $in: ids } },
    { populate: ['group'] },
  );
  const changes: { user: User; before: string[]; after: string[] }[] = [];
  for (const user of people) {
    const groups = memberships
      .filter((membership) => membership.user.id === user.id)
      .flatMap(({ group }) => [group.displayName, ...(group.externalId ? [group.externalId] : [])]);
    const after = withGrants(user.roles, rolesFrom({ groups }, { ...mapping, roles: 'groups' }));
    if (after.join() === user.roles.join()) continue;
    changes.push({ user, before: [...user.roles], after });
    user.roles = after;
  }
  await fork.flush();
  for (const { user, before, after } of changes)
    await recordAudit(em, {
      action: 'user.roles-changed',
      targetType: 'user',
      targetId: user.id,
      data: { before, after, via: 'scim' },
    });
}

/** The roles of the groups, plus an operator's grant, which only `tandem admin revoke` takes. */
function withGrants(before: string[], fromGroups: string[]): string[] {
  if (!before.includes(GRANTED_ADMIN)) return fromGroups;
  return [...new Set([...fromGroups, 'admin', GRANTED_ADMIN])];
}
