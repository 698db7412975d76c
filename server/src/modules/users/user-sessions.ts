import type { EntityManager } from '@mikro-orm/postgresql';
import { endUserSessions } from '../../auth/session-service.js';
import { recordAudit } from '../audit/audit-log.js';
import { User } from './user.js';

/**
 * An admin signs a person out everywhere (a lost laptop, a leaver). Returns how many sessions
 * ended, or undefined when there is no such person.
 */
export async function endAllSessionsOfUser(
  em: EntityManager,
  actorId: string,
  userId: string,
): Promise<number | undefined> {
  const user = await em.findOne(User, userId);
  if (!user) return undefined;
  const ended = await endUserSessions(em, user.id);
  await recordAudit(em, {
    action: 'user.sessions-ended',
    actorId,
    targetType: 'user',
    targetId: user.id,
    data: { ended },
  });
  return ended;
}
