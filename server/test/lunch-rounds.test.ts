import type { FastifyInstance } from 'fastify';
import t from 'tap';
import { Enrolment } from '../src/modules/enrolment/enrolment.js';
import { startDueLunchRounds } from '../src/modules/matching/lunch-rounds.js';
import { Match } from '../src/modules/matching/match.js';
import { Meeting } from '../src/modules/meetings/meeting.js';
import { Programme } from '../src/modules/programmes/programme.js';
import { User } from '../src/modules/users/user.js';
import { buildTestApp } from './helpers/build-test-app.js';

const DEPARTMENTS = ['IT', 'Recht', 'Personal', 'Bau', 'Finanzen', 'Presse'];

async function lunchProgramme(app: FastifyInstance) {
  const em = app.orm.em.fork();
  const programme = em.create(Programme, {
    name: 'Mystery Lunch',
    kind: 'peer-lunch',
    state: 'running',
    curriculum: 'lunch-rounds',
    matchingStrategy: 'lunch',
    settings: { cadenceWeeks: 2, channels: ['in-app'] },
  });
  for (const [i, department] of DEPARTMENTS.entries()) {
    const user = em.create(User, {
      issuer: 'https://idp.test',
      subject: `p${i}`,
      name: `Person ${i}`,
      department,
    });
    em.create(Enrolment, { programme, user, role: 'either', profile: { availability: [] } });
  }
  await em.flush();
  return programme;
}

/** The published groups of a round, as sets of user names, once the round's run is done. */
async function roundPublished(app: FastifyInstance, programmeId: string, expected: number) {
  for (let i = 0; i < 200; i++) {
    const matches = await app.orm.em
      .fork()
      .find(
        Match,
        { programme: programmeId, state: 'published' },
        { populate: ['members.enrolment.user'] },
      );
    if (matches.length === expected)
      return matches.map((m) =>
        m.members
          .getItems()
          .map((member) => member.enrolment.user.name)
          .sort()
          .join(' + '),
      );
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no round of ${expected} groups was published`);
}

t.test(
  'lunch rounds start on their own, publish themselves, and never repeat a pair',
  async (t) => {
    const app = await buildTestApp(t, { env: { WORKER_IN_PROCESS: 'true' } });
    const programme = await lunchProgramme(app);

    t.same(await startDueLunchRounds(app.orm.em), [programme.id], 'the first round is due at once');
    const first = await roundPublished(app, programme.id, 3);
    t.same(await startDueLunchRounds(app.orm.em), [], 'not again before two weeks have passed');
    // The first round's meetings are planned by jobs of their own; in real time two weeks pass
    // before the next round ends its groups, so let them run before moving the clock.
    t.equal(await meetingsPlanned(app, 3), 3, "the first round's groups got their meetings");

    // Two weeks later (moved back in time rather than waiting).
    const em = app.orm.em.fork();
    const twoWeeksAgo = new Date(Date.now() - 15 * 24 * 3_600_000);
    await em.nativeUpdate(Match, { programme, state: 'published' }, { publishedAt: twoWeeksAgo });
    t.same(await startDueLunchRounds(app.orm.em), [programme.id], 'the second round is due');
    const second = await roundPublished(app, programme.id, 3);
    t.equal(
      await em.count(Match, { programme, state: 'ended' }),
      3,
      'the first round ended, kept as history',
    );
    const before = new Set(first.flatMap(pairsOf));
    t.same(
      second.flatMap(pairsOf).filter((pair) => before.has(pair)),
      [],
      'nobody meets the same person twice',
    );

    t.equal(await meetingsPlanned(app, 6), 6, 'each group of each round got its meeting');
  },
);

/** How many meetings there are once `expected` are planned, or after ten seconds. */
async function meetingsPlanned(app: FastifyInstance, expected: number): Promise<number> {
  for (let i = 0; i < 100 && (await app.orm.em.fork().count(Meeting, {})) < expected; i++)
    await new Promise((resolve) => setTimeout(resolve, 100));
  return app.orm.em.fork().count(Meeting, {});
}

function pairsOf(group: string): string[] {
  const names = group.split(' + ');
  return names.flatMap((a, i) => names.slice(i + 1).map((b) => `${a} & ${b}`));
}
