import type { EntityManager } from '@mikro-orm/postgresql';
import { recordAudit } from '../audit/audit-log.js';
import { type RoleMapping, refreshedRoles, rolesFrom } from '../users/tandem-roles.js';
import { User } from '../users/user.js';
import { ScimGroupMember } from './scim-group-member.js';

/**
 * Gives people provisioned over SCIM the Tandem roles of their groups: each group's
 * displayName and externalId (the IdP's object id, which is what Entra ID puts in the groups
 * claim) are read as values of the roles claim, so the role values configured for sign-in
 * (OIDC_ADMIN_ROLES …) name the groups. For a SCIM-managed person the groups decide alone —
 * sign-in leaves their roles be — and a role granted in Tandem (the web app, `tandem admin
 * grant`) survives.
 */
export async function refreshScimRoles(
  em: EntityManager,
  userIds: Iterable<string>,
  mapping: RoleMapping,
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
    const after = refreshedRoles(user.roles, rolesFrom(groups, mapping));
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
