import type { FastifyInstance } from 'fastify';
import { Enrolment } from '../../src/modules/enrolment/enrolment.js';
import { Match } from '../../src/modules/matching/match.js';
import { MatchMember } from '../../src/modules/matching/match-member.js';
import { createPairPlan } from '../../src/modules/pairs/pair-plan.js';
import { Programme } from '../../src/modules/programmes/programme.js';

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

/**
 * A running reverse-mentoring programme (qa-quickstart, weighted) in which the two people form a
 * published pair with its plan: the fixture most pair tests start from.
 */
export async function runningPair(
  app: FastifyInstance,
  { name, mentorId, menteeId, settings }: RunningPairOptions,
): Promise<{ pairId: string; programmeId: string }> {
  const em = app.orm.em.fork();
  const programme = em.create(Programme, {
    name,
    kind: 'reverse-mentoring',
    state: 'running',
    curriculum: 'qa-quickstart',
    matchingStrategy: 'weighted',
    ...(settings ? { settings } : {}),
  });
  const mentor = em.create(Enrolment, { programme, user: mentorId, role: 'mentor' });
  const mentee = em.create(Enrolment, { programme, user: menteeId, role: 'mentee' });
  await em.flush();
  const { pairId } = await publishPair(app, programme.id, [
    { enrolmentId: mentor.id, role: 'mentor' },
    { enrolmentId: mentee.id, role: 'mentee' },
  ]);
  return { pairId, programmeId: programme.id };
}

interface RunningPairOptions {
  name: string;
  mentorId: string;
  menteeId: string;
  /** Programme settings, as stored; the programme's defaults otherwise. */
  settings?: Record<string, unknown>;
}
