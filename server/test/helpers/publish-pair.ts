import type { FastifyInstance } from 'fastify';
import { Match } from '../../src/modules/matching/match.js';
import { MatchMember } from '../../src/modules/matching/match-member.js';
import { createPairPlan } from '../../src/modules/pairs/pair-plan.js';

/**
 * Publishes a pair of the given enrolments and gives it its plan, as the matching review will
 * once an admin publishes (issue: matching). Returns the pair's id and its number of sessions.
 */
export async function publishPair(
  app: FastifyInstance,
  programmeId: string,
  members: { enrolmentId: string; role: 'mentor' | 'mentee' | 'peer' }[],
): Promise<{ pairId: string; sessions: number }> {
  const em = app.orm.em.fork();
  const match = em.create(Match, {
    programme: programmeId,
    state: 'published',
    publishedAt: new Date(),
  });
  for (const { enrolmentId, role } of members)
    em.create(MatchMember, { match, enrolment: enrolmentId, role });
  await em.flush();
  const sessions = await createPairPlan(
    { em: app.orm.em, plugins: app.plugins, log: app.log },
    match.id,
  );
  return { pairId: match.id, sessions };
}
