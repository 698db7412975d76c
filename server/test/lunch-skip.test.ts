import type { FastifyInstance } from 'fastify';
import t from 'tap';
import { AuditEvent } from '../src/modules/audit/audit-event.js';
import { Enrolment } from '../src/modules/enrolment/enrolment.js';
import { startDueLunchRounds } from '../src/modules/matching/lunch-rounds.js';
import type { LunchRounds, MyLunch } from '../src/modules/matching/lunch-schemas.js';
import { LunchSkip } from '../src/modules/matching/lunch-skip.js';
import { Match } from '../src/modules/matching/match.js';
import { Programme } from '../src/modules/programmes/programme.js';
import { buildTestApp } from './helpers/build-test-app.js';
import { signedInAs } from './helpers/sessions.js';

const DEPARTMENTS = ['IT', 'Recht', 'Personal', 'Bau', 'Finanzen', 'Presse'];
const WEEK_MS = 7 * 86_400_000;

type Person = Awaited<ReturnType<typeof signedInAs>>;

/** A running lunch programme of six people from six departments, each signed in. */
async function lunchProgramme(app: FastifyInstance) {
  const people: Person[] = [];
  for (const [i, department] of DEPARTMENTS.entries())
    people.push(await signedInAs(app, { subject: `p${i}`, name: `Person ${i}`, department }));
  const em = app.orm.em.fork();
  const programme = em.create(Programme, {
    name: 'Mystery Lunch',
    kind: 'peer-lunch',
    state: 'running',
    curriculum: 'lunch-rounds',
    matchingStrategy: 'lunch',
    settings: { cadenceWeeks: 2, channels: ['in-app'] },
  });
  for (const person of people)
    em.create(Enrolment, { programme, user: person.userId, role: 'either', profile: {} });
  await em.flush();
  return { programme: programme.id, people };
}

async function until<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean) {
  for (let i = 0; i < 300; i++) {
    const value = await read();
    if (done(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

t.test('a participant skips the next lunch round, can undo it until it is drawn', async (t) => {
  const app = await buildTestApp(t, { env: { WORKER_IN_PROCESS: 'true' } });
  const admin = await signedInAs(app, { subject: 'hr', name: 'Hanna HR', roles: ['admin'] });
  const { programme, people } = await lunchProgramme(app);
  const [skipper, other] = people as [Person, Person];
  const call = (person: Person, method: 'GET' | 'PUT' | 'DELETE', path = '') =>
    app.inject({
      method,
      url: `/api/programmes/${programme}/lunch${path}`,
      cookies: person.cookies,
    });

  const before = (await call(skipper, 'GET')).json() as MyLunch;
  t.equal(before.round, null, 'no round drawn yet: no group');
  t.equal(before.roundsDrawn, 0);
  t.ok(before.nextRoundAt, 'the first round has a date');

  const skipped = await call(skipper, 'PUT', '/skip');
  t.equal(skipped.statusCode, 200);
  t.equal((skipped.json() as MyLunch).skipsNextRound, true, 'the skip is noted');
  t.equal((await call(skipper, 'PUT', '/skip')).statusCode, 409, 'skipping twice is refused');
  const undone = await call(skipper, 'DELETE', '/skip');
  t.equal((undone.json() as MyLunch).skipsNextRound, false, 'undone before the draw');
  t.equal((await call(skipper, 'DELETE', '/skip')).statusCode, 409, 'nothing left to undo');
  t.equal((await call(skipper, 'PUT', '/skip')).statusCode, 200, 'skipped again');

  t.same(await startDueLunchRounds(app.orm.em), [programme], 'the round is drawn');
  t.equal(
    (await call(skipper, 'DELETE', '/skip')).statusCode,
    409,
    'once drawn, the skip cannot be undone',
  );
  const groups = await until(
    'the round to be published',
    () => app.orm.em.fork().count(Match, { programme, state: 'published' }),
    (count) => count > 0,
  );
  t.equal(groups, 2, 'five people make two groups: the skipper is in none');

  const mine = (await call(skipper, 'GET')).json() as MyLunch;
  t.equal(mine.round, null, 'the skipper has no group');
  t.equal(mine.satOutRound, 1, 'the skipper sat out round 1');
  t.equal(mine.skipsNextRound, false, 'and is in the next round again');

  const theirs = await until(
    'the lunch to be planned',
    async () => (await call(other, 'GET')).json() as MyLunch,
    (lunch) => Boolean(lunch.round?.lunch),
  );
  t.equal(theirs.round?.number, 1, 'the other person lunches in round 1');
  t.notOk(
    theirs.round?.partners.some((p) => p.name === 'Person 0'),
    'not with the person who sat out',
  );
  t.ok(theirs.round?.partners.length, 'with partners by name');

  const rounds = await app.inject({
    url: `/api/admin/programmes/${programme}/lunch-rounds`,
    cookies: admin.cookies,
  });
  t.equal(rounds.statusCode, 200);
  const view = rounds.json() as LunchRounds;
  t.equal(view.rounds.length, 1);
  const [round] = view.rounds;
  t.equal(round?.number, 1);
  t.equal(round?.groups.length, 2);
  t.same(
    round?.groups.flatMap((g) => g.members.map((m) => m.name)).sort(),
    ['Person 1', 'Person 2', 'Person 3', 'Person 4', 'Person 5'],
    'the admin sees every group by names',
  );
  t.same(
    round?.satOut.map((p) => p.name),
    ['Person 0'],
    'and who sat out',
  );
  const drawnAt = new Date(round?.drawnAt ?? 0).getTime();
  const next = new Date(view.nextRoundAt ?? 0).getTime();
  t.ok(
    next >= drawnAt + 2 * WEEK_MS && next < drawnAt + 2 * WEEK_MS + 86_400_000,
    'the next round is drawn at the first daily look two weeks later',
  );

  const audit = await app.orm.em
    .fork()
    .find(AuditEvent, { action: { $like: 'lunch.%' } }, { orderBy: { at: 'asc', id: 'asc' } });
  t.same(
    audit.map((event) => event.action),
    ['lunch.round-skipped', 'lunch.skip-undone', 'lunch.round-skipped'],
    'skips and undos are audited',
  );
});

t.test('skipping many times at once notes one skip and refuses the rest', async (t) => {
  const app = await buildTestApp(t);
  const { programme, people } = await lunchProgramme(app);
  const [person] = people as [Person];
  const answers = await Promise.all(
    Array.from({ length: 20 }, () =>
      app.inject({
        method: 'PUT',
        url: `/api/programmes/${programme}/lunch/skip`,
        cookies: person.cookies,
      }),
    ),
  );
  t.same(
    answers.map((a) => a.statusCode).sort(),
    [200, ...Array.from({ length: 19 }, () => 409)],
    'the first skips, the others see it done',
  );
  t.equal(await app.orm.em.fork().count(LunchSkip, {}), 1, 'one skip is stored');
});

t.test('lunch routes answer 404 outside a lunch programme one takes part in', async (t) => {
  const app = await buildTestApp(t);
  const { programme } = await lunchProgramme(app);
  const stranger = await signedInAs(app, { subject: 'x', name: 'Xaver Fremd' });
  const admin = await signedInAs(app, { subject: 'hr', name: 'Hanna HR', roles: ['admin'] });
  for (const method of ['GET', 'PUT'] as const) {
    const answer = await app.inject({
      method,
      url: `/api/programmes/${programme}/lunch${method === 'PUT' ? '/skip' : ''}`,
      cookies: stranger.cookies,
    });
    t.equal(answer.statusCode, 404, `${method} by someone not enrolled`);
  }
  const em = app.orm.em.fork();
  const mentoring = em.create(Programme, {
    name: 'Mentoring',
    kind: 'reverse-mentoring',
    state: 'running',
    curriculum: 'qa-quickstart',
    matchingStrategy: 'weighted',
    settings: {},
  });
  await em.flush();
  const rounds = await app.inject({
    url: `/api/admin/programmes/${mentoring.id}/lunch-rounds`,
    cookies: admin.cookies,
  });
  t.equal(rounds.statusCode, 404, 'a mentoring programme has no lunch rounds');
});
