import type { EntityManager } from '@mikro-orm/postgresql';
import { lockRows } from '../../db/lock-rows.js';
import { ServiceError } from '../../service-error.js';
import { recordAudit } from '../audit/audit-log.js';
import { Enrolment } from '../enrolment/enrolment.js';
import { Programme } from '../programmes/programme.js';
import { myLunch } from './lunch-round-view.js';
import type { MyLunch } from './lunch-schemas.js';
import { LunchSkip } from './lunch-skip.js';

const NOT_LUNCH = 'This programme has no lunch rounds.';

/**
 * "Skip this round": the participant sits out the next round of a running lunch programme (as
 * Donut does). Their current group, if any, stays as it is. Locks the programme first, as the
 * round's drawing does, so the skip lands either before the draw (and counts) or after it (and
 * counts for the round after). Asked again while pending, it is refused.
 *
 * @throws ServiceError not-found (not enrolled, not a lunch programme), conflict.
 */
export async function skipNextLunchRound(
  em: EntityManager,
  userId: string,
  programmeId: string,
  now: Date,
): Promise<MyLunch> {
  const enrolmentId = await em.fork().transactional(async (tx) => {
    const enrolment = await lockedEnrolment(tx, userId, programmeId);
    if (enrolment.programme.state !== 'running')
      throw new ServiceError('conflict', 'Lunch rounds are drawn only while the programme runs.');
    if (await tx.count(LunchSkip, { enrolment, round: null }))
      throw new ServiceError('conflict', 'You already sit out the next round.');
    tx.create(LunchSkip, { enrolment });
    await tx.flush();
    return enrolment.id;
  });
  await recordAudit(em, {
    action: 'lunch.round-skipped',
    actorId: userId,
    targetType: 'enrolment',
    targetId: enrolmentId,
    data: { programmeId },
  });
  return myLunch(em.fork(), userId, programmeId, now);
}

/**
 * Undoes "skip this round", possible until the round is drawn: then the skip belongs to it.
 *
 * @throws ServiceError not-found, or conflict when there is no pending skip (any more).
 */
export async function undoLunchSkip(
  em: EntityManager,
  userId: string,
  programmeId: string,
  now: Date,
): Promise<MyLunch> {
  const enrolmentId = await em.fork().transactional(async (tx) => {
    const enrolment = await lockedEnrolment(tx, userId, programmeId);
    const pending = await tx.find(LunchSkip, { enrolment, round: null });
    if (pending.length === 0)
      throw new ServiceError(
        'conflict',
        'You do not sit out the next round, or it has been drawn already.',
      );
    for (const skip of pending) tx.remove(skip);
    await tx.flush();
    return enrolment.id;
  });
  await recordAudit(em, {
    action: 'lunch.skip-undone',
    actorId: userId,
    targetType: 'enrolment',
    targetId: enrolmentId,
    data: { programmeId },
  });
  return myLunch(em.fork(), userId, programmeId, now);
}

/** The person's active enrolment in the lunch programme, its programme row locked first. */
async function lockedEnrolment(tx: EntityManager, userId: string, programmeId: string) {
  const [programme] = await lockRows(tx, Programme, [programmeId]);
  if (programme?.kind !== 'peer-lunch') throw new ServiceError('not-found', NOT_LUNCH);
  const enrolment = await tx.findOne(Enrolment, { programme, user: userId, state: 'active' });
  if (!enrolment) throw new ServiceError('not-found', NOT_LUNCH);
  return enrolment;
}
