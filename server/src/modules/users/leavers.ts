import type { EntityManager } from '@mikro-orm/postgresql';
import { endUserSessions } from '../../auth/session-service.js';
import { recordAudit } from '../audit/audit-log.js';
import { leaveProgrammes, type ProgrammesLeft } from '../enrolment/leave-programmes.js';
import type { MeetingDependencies } from '../meetings/meeting-notices.js';

/** Who said the person left: the LDAP sync, SCIM provisioning, or an admin. */
export type LeaverSource = 'ldap' | 'scim' | 'admin';

export interface Deactivation extends ProgrammesLeft {
  /** False when the person was deactivated already (the rest is finished all the same). */
  deactivated: boolean;
}

/**
 * A person left the organisation (removed or disabled in the directory, or deactivated by
 * SCIM): they can no longer sign in, their sessions end and their API tokens stop working,
 * and they leave every running programme. A pair they were in is dissolved discreetly — the
 * partner hears only that the tandem ends, meetings ahead are cancelled (calendars get a
 * CANCEL), and the partner is matched anew at once, whatever the programme's `rematchAtOnce`:
 * they did nothing to wait for. What stays of them is kept or erased by the retention rules
 * (RETENTION_LEAVER_DAYS). Deactivating again finishes what a failure left undone.
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
  const left = await leaveProgrammes(deps, userId, {
    reason: 'Left the organisation.',
    reasonCode: 'left-organisation',
    rematchAtOnce: true,
  });
  if (deactivated || left.enrolmentsWithdrawn > 0)
    await recordAudit(deps.em, {
      action: 'user.deactivated',
      targetType: 'user',
      targetId: userId,
      data: { source, ...left },
    });
  return { deactivated, ...left };
}

/**
 * The directory lists a leaver again: they may sign in. Their account comes back, not their
 * pairs or enrolments — those were dissolved and the partners have moved on.
 *
 * @returns whether the person was deactivated until now.
 */
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
