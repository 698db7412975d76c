import type { EntityManager } from '@mikro-orm/postgresql';
import { ServiceError } from '../../service-error.js';
import { recordAudit } from '../audit/audit-log.js';
import { grantedMarker } from './tandem-roles.js';
import { User } from './user.js';

/**
 * Marks an admin role given by an operator rather than by the identity provider's roles claim:
 * sign-in keeps it (see provisionUser), and only a revoke takes it away.
 */
export const GRANTED_ADMIN = grantedMarker('admin');

export interface AdminChange {
  user: Pick<User, 'id' | 'name' | 'email' | 'subject'>;
  /** False when the person already was (or was not) an admin as asked. */
  changed: boolean;
  /** Admin still through the identity provider's roles claim after a revoke. */
  adminByClaim: boolean;
}

/**
 * Gives a person the admin role, or takes it away, audited as an operator's action. The person
 * is named by email (case-insensitive) or by their subject at the identity provider.
 *
 * @throws ServiceError not-found for nobody, conflict when the email belongs to several people.
 */
export async function setAdmin(
  em: EntityManager,
  who: string,
  admin: boolean,
  via: string,
): Promise<AdminChange> {
  const fork = em.fork();
  const user = await findPerson(fork, who);
  const before = [...user.roles];
  const claimed = before.includes('admin') && !before.includes(GRANTED_ADMIN);
  const roles = admin
    ? [...new Set([...before, 'admin', GRANTED_ADMIN])]
    : before.filter((role) => role !== 'admin' && role !== GRANTED_ADMIN);
  const changed = roles.join() !== before.join();
  if (changed) {
    fork.assign(user, { roles });
    await fork.flush();
    await recordAudit(em, {
      action: admin ? 'user.admin-granted' : 'user.admin-revoked',
      targetType: 'user',
      targetId: user.id,
      data: { via, before, after: roles },
    });
  }
  return { user, changed, adminByClaim: !admin && claimed };
}

async function findPerson(em: EntityManager, who: string): Promise<User> {
  const where = who.includes('@')
    ? { email: { $ilike: who.replace(/[\\%_]/g, (c) => `\\${c}`) } }
    : { subject: who };
  const people = await em.find(User, where, { limit: 2 });
  if (people.length > 1)
    throw new ServiceError(
      'conflict',
      `More than one person has ${who}; name them by their subject at the identity provider.`,
    );
  const [person] = people;
  if (!person) throw new ServiceError('not-found', `Nobody known to Tandem has ${who}.`);
  return person;
}
