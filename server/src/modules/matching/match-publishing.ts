import type { EntityManager } from '@mikro-orm/postgresql';
import { lockRows } from '../../db/lock-rows.js';
import { CREATE_PAIR_PLAN } from '../../jobs/create-pair-plan.js';
import { enqueueJobs } from '../../jobs/enqueue-job.js';
import { ServiceError } from '../../service-error.js';
import { recordAudit } from '../audit/audit-log.js';
import { Programme } from '../programmes/programme.js';
import { Match } from './match.js';

/**
 * Publishes a programme's proposed and pinned matches in one transaction: they become pairs, a
 * job per pair gives it its plan, and a programme still matching starts running. Publishing
 * again later (after a rematch) publishes the new matches only. The pairs start `now`: their
 * plans count the weeks from then.
 *
 * @returns how many pairs were published.
 * @throws ServiceError not-found, or conflict when there is nothing to publish or the programme
 *   is neither matching nor running.
 */
export async function publishMatches(
  em: EntityManager,
  actorId: string | undefined,
  programmeId: string,
  now: Date,
): Promise<number> {
  const published = await em.fork().transactional(async (tx) => {
    const [programme] = await lockRows(tx, Programme, [programmeId]);
    if (!programme) throw new ServiceError('not-found', 'No such programme.');
    if (programme.state !== 'matching' && programme.state !== 'running')
      throw new ServiceError(
        'conflict',
        `A programme in ${programme.state} has no matches to publish.`,
        'publish.wrong-state',
        { state: programme.state },
      );
    const matches = await tx.find(Match, { programme, state: { $in: ['proposed', 'pinned'] } });
    if (matches.length === 0)
      throw new ServiceError('conflict', 'There is nothing to publish.', 'publish.nothing');
    for (const match of matches)
      tx.assign(match, { state: 'published', publishedAt: now, activeAt: now });
    if (programme.state === 'matching') programme.state = 'running';
    await tx.flush();
    await enqueueJobs(
      tx,
      CREATE_PAIR_PLAN,
      matches.map((match) => ({ matchId: match.id })),
    );
    return matches.length;
  });
  await recordAudit(em, {
    action: 'matching.published',
    ...(actorId ? { actorId } : {}),
    targetType: 'programme',
    targetId: programmeId,
    data: { pairs: published },
  });
  return published;
}
