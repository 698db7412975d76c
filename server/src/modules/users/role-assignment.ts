import type { EntityManager } from '@mikro-orm/postgresql';
import { ServiceError } from '../../service-error.js';
import { recordAudit } from '../audit/audit-log.js';
import type { StaffPerson } from './role-schemas.js';
import { grantedMarker, TANDEM_ROLES, type TandemRole, tandemRoles } from './tandem-roles.js';
import { User } from './user.js';

const PAGE = 50;

/**
 * People as the "People & roles" page lists them: those whose name or email holds the query,
 * or, without one, everyone who holds a Tandem role.
 */
export async function findStaff(
  em: EntityManager,
  query: string | undefined,
): Promise<StaffPerson[]> {
  const fork = em.fork();
  const where = query
    ? {
        $or: [{ name: { $ilike: like(query) } }, { email: { $ilike: like(query) } }],
      }
    : { roles: { $overlap: [...TANDEM_ROLES] } };
  const people = await fork.find(User, where, { orderBy: { name: 'asc', id: 'asc' }, limit: PAGE });
  return people.map(staffView);
}

/**
 * Sets the Tandem roles a person holds, audited. A role given here is marked as granted in
 * Tandem, so that sign-in keeps it; a role taken away goes now, and one the identity provider
 * gives comes back at the person's next sign-in. An admin cannot take their own admin role:
 * someone else must, so that Tandem never ends up without an admin by a slip.
 *
 * @throws ServiceError not-found for nobody, conflict for one's own admin role.
 */
export async function setRoles(
  em: EntityManager,
  actorId: string,
  userId: string,
  wanted: TandemRole[],
): Promise<StaffPerson> {
  const fork = em.fork();
  const user = await fork.findOne(User, userId);
  if (!user) throw new ServiceError('not-found', 'No such person.');
  if (userId === actorId && user.roles.includes('admin') && !wanted.includes('admin'))
    throw new ServiceError(
      'conflict',
      'You cannot take your own admin role; ask another admin.',
      'own-admin-role',
    );
  const before = [...user.roles];
  const others = before.filter((role) => !isRoleOrMarker(role));
  const roles = [...others, ...wanted, ...wanted.map(grantedMarker)];
  if ([...roles].sort().join() === [...before].sort().join()) return staffView(user);
  fork.assign(user, { roles });
  await fork.flush();
  await recordAudit(em, {
    action: 'user.roles-assigned',
    actorId,
    targetType: 'user',
    targetId: user.id,
    data: { before: tandemRoles(before), after: tandemRoles(roles) },
  });
  return staffView(user);
}

function isRoleOrMarker(value: string): boolean {
  return TANDEM_ROLES.some((role) => value === role || value === grantedMarker(role));
}

function staffView(user: User): StaffPerson {
  return {
    id: user.id,
    name: user.name,
    email: user.email ?? null,
    department: user.department ?? null,
    roles: tandemRoles(user.roles),
    granted: TANDEM_ROLES.filter((role) => user.roles.includes(grantedMarker(role))),
  };
}

function like(query: string): string {
  return `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
