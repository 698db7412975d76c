import { randomInt } from 'node:crypto';
import type { Clock } from '../../clock.js';
import { CREATE_PAIR_PLAN } from '../../jobs/create-pair-plan.js';
import { enqueueJobs } from '../../jobs/enqueue-job.js';
import { recordAudit } from '../audit/audit-log.js';
import { Programme } from '../programmes/programme.js';
import { askStrategy, type StrategyDependencies } from './ask-strategy.js';
import { Match } from './match.js';
import { matchInput } from './match-input.js';
import { MatchMember } from './match-member.js';

export interface RematchDependencies extends StrategyDependencies {
  /** What time it is: the new pairs are published, and their plans start, now. */
  now: Clock;
}

/**
 * After a dissolve, in a programme that rematches at once: asks the strategy about everyone
 * still without a pair (the two included, who never meet again: history), and publishes at once
 * the groups that hold one of the two. A proposal an admin was still reviewing loses those
 * people; the rest of it stays.
 *
 * @returns how many new pairs were published.
 */
export async function rematchAtOnce(
  deps: RematchDependencies,
  programmeId: string,
  enrolmentIds: string[],
  now = deps.now(),
): Promise<number> {
  const em = deps.orm.em.fork();
  const programme = await em.findOneOrFail(Programme, programmeId);
  const input = await matchInput(em, programme, randomInt(2 ** 31));
  const proposal = await askStrategy(deps, em, programme.matchingStrategy, input);
  const wanted = new Set(enrolmentIds);
  const groups = proposal.groups.filter((g) => g.members.some((m) => wanted.has(m.enrolmentId)));
  if (groups.length === 0) return 0;
  const placed = groups.flatMap((g) => g.members.map((m) => m.enrolmentId));
  await em.transactional(async (tx) => {
    const stale = await tx.find(Match, {
      programme,
      state: { $in: ['proposed', 'pinned'] },
      members: { enrolment: { $in: placed } },
    });
    for (const match of stale) tx.remove(match);
    const created = groups.map((group) => {
      const match = tx.create(Match, {
        programme,
        state: 'published',
        publishedAt: now,
        activeAt: now,
        score: group.score,
        criteria: group.criteria,
      });
      for (const { enrolmentId, role } of group.members)
        tx.create(MatchMember, { match, enrolment: enrolmentId, role });
      return match;
    });
    await tx.flush();
    await enqueueJobs(
      tx,
      CREATE_PAIR_PLAN,
      created.map((match) => ({ matchId: match.id })),
    );
  });
  await recordAudit(em, {
    action: 'matching.rematched',
    targetType: 'programme',
    targetId: programmeId,
    data: { pairs: groups.length },
  });
  return groups.length;
}
