import type { EntityManager } from '@mikro-orm/postgresql';
import { REMATCH } from '../../jobs/rematch.js';
import { ServiceError } from '../../service-error.js';
import { recordAudit } from '../audit/audit-log.js';
import { Match } from '../matching/match.js';
import { programmeSettings } from '../programmes/programme-service.js';
import { membership } from './pair-membership.js';

/**
 * Dissolves a pair that does not fit, discreetly: the reason (optional) is kept for admins
 * only. Both partners stay enrolled, so the next matching run finds each a new partner — never
 * each other again, since dissolved pairs count as history — or, where the programme rematches
 * at once, a job does so right away.
 *
 * @param by the member reporting the mismatch, or an admin (`admin: true`) for any pair.
 * @throws ServiceError not-found for a pair the person is not in (or that is not published).
 */
export async function dissolvePair(
  em: EntityManager,
  by: { userId: string; admin: boolean },
  matchId: string,
  reason: string | undefined,
): Promise<void> {
  const fork = em.fork();
  const match = by.admin
    ? await fork.findOne(Match, { id: matchId, state: 'published' })
    : (await membership(fork, by.userId, matchId)).match;
  if (!match) throw new ServiceError('not-found', 'No such pair.');
  fork.assign(match, {
    state: 'dissolved',
    dissolvedAt: new Date(),
    dissolvedReason: reason?.trim() || null,
  });
  await fork.flush();
  await fork.populate(match, ['programme', 'members']);
  if (programmeSettings(match.programme).rematchAtOnce)
    await fork.execute('SELECT graphile_worker.add_job(?, ?::json)', [
      REMATCH,
      JSON.stringify({
        programmeId: match.programme.id,
        enrolmentIds: match.members.getItems().map((member) => member.enrolment.id),
      }),
    ]);
  await recordAudit(em, {
    action: 'pair.dissolved',
    actorId: by.userId,
    targetType: 'match',
    targetId: match.id,
    // The reason stays on the match, where only admin routes read it.
    data: { by: by.admin ? 'admin' : 'member' },
  });
}
