import type { EntityManager } from '@mikro-orm/postgresql';
import { notify } from '../notifications/notify.js';
import { organisationSettings } from '../organisation/organisation-settings.js';
import { approvalNotice } from './approval-notices.js';
import { ManagerApproval } from './manager-approval.js';

/** Waiting requests past half their time, whose manager was not reminded yet. */
const DUE_SQL = `SELECT id FROM manager_approval
  WHERE state = 'pending' AND reminded_at IS NULL AND manager_id IS NOT NULL
    AND expires_at > ? AND created_at + (expires_at - created_at) / 2 <= ?`;

/**
 * Reminds each manager once, halfway through the time to answer, of a request still waiting
 * for them. A request reminded is marked, and the notification is keyed by the request, so a
 * second run (or two at once) reminds nobody twice.
 *
 * @returns how many managers were reminded.
 */
export async function remindApprovals(
  em: EntityManager,
  channels: ReadonlySet<string>,
  now: Date,
): Promise<number> {
  return em.fork().transactional(async (tx) => {
    const due = await tx.execute<{ id: string }[]>(DUE_SQL, [now, now]);
    if (due.length === 0) return 0;
    const approvals = await tx.find(
      ManagerApproval,
      { id: { $in: due.map((row) => row.id) } },
      { populate: ['manager', 'enrolment.user', 'enrolment.programme'] },
    );
    const { timeZone } = await organisationSettings(tx);
    const drafts = approvals.flatMap((approval) => {
      tx.assign(approval, { remindedAt: now });
      const { manager, enrolment } = approval;
      if (!manager) return [];
      return [
        approvalNotice(
          approval,
          manager,
          enrolment.user,
          enrolment.programme,
          'reminder',
          timeZone,
        ),
      ];
    });
    await tx.flush();
    return notify(tx, drafts, channels);
  });
}
