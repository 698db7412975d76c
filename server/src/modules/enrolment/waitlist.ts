import type { EntityManager } from '@mikro-orm/postgresql';
import { lockRows } from '../../db/lock-rows.js';
import { ServiceError } from '../../service-error.js';
import { notify } from '../notifications/notify.js';
import { Programme } from '../programmes/programme.js';
import { programmeSettings } from '../programmes/programme-service.js';
import { Enrolment } from './enrolment.js';
import { enrolmentNotice } from './enrolment-notices.js';

/**
 * Locks the programme's row until the transaction of `tx` ends. Every change that takes or
 * frees a place (admitting, withdrawing, answering an approval, moving up) locks it first, so
 * that two of them at once cannot both see the last free place.
 */
/** @throws ServiceError not-found for a programme that does not exist. */
export async function lockProgramme(tx: EntityManager, programmeId: string): Promise<Programme> {
  const [programme] = await lockRows(tx, Programme, [programmeId]);
  if (!programme) throw new ServiceError('not-found', 'No such programme.');
  return programme;
}

/**
 * Lets in an enrolment that may take part now (approved, or needing no approval): active while
 * the programme has a free place, else at the end of its waitlist. Needs the programme locked
 * ({@link lockProgramme}).
 */
export async function admitOrWaitlist(
  tx: EntityManager,
  enrolment: Enrolment,
  programme: Programme,
  now: Date,
): Promise<void> {
  await admitInOrder(tx, [enrolment], programme, now);
  await tx.flush();
}

/**
 * Lets in enrolments that may take part now, first come first served: active while the
 * programme has free places, the rest at the end of its waitlist. Sets their state, which the
 * next flush saves. Needs the programme locked ({@link lockProgramme}).
 */
export async function admitInOrder(
  tx: EntityManager,
  enrolments: readonly Enrolment[],
  programme: Programme,
  now: Date,
): Promise<void> {
  let free = await freePlaces(tx, programme, enrolments);
  for (const enrolment of enrolments) {
    if (free > 0) tx.assign(enrolment, { state: 'active', waitlistedAt: null });
    else tx.assign(enrolment, { state: 'waitlisted', waitlistedAt: now });
    free--;
  }
}

/**
 * Moves the first on the waitlist up, one after the other, while the programme has room, and
 * tells each of them. Needs the programme locked ({@link lockProgramme}).
 *
 * @returns who moved up.
 */
export async function moveUpWaitlist(
  tx: EntityManager,
  programme: Programme,
  channels: ReadonlySet<string>,
): Promise<Enrolment[]> {
  const moved: Enrolment[] = [];
  while (await hasRoom(tx, programme)) {
    const next = await tx.findOne(
      Enrolment,
      { programme, state: 'waitlisted' },
      { orderBy: { waitlistedAt: 'asc', id: 'asc' }, populate: ['user'] },
    );
    if (!next) break;
    tx.assign(next, { state: 'active', waitlistedAt: null });
    await tx.flush();
    moved.push(next);
  }
  await notify(
    tx,
    moved.map((enrolment) => enrolmentNotice(enrolment, programme, 'moved-up')),
    channels,
  );
  return moved;
}

/** Where a waitlisted enrolment stands: 1 for the next to move up. */
export async function waitlistPosition(em: EntityManager, enrolment: Enrolment): Promise<number> {
  const [row] = await em.execute<{ position: string }[]>(WAITLIST_POSITION_SQL, [enrolment.id]);
  return Number(row?.position ?? 1);
}

const WAITLIST_POSITION_SQL = `SELECT count(*) + 1 AS position FROM enrolment w JOIN enrolment e ON e.id = ?
  WHERE w.programme_id = e.programme_id AND w.state = 'waitlisted'
    AND (w.waitlisted_at, w.id) < (e.waitlisted_at, e.id)`;

/** Whether the programme has a place free for one more. */
async function hasRoom(tx: EntityManager, programme: Programme): Promise<boolean> {
  return (await freePlaces(tx, programme, [])) > 0;
}

/** Places the programme has free, not counting `candidates` themselves (Infinity without a cap). */
async function freePlaces(
  tx: EntityManager,
  programme: Programme,
  candidates: readonly Enrolment[],
): Promise<number> {
  const { capacity } = programmeSettings(programme);
  if (capacity === null) return Number.POSITIVE_INFINITY;
  // Saved first, so that they have their ids and are not counted (a new one is saved active).
  await tx.flush();
  const others = candidates.length ? { id: { $nin: candidates.map((c) => c.id) } } : {};
  return capacity - (await tx.count(Enrolment, { programme, state: 'active', ...others }));
}
