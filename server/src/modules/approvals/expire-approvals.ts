import type { EntityManager } from '@mikro-orm/postgresql';
import { lockRows } from '../../db/lock-rows.js';
import { enrolmentNotice } from '../enrolment/enrolment-notices.js';
import { notify } from '../notifications/notify.js';
import { Programme } from '../programmes/programme.js';
import { ManagerApproval } from './manager-approval.js';

/**
 * Ends the requests nobody answered in time: the request and its enrolment expire, and the
 * person is told, so that they may talk to their manager and enrol anew. Answering refuses an
 * expired request already; this makes it visible. The programmes and then the requests are
 * locked and read again, so an answer at the same moment wins or loses as a whole.
 *
 * @returns how many requests expired.
 */
export async function expireApprovals(
  em: EntityManager,
  channels: ReadonlySet<string>,
  now: Date,
): Promise<number> {
  return em.fork().transactional(async (tx) => {
    const due = await tx.find(
      ManagerApproval,
      { state: 'pending', expiresAt: { $lte: now } },
      { populate: ['enrolment'] },
    );
    if (due.length === 0) return 0;
    const programmeIds = [...new Set(due.map((approval) => approval.enrolment.programme.id))];
    await lockRows(tx, Programme, programmeIds);
    await lockRows(
      tx,
      ManagerApproval,
      due.map((approval) => approval.id),
    );
    const expired = await tx.find(
      ManagerApproval,
      { id: { $in: due.map((approval) => approval.id) }, state: 'pending' },
      { populate: ['enrolment.user', 'enrolment.programme'], refresh: true },
    );
    for (const approval of expired) {
      tx.assign(approval, { state: 'expired', answeredAt: now });
      if (approval.enrolment.state === 'awaiting-approval')
        tx.assign(approval.enrolment, { state: 'expired', withdrawnAt: now });
    }
    await tx.flush();
    await notify(
      tx,
      expired.map((approval) =>
        enrolmentNotice(approval.enrolment, approval.enrolment.programme, 'expired'),
      ),
      channels,
    );
    return expired.length;
  });
}
