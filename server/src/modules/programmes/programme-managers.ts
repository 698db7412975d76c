import type { EntityManager } from '@mikro-orm/postgresql';
import type { Static } from '@sinclair/typebox';
import { ServiceError } from '../../service-error.js';
import { recordAudit } from '../audit/audit-log.js';
import { Match } from '../matching/match.js';
import { MatchForbid } from '../matching/match-forbid.js';
import { MatchingRun } from '../matching/matching-run.js';
import { Delivery } from '../notifications/delivery.js';
import { hasRole } from '../users/tandem-roles.js';
import { User } from '../users/user.js';
import { Programme } from './programme.js';
import { ProgrammeManager } from './programme-manager.js';
import type { ManagerSchema } from './programme-manager-schemas.js';

/** What a route's `:id` names, on the way to its programme. */
export type ProgrammeOwned = 'programme' | 'match' | 'forbid' | 'matching-run' | 'delivery';

const OWNED = { match: Match, forbid: MatchForbid, 'matching-run': MatchingRun } as const;

/** The programme an object belongs to; undefined when there is no such object. */
export async function programmeOf(
  em: EntityManager,
  kind: ProgrammeOwned,
  id: string,
): Promise<string | undefined> {
  const fork = em.fork();
  if (kind === 'programme') return (await fork.findOne(Programme, id, { fields: ['id'] }))?.id;
  if (kind === 'delivery') {
    // A delivery of a notification about no programme (an account matter) is the admins'.
    const delivery = await fork.findOne(Delivery, id, { populate: ['notification'] });
    return delivery?.notification.programme?.id;
  }
  const found = await fork.findOne(OWNED[kind] as typeof Match, id, { fields: ['programme'] });
  return found?.programme.id;
}

/** Whether the person manages the programme: assigned to it, and holding the role. */
export async function managesProgramme(
  em: EntityManager,
  user: User,
  programmeId: string,
): Promise<boolean> {
  if (!hasRole(user, 'programme-manager')) return false;
  return (await em.fork().count(ProgrammeManager, { programme: programmeId, user: user.id })) > 0;
}

/** The ids of the programmes assigned to a person. */
export async function managedProgrammeIds(em: EntityManager, userId: string): Promise<string[]> {
  const rows = await em.fork().find(ProgrammeManager, { user: userId }, { fields: ['programme'] });
  return rows.map((row) => row.programme.id);
}

export type ManagerView = Static<typeof ManagerSchema>;

/** Who manages a programme, by name. */
export async function listProgrammeManagers(
  em: EntityManager,
  programmeId: string,
): Promise<ManagerView[]> {
  const fork = em.fork();
  if (!(await fork.findOne(Programme, programmeId, { fields: ['id'] })))
    throw new ServiceError('not-found', 'No such programme.');
  const rows = await fork.find(
    ProgrammeManager,
    { programme: programmeId },
    { populate: ['user'], orderBy: { user: { name: 'asc' } } },
  );
  return rows.map(({ user }) => ({
    id: user.id,
    name: user.name,
    email: user.email ?? null,
    active: hasRole(user, 'programme-manager'),
  }));
}

/**
 * Sets who manages a programme, audited as one change. Everyone named must hold the
 * programme-manager role, so that an assignment never opens a programme to nobody in particular.
 *
 * @throws ServiceError not-found for an unknown programme or person, invalid for someone
 *   without the role.
 */
export async function setProgrammeManagers(
  em: EntityManager,
  actorId: string,
  programmeId: string,
  userIds: string[],
): Promise<ManagerView[]> {
  const fork = em.fork();
  const programme = await fork.findOne(Programme, programmeId);
  if (!programme) throw new ServiceError('not-found', 'No such programme.');
  const wanted = [...new Set(userIds)];
  const people = wanted.length ? await fork.find(User, { id: { $in: wanted } }) : [];
  if (people.length !== wanted.length)
    throw new ServiceError('not-found', 'Someone named is not known to Tandem.');
  const without = people.find((person) => !hasRole(person, 'programme-manager'));
  if (without)
    throw new ServiceError(
      'invalid',
      `${without.name} does not hold the programme-manager role.`,
      'not-a-programme-manager',
      { name: without.name },
    );
  const current = await fork.find(ProgrammeManager, { programme: programmeId });
  const before = current.map((row) => row.user.id).sort();
  const after = [...wanted].sort();
  if (before.join() === after.join()) return listProgrammeManagers(em, programmeId);
  for (const row of current) if (!wanted.includes(row.user.id)) fork.remove(row);
  for (const userId of wanted)
    if (!before.includes(userId)) fork.create(ProgrammeManager, { programme, user: userId });
  await fork.flush();
  await recordAudit(em, {
    action: 'programme.managers-changed',
    actorId,
    targetType: 'programme',
    targetId: programmeId,
    data: { before, after },
  });
  return listProgrammeManagers(em, programmeId);
}
