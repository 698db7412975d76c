import { randomInt } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { lockRows } from '../../db/lock-rows.js';
import { retryOnDeadlock } from '../../db/retry-on-deadlock.js';
import { enqueueJob } from '../../jobs/enqueue-job.js';
import { RUN_MATCHING } from '../../jobs/run-matching.js';
import { Programme } from '../programmes/programme.js';
import { programmeSettings } from '../programmes/programme-service.js';
import { nextLunchRound } from './lunch-round-dates.js';
import { LunchSkip } from './lunch-skip.js';
import { Match } from './match.js';
import { MatchingRun } from './matching-run.js';

const WEEK_MS = 7 * 24 * 3_600_000;
const DAY_MS = 24 * 3_600_000;

/** When, every day (UTC), the crontab looks for lunch rounds that are due. */
export const LUNCH_ROUND_TIME = { hour: 5, minute: 7 } as const;

/**
 * When a running lunch programme's next round is drawn: the first daily look after it is due
 * (`cadenceWeeks` after the last round, or at once when there was none). Null unless running.
 */
export function nextLunchRoundAt(
  programme: Pick<Programme, 'state' | 'matchingStrategy' | 'settings'>,
  roundDates: Date[],
  now: Date,
): Date | null {
  if (programme.state !== 'running') return null;
  const last = roundDates.at(-1);
  const cadence = programmeSettings(programme).cadenceWeeks * WEEK_MS;
  const due = Math.max(last ? last.getTime() + cadence : 0, now.getTime());
  const tick = new Date(due);
  tick.setUTCHours(LUNCH_ROUND_TIME.hour, LUNCH_ROUND_TIME.minute, 0, 0);
  return tick.getTime() < due ? new Date(tick.getTime() + DAY_MS) : tick;
}

/**
 * Starts the next round of every running lunch programme whose round is due: the last one was
 * published at least `cadenceWeeks` ago (or there was none). Its groups end (they stay as
 * history, so nobody meets the same person again until the pool is exhausted) and a matching
 * run is queued that publishes the new groups itself, whose members then get their invitations.
 * This is when a round is drawn: who asked to skip it sits it out, and can no longer undo that.
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
  return retryOnDeadlock(() => startRoundInTransaction(em, programmeId, now));
}

function startRoundInTransaction(em: EntityManager, programmeId: string, now: Date) {
  return em.fork().transactional(async (tx) => {
    // Locked like "skip this round" locks it, so that a skip is either in this round or the next.
    const [programme] = await lockRows(tx, Programme, [programmeId]);
    if (programme?.state !== 'running') return false;
    const due = new Date(now.getTime() - programmeSettings(programme).cadenceWeeks * WEEK_MS);
    const busy = await tx.count(MatchingRun, { programme, state: ['queued', 'running'] });
    const current = await tx.count(Match, {
      programme,
      state: 'published',
      publishedAt: { $gt: due },
    });
    if (busy > 0 || current > 0) return false;
    const round = await nextLunchRound(tx, programme.id);
    const skips = await tx.find(LunchSkip, { enrolment: { programme }, round: null });
    for (const skip of skips) skip.round = round;
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
