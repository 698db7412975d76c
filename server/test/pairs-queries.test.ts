import type { FastifyInstance } from 'fastify';
import t from 'tap';
import { Match } from '../src/modules/matching/match.js';
import { PairSession } from '../src/modules/pairs/pair-session.js';
import { SessionFeedback } from '../src/modules/pairs/session-feedback.js';
import { buildTestApp } from './helpers/build-test-app.js';
import { runningPair } from './helpers/publish-pair.js';
import { signedInAs } from './helpers/sessions.js';

/** A running programme in which the two people form a published pair with its plan. */
async function pairIn(app: FastifyInstance, name: string, mentorId: string, menteeId: string) {
  const { pairId } = await runningPair(app, { name, mentorId, menteeId });
  const em = app.orm.em.fork();
  // Feedback on the first session, so that each pair has some to look up.
  const first = await em.findOneOrFail(PairSession, { match: pairId, position: 0 });
  em.create(SessionFeedback, { session: first, author: mentorId, rating: 4 });
  await em.flush();
  return pairId;
}

/** The pairs listing as the person sees it, with the number of SQL statements it took. */
async function countedListing(app: FastifyInstance, cookies: Record<string, string>) {
  let queries = 0;
  const count = () => queries++;
  const knex = app.orm.em.getKnex();
  knex.on('query', count);
  try {
    const answer = await app.inject({ url: '/api/pairs', cookies });
    const pairs = answer.json() as {
      partners: { name: string }[];
      staleSince: string | null;
      sessions: { myFeedback: unknown }[];
    }[];
    return { queries, pairs };
  } finally {
    knex.off('query', count);
  }
}

t.test('listing four pairs takes as many queries as listing one', async (t) => {
  const app = await buildTestApp(t);
  const lena = await signedInAs(app, { subject: 'lena', name: 'Lena Vogt' });
  const partners = await Promise.all(
    ['brigitte', 'hans', 'olga', 'emre'].map((subject) =>
      signedInAs(app, { subject, name: subject }),
    ),
  );
  const [first, ...others] = partners;
  if (!first) throw new Error('no partner');
  const firstPair = await pairIn(app, 'Programme 1', lena.userId, first.userId);
  const one = await countedListing(app, lena.cookies);
  t.equal(one.pairs.length, 1);
  for (const [i, partner] of others.entries())
    await pairIn(app, `Programme ${i + 2}`, lena.userId, partner.userId);
  const staleSince = new Date('2026-10-01T08:30:00.250Z');
  await app.orm.em.fork().nativeUpdate(Match, { id: firstPair }, { staleSince });
  const four = await countedListing(app, lena.cookies);
  t.equal(four.pairs.length, 4);
  t.same(
    four.pairs.map((pair) => pair.sessions.map((session) => session.myFeedback)),
    Array.from({ length: 4 }, () => [{ rating: 4, comment: null }, null, null]),
    'each pair with its plan and the person’s feedback',
  );
  t.same(
    four.pairs.flatMap((pair) => pair.partners.map((partner) => partner.name)).sort(),
    ['brigitte', 'emre', 'hans', 'olga'],
    'each pair with its partner',
  );
  t.same(
    four.pairs.map((pair) => pair.staleSince).filter(Boolean),
    [staleSince.toISOString()],
    'and when it went quiet',
  );
  t.ok(one.queries > 0, 'the counter sees the queries');
  t.equal(four.queries, one.queries, 'no query per pair');
});
