import { randomInt } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { enqueueJob } from '../../jobs/enqueue-job.js';
import { RUN_MATCHING } from '../../jobs/run-matching.js';
import { Programme } from '../programmes/programme.js';
import { programmeSettings } from '../programmes/programme-service.js';
import { Match } from './match.js';
import { MatchingRun } from './matching-run.js';

const WEEK_MS = 7 * 24 * 3_600_000;

/**
 * Starts the next round of every running lunch programme whose round is due: the last one was
 * published at least `cadenceWeeks` ago (or there was none). Its groups end (they stay as
 * history, so nobody meets the same person again until the pool is exhausted) and a matching
 * run is queued that publishes the new groups itself, whose members then get their invitations.
 *
 * @returns the ids of the programmes whose round started.
 */
export async function startDueLunchRounds(em: EntityManager, now = new Date()): Promise<string[]> {
  const programmes = await em.fork().find(Programme, { kind: 'peer-lunch', state: 'running' });
  const started: string[] = [];
  for (const programme of programmes)
    if (await startRoundIfDue(em, programme.id, now)) started.push(programme.id);
  return started;
}

async function startRoundIfDue(em: EntityManager, programmeId: string, now: Date) {
  return em.fork().transactional(async (tx) => {
    const programme = await tx.findOneOrFail(Programme, programmeId);
    const due = new Date(now.getTime() - programmeSettings(programme).cadenceWeeks * WEEK_MS);
    const busy = await tx.count(MatchingRun, { programme, state: ['queued', 'running'] });
    const current = await tx.count(Match, {
      programme,
      state: 'published',
      publishedAt: { $gt: due },
    });
    if (busy > 0 || current > 0) return false;
    await tx.nativeUpdate(Match, { programme, state: 'published' }, { state: 'ended' });
    const run = tx.create(MatchingRun, {
      programme,
      strategy: programme.matchingStrategy,
      seed: randomInt(2 ** 31),
      autoPublish: true,
    });
    await tx.flush();
    await enqueueJob(tx, RUN_MATCHING, { runId: run.id }, { maxAttempts: 3 });
    return true;
  });
}
