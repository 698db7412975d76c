import type { EntityManager } from '@mikro-orm/postgresql';
import { lockRows } from '../../db/lock-rows.js';
import { ServiceError } from '../../service-error.js';
import { recordAudit } from '../audit/audit-log.js';
import type { Enrolment } from '../enrolment/enrolment.js';
import { enrolmentNotice } from '../enrolment/enrolment-notices.js';
import { admitOrWaitlist, lockProgramme, waitlistPosition } from '../enrolment/waitlist.js';
import { notify } from '../notifications/notify.js';
import { organisationSettings } from '../organisation/organisation-settings.js';
import type { Programme } from '../programmes/programme.js';
import { programmeSettings } from '../programmes/programme-service.js';
import { User } from '../users/user.js';
import { approvalNotice } from './approval-notices.js';
import type { AdminApproval, AdminApprovalFilter, Approval } from './approval-schemas.js';
import { ManagerApproval } from './manager-approval.js';

const DAY_MS = 86_400_000;

/** Who answers: the manager asked, or an admin on the manager's behalf. */
export interface Answerer {
  userId: string;
  admin: boolean;
}

export type Decision = 'approve' | 'decline';

/**
 * Asks each person's line manager to approve their enrolment (now awaiting approval, its user
 * loaded), and tells the managers on their channels. Without a manager the directory knows (or
 * with one who left) a request waits for the admins, who see it as having no manager to ask.
 */
export async function requestApprovals(
  tx: EntityManager,
  enrolments: readonly Enrolment[],
  programme: Programme,
  now: Date,
  channels: ReadonlySet<string>,
): Promise<ManagerApproval[]> {
  if (enrolments.length === 0) return [];
  const managers = await managersOf(
    tx,
    enrolments.map((enrolment) => enrolment.user),
  );
  const days = programmeSettings(programme).approvalExpiryDays;
  const approvals = enrolments.map((enrolment) =>
    tx.create(ManagerApproval, {
      enrolment,
      manager: managers.get(enrolment.user.id) ?? null,
      expiresAt: new Date(now.getTime() + days * DAY_MS),
    }),
  );
  await tx.flush();
  if (managers.size === 0) return approvals;
  const { timeZone } = await organisationSettings(tx);
  const drafts = approvals.flatMap((approval) => {
    const person = approval.enrolment.user;
    const manager = managers.get(person.id);
    return manager ? [approvalNotice(approval, manager, person, programme, 'asked', timeZone)] : [];
  });
  await notify(tx, drafts, channels);
  return approvals;
}

/** Each person's line manager, by the person's id, when there is one still with the organisation. */
async function managersOf(tx: EntityManager, people: readonly User[]): Promise<Map<string, User>> {
  const ids = [...new Set(people.flatMap((person) => person.manager?.id ?? []))];
  const found = ids.length ? await tx.find(User, { id: { $in: ids } }) : [];
  const byId = new Map(found.map((manager) => [manager.id, manager]));
  const managers = new Map<string, User>();
  for (const person of people) {
    const manager = person.manager && byId.get(person.manager.id);
    if (manager && !manager.deactivatedAt && manager.id !== person.id)
      managers.set(person.id, manager);
  }
  return managers;
}

/** Marks the requests still waiting for `enrolment` as withdrawn: the person left. */
export async function withdrawApprovals(tx: EntityManager, enrolment: Enrolment, now: Date) {
  await tx.nativeUpdate(
    ManagerApproval,
    { enrolment, state: 'pending' },
    { state: 'withdrawn', answeredAt: now },
  );
}

/**
 * The manager (or an admin on their behalf) approves or declines. Approved, the person takes
 * part, or joins the waitlist when the programme is full; declined, their enrolment ends. The
 * person is told either way; the answer is audited.
 *
 * @throws ServiceError not-found for a request that is not the caller's to answer, conflict
 *   for one answered, withdrawn or run out already.
 */
export async function answerApproval(
  em: EntityManager,
  channels: ReadonlySet<string>,
  approvalId: string,
  by: Answerer,
  decision: Decision,
  now = new Date(),
): Promise<Approval> {
  const answered = await em.fork().transactional(async (tx) => {
    const found = await tx.findOne(ManagerApproval, approvalId, { populate: ['enrolment'] });
    if (!found || !(by.admin || found.manager?.id === by.userId))
      throw new ServiceError('not-found', 'No such request for approval.');
    // The programme first, as everything that takes or frees a place locks it: no deadlock.
    const programme = await lockProgramme(tx, found.enrolment.programme.id);
    const [approval] = await lockRows(tx, ManagerApproval, [approvalId]);
    if (!approval) throw new ServiceError('not-found', 'No such request for approval.');
    await tx.populate(approval, ['enrolment.user', 'manager']);
    refuseUnlessPending(approval, now);
    tx.assign(approval, {
      state: decision === 'approve' ? 'approved' : 'declined',
      answeredAt: now,
      answeredBy: by.userId,
    });
    const enrolment = approval.enrolment;
    if (decision === 'approve') await admitOrWaitlist(tx, enrolment, programme, now);
    else tx.assign(enrolment, { state: 'declined', withdrawnAt: now });
    await tx.flush();
    await notify(tx, [await outcomeNotice(tx, enrolment, programme)], channels);
    return { approval, programme };
  });
  await recordAudit(em, {
    action: decision === 'approve' ? 'enrolment.approved' : 'enrolment.declined',
    actorId: by.userId,
    targetType: 'user',
    targetId: answered.approval.enrolment.user.id,
    data: {
      programmeId: answered.programme.id,
      approvalId,
      onBehalfOfManager: by.admin && answered.approval.manager?.id !== by.userId,
    },
  });
  return approvalView(answered.approval, answered.programme);
}

function refuseUnlessPending(approval: ManagerApproval, now: Date) {
  const state =
    approval.state === 'pending' && approval.expiresAt <= now ? 'expired' : approval.state;
  if (state === 'pending') return;
  throw new ServiceError('conflict', `The request is ${state} already.`, 'approval.not-pending', {
    state,
  });
}

async function outcomeNotice(tx: EntityManager, enrolment: Enrolment, programme: Programme) {
  if (enrolment.state === 'declined') return enrolmentNotice(enrolment, programme, 'declined');
  if (enrolment.state === 'active') return enrolmentNotice(enrolment, programme, 'approved');
  const position = await waitlistPosition(tx, enrolment);
  return enrolmentNotice(enrolment, programme, 'approved-waitlisted', position);
}

/** The requests a manager is asked, waiting ones first, then the latest answered. */
export async function listMyApprovals(em: EntityManager, managerId: string): Promise<Approval[]> {
  const approvals = await em.fork().find(
    ManagerApproval,
    { manager: managerId },
    {
      populate: ['enrolment.user', 'enrolment.programme'],
      orderBy: { createdAt: 'desc' },
      limit: 200,
    },
  );
  const waiting = (a: ManagerApproval) => (a.state === 'pending' ? 0 : 1);
  return approvals
    .sort((a, b) => waiting(a) - waiting(b))
    .map((approval) => approvalView(approval, approval.enrolment.programme));
}

/** @throws ServiceError not-found unless the caller is the manager asked. */
export async function getMyApproval(
  em: EntityManager,
  managerId: string,
  approvalId: string,
): Promise<Approval> {
  const approval = await em
    .fork()
    .findOne(
      ManagerApproval,
      { id: approvalId, manager: managerId },
      { populate: ['enrolment.user', 'enrolment.programme'] },
    );
  if (!approval) throw new ServiceError('not-found', 'No such request for approval.');
  return approvalView(approval, approval.enrolment.programme);
}

/** A programme's requests for approval, for admins: waiting ones unless a state is asked. */
export async function listProgrammeApprovals(
  em: EntityManager,
  programmeId: string,
  filter: AdminApprovalFilter,
): Promise<AdminApproval[]> {
  const approvals = await em.fork().find(
    ManagerApproval,
    { enrolment: { programme: programmeId }, state: filter.state ?? 'pending' },
    {
      populate: ['enrolment.user', 'enrolment.programme', 'manager', 'answeredBy'],
      orderBy: { createdAt: 'asc' },
      limit: 1000,
    },
  );
  return approvals.map((approval) => ({
    ...approvalView(approval, approval.enrolment.programme),
    enrolmentId: approval.enrolment.id,
    manager: approval.manager?.name ?? null,
    answeredBy: approval.answeredBy?.name ?? null,
  }));
}

function approvalView(approval: ManagerApproval, programme: Programme): Approval {
  return {
    id: approval.id,
    state: approval.state,
    person: approval.enrolment.user.name,
    programme: { id: programme.id, name: programme.name },
    requestedAt: approval.createdAt.toISOString(),
    expiresAt: approval.expiresAt.toISOString(),
    answeredAt: approval.answeredAt?.toISOString() ?? null,
  };
}
