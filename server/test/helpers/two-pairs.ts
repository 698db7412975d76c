import type { FastifyInstance } from 'fastify';
import { Enrolment } from '../../src/modules/enrolment/enrolment.js';
import { Programme } from '../../src/modules/programmes/programme.js';
import { publishPair } from './publish-pair.js';
import { signedInAs } from './sessions.js';

/**
 * Lena (mentor) with Brigitte, Jonas (mentor) with Petra: two published pairs of one programme,
 * their ids, and each person's cookies and id in that order.
 */
export async function twoPairs(app: FastifyInstance) {
  const people = await Promise.all(
    ['lena', 'brigitte', 'jonas', 'petra'].map((subject) =>
      signedInAs(app, { subject, name: subject }),
    ),
  );
  const em = app.orm.em.fork();
  const programme = em.create(Programme, {
    name: 'KI im Arbeitsalltag',
    kind: 'reverse-mentoring',
    state: 'running',
    curriculum: 'qa-quickstart',
    matchingStrategy: 'weighted',
    settings: { goals: [], cadenceWeeks: 2, sessionMinutes: 45 },
  });
  const enrolments = people.map((person, i) =>
    em.create(Enrolment, { programme, user: person.userId, role: i % 2 ? 'mentee' : 'mentor' }),
  );
  await em.flush();
  const pair = async (a: number, b: number) =>
    (
      await publishPair(app, programme.id, [
        { enrolmentId: enrolments[a]?.id ?? '', role: 'mentor' },
        { enrolmentId: enrolments[b]?.id ?? '', role: 'mentee' },
      ])
    ).pairId;
  const pairs = [await pair(0, 1), await pair(2, 3)];
  return {
    pairs,
    cookies: people.map((person) => person.cookies),
    users: people.map((person) => person.userId),
  };
}
