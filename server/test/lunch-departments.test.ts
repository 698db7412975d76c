import type { FastifyInstance } from 'fastify';
import t from 'tap';
import { Enrolment } from '../src/modules/enrolment/enrolment.js';
import { startDueLunchRounds } from '../src/modules/matching/lunch-rounds.js';
import { Match } from '../src/modules/matching/match.js';
import { MatchMember } from '../src/modules/matching/match-member.js';
import { Programme } from '../src/modules/programmes/programme.js';
import { User } from '../src/modules/users/user.js';
import { buildTestApp } from './helpers/build-test-app.js';
import { signedInAs } from './helpers/sessions.js';

/**
 * Four people of a running lunch programme: Anna and Ben from IT, Clara from Recht, Dora from
 * Personal. Anna has had lunch with Clara and with Dora before, so the only person new to her is
 * Ben, from her own department.
 */
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
  const people = new Map<string, Enrolment>();
  for (const [name, department] of [
    ['Anna', 'IT'],
    ['Ben', 'IT'],
    ['Clara', 'Recht'],
    ['Dora', 'Personal'],
  ] as const) {
    const user = em.create(User, { issuer: 'https://idp.test', subject: name, name, department });
    people.set(
      name,
      em.create(Enrolment, { programme, user, role: 'either', profile: { availability: [] } }),
    );
  }
  for (const partner of ['Clara', 'Dora']) {
    const match = em.create(Match, { programme, state: 'ended', publishedAt: new Date(0) });
    for (const name of ['Anna', partner])
      em.create(MatchMember, { match, enrolment: people.get(name) as Enrolment, role: 'peer' });
  }
  await em.flush();
  return programme;
}

/** The groups of the round just published, as names joined by +, once its run is done. */
async function publishedRound(app: FastifyInstance, programmeId: string) {
  for (let i = 0; i < 200; i++) {
    const matches = await app.orm.em
      .fork()
      .find(
        Match,
        { programme: programmeId, state: 'published' },
        { populate: ['members.enrolment.user'] },
      );
    if (matches.length === 2)
      return matches
        .map((m) =>
          m.members
            .getItems()
            .map((member) => member.enrolment.user.name)
            .sort()
            .join('+'),
        )
        .sort();
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('no round was published');
}

t.test('without the rule, a lunch round pairs someone new from the same department', async (t) => {
  const app = await buildTestApp(t, { env: { WORKER_IN_PROCESS: 'true' } });
  const programme = await lunchProgramme(app);
  await startDueLunchRounds(app.orm.em);
  t.same(await publishedRound(app, programme.id), ['Anna+Ben', 'Clara+Dora']);
});

t.test(
  'with "different departments", a lunch round groups no two people of one department when it can avoid it',
  async (t) => {
    const app = await buildTestApp(t, { env: { WORKER_IN_PROCESS: 'true' } });
    const programme = await lunchProgramme(app);
    const { cookies } = await signedInAs(app, { subject: 'hr', name: 'HR', roles: ['admin'] });
    const changed = await app.inject({
      method: 'PATCH',
      cookies,
      url: `/api/admin/programmes/${programme.id}`,
      payload: { settings: { differentDepartments: true } },
    });
    t.equal(changed.statusCode, 200, changed.body);
    t.equal(changed.json().settings.differentDepartments, true, 'the admin sets the rule');

    await startDueLunchRounds(app.orm.em);
    const groups = await publishedRound(app, programme.id);
    t.notOk(groups.includes('Anna+Ben'), `no lunch of two IT people: ${groups.join(', ')}`);
    t.equal(groups.join(' ').split(/[+ ]/).length, 4, 'everyone has lunch all the same');
  },
);
