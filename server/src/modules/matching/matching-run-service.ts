import { randomInt } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { lockRows } from '../../db/lock-rows.js';
import { enqueueJob } from '../../jobs/enqueue-job.js';
import { RUN_MATCHING } from '../../jobs/run-matching.js';
import { ServiceError } from '../../service-error.js';
import { recordAudit } from '../audit/audit-log.js';
import { Programme } from '../programmes/programme.js';
import { MatchingRun } from './matching-run.js';
import type { MatchingRunView } from './matching-run-schemas.js';

/**
 * Queues a matching run of a programme with its strategy and a fresh seed. The run and its job
 * are written in one transaction, so there is never a run without a job or a job without a run.
 *
 * @throws ServiceError not-found for an unknown programme, conflict while another run of the
 *   programme is queued or running, or when the programme is closed.
 */
export async function requestMatchingRun(
  em: EntityManager,
  actorId: string,
  programmeId: string,
): Promise<MatchingRunView> {
  const run = await em.fork().transactional(async (tx) => {
    const [programme] = await lockRows(tx, Programme, [programmeId]);
    if (!programme) throw new ServiceError('not-found', 'No such programme.');
    if (programme.state === 'closed')
      throw new ServiceError(
        'conflict',
        'The programme is closed; it is matched no more.',
        'matching.programme-closed',
      );
    const busy = await tx.count(MatchingRun, { programme, state: ['queued', 'running'] });
    if (busy > 0)
      throw new ServiceError(
        'conflict',
        'A matching run of this programme is already under way.',
        'matching.run-busy',
      );
    const created = tx.create(MatchingRun, {
      programme,
      strategy: programme.matchingStrategy,
      seed: randomInt(2 ** 31),
      requestedBy: actorId,
    });
    await tx.flush();
    await enqueueJob(tx, RUN_MATCHING, { runId: created.id }, { maxAttempts: 3 });
    return created;
  });
  await recordAudit(em, {
    action: 'matching.requested',
    actorId,
    targetType: 'programme',
    targetId: programmeId,
    data: { runId: run.id, strategy: run.strategy },
  });
  return matchingRunView(run);
}

/** @throws ServiceError not-found for an unknown run. */
export async function getMatchingRun(em: EntityManager, runId: string): Promise<MatchingRunView> {
  const run = await em.fork().findOne(MatchingRun, runId);
  if (!run) throw new ServiceError('not-found', 'No such matching run.');
  return matchingRunView(run);
}

export function matchingRunView(run: MatchingRun): MatchingRunView {
  return {
    id: run.id,
    programmeId: run.programme.id,
    strategy: run.strategy,
    state: run.state,
    seed: run.seed,
    progress: run.progress,
    error: run.error ?? null,
    groupCount: run.groupCount ?? null,
    unmatched: run.unmatched,
    createdAt: run.createdAt.toISOString(),
    startedAt: run.startedAt?.toISOString() ?? null,
    finishedAt: run.finishedAt?.toISOString() ?? null,
  };
}
