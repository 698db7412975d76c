import type { EntityManager } from '@mikro-orm/postgresql';
import { endUserSessions } from '../../auth/session-service.js';
import { recordAudit } from '../audit/audit-log.js';
import type { MeetingDependencies } from '../meetings/meeting-notices.js';

/** Who said the person left: the LDAP sync, SCIM provisioning, or an admin. */
export type LeaverSource = 'ldap' | 'scim' | 'admin';

export interface Deactivation {
  /** False when the person was deactivated already. */
  deactivated: boolean;
  pairsDissolved: number;
  enrolmentsWithdrawn: number;
}

/**
 * A person left the organisation: they can no longer sign in and their sessions end.
 * (Stand-in until the lead's leavers.ts, which also dissolves their pairs, is merged.)
 */
export async function deactivatePerson(
  deps: MeetingDependencies,
  userId: string,
  source: LeaverSource,
): Promise<Deactivation> {
  const now = deps.now();
  const rows = await deps.em.execute<{ id: string }[]>(
    `UPDATE app_user SET deactivated_at = ?, updated_at = ?
      WHERE id = ? AND deactivated_at IS NULL RETURNING id`,
    [now, now, userId],
  );
  const deactivated = rows.length > 0;
  await endUserSessions(deps.em.fork(), userId);
  if (deactivated)
    await recordAudit(deps.em, {
      action: 'user.deactivated',
      targetType: 'user',
      targetId: userId,
      data: { source },
    });
  return { deactivated, pairsDissolved: 0, enrolmentsWithdrawn: 0 };
}

/** The directory lists a leaver again: they may sign in. */
export async function reactivatePerson(
  em: EntityManager,
  userId: string,
  source: LeaverSource,
): Promise<boolean> {
  const rows = await em.execute<{ id: string }[]>(
    `UPDATE app_user SET deactivated_at = NULL, updated_at = now()
      WHERE id = ? AND deactivated_at IS NOT NULL RETURNING id`,
    [userId],
  );
  if (rows.length === 0) return false;
  await recordAudit(em, {
    action: 'user.reactivated',
    targetType: 'user',
    targetId: userId,
    data: { source },
  });
  return true;
}
