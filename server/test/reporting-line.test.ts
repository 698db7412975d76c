import type { FastifyInstance } from 'fastify';
import t, { type Test } from 'tap';
import { Enrolment } from '../src/modules/enrolment/enrolment.js';
import { startDueLunchRounds } from '../src/modules/matching/lunch-rounds.js';
import { Match } from '../src/modules/matching/match.js';
import { MatchMember } from '../src/modules/matching/match-member.js';
import { reportingLinePairs } from '../src/modules/matching/reporting-line.js';
import { Programme } from '../src/modules/programmes/programme.js';
import { User } from '../src/modules/users/user.js';
import { buildTestApp } from './helpers/build-test-app.js';
import { sessionFor, signedInAs } from './helpers/sessions.js';

type Role = 'mentor' | 'mentee' | 'either';
/** Who is in the programme: name, side, and the name of their manager (not necessarily enrolled). */
type Person = { name: string; role?: Role; manager?: string };

type Review = {
  matches: { id: string; state: string; members: { name: string; enrolmentId: string }[] }[];
  unmatched: {
    name: string;
    enrolmentId: string;
    reason: string | null;
    code?: string;
    params?: Record<string, unknown>;
    reportingLine: { name: string }[];
  }[];
};

/**
 * A programme and its people, managers set as a directory would set them. People without a
 * role are in the organisation but not enrolled.
 */
async function organisation(
  app: FastifyInstance,
  people: Person[],
  programme: Partial<
    Pick<Programme, 'kind' | 'state' | 'curriculum' | 'matchingStrategy' | 'settings'>
  > = {},
) {
  const em = app.orm.em.fork();
  const created = em.create(Programme, {
    name: 'Führung im Dialog',
    kind: 'reverse-mentoring',
    state: 'matching',
    curriculum: 'qa-quickstart',
    matchingStrategy: 'weighted',
    settings: { channels: ['in-app'] },
    ...programme,
  });
  const users = new Map<string, User>();
  const enrolments = new Map<string, Enrolment>();
  for (const { name, role } of people) {
    const user = em.create(User, { issuer: 'https://idp.test', subject: name, name });
    users.set(name, user);
    if (role)
      enrolments.set(
        name,
        em.create(Enrolment, { programme: created, user, role, profile: { availability: [] } }),
      );
  }
  for (const { name, manager } of people)
    if (manager) (users.get(name) as User).manager = users.get(manager) ?? null;
  await em.flush();
  return { programme: created, users, enrolments };
}

async function adminOf(app: FastifyInstance) {
  const { cookies } = await signedInAs(app, { subject: 'hr', name: 'HR', roles: ['admin'] });
  return (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    app.inject({ method, url, cookies, ...(payload ? { payload } : {}) });
}

/** Runs matching as an admin does and waits for it; returns the review afterwards. */
async function runAndReview(
  t: Test,
  admin: Awaited<ReturnType<typeof adminOf>>,
  programmeId: string,
): Promise<Review> {
  const started = await admin('POST', `/api/admin/programmes/${programmeId}/matching-runs`);
  t.equal(started.statusCode, 202, started.body);
  for (let i = 0; i < 200; i++) {
    const { state, error } = (
      await admin('GET', `/api/admin/matching-runs/${started.json().id}`)
    ).json();
    if (state === 'succeeded') break;
    if (state === 'failed') throw new Error(`the run failed: ${error}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return (await admin('GET', `/api/admin/programmes/${programmeId}/review`)).json();
}

const pairsOf = (review: Review) =>
  review.matches
    .map((m) =>
      m.members
        .map((x) => x.name)
        .sort()
        .join('+'),
    )
    .sort();

// Eva reports to Max, Max to Mia, Mia to Otto: Max is one level above Eva, Mia two, Otto three.
const CHAIN: Person[] = [
  { name: 'Eva', role: 'mentee', manager: 'Max' },
  { name: 'Max', role: 'mentor', manager: 'Mia' },
  { name: 'Mia', role: 'mentor', manager: 'Otto' },
  { name: 'Otto', role: 'mentor' },
];

t.test('at the default of 2 levels, a run pairs nobody with their manager or theirs', async (t) => {
  const app = await buildTestApp(t, { env: { WORKER_IN_PROCESS: 'true' } });
  const { programme } = await organisation(app, CHAIN);
  const admin = await adminOf(app);

  const review = await runAndReview(t, admin, programme.id);
  t.same(pairsOf(review), ['Eva+Otto'], 'three levels up is far enough; one and two are not');
  t.same(
    review.unmatched.map((u) => u.name).sort(),
    ['Max', 'Mia'],
    'two mentors stay without a mentee',
  );
});

t.test(
  'someone whose every possible partner is in their reporting line is left out for that reason',
  async (t) => {
    const app = await buildTestApp(t, { env: { WORKER_IN_PROCESS: 'true' } });
    const { programme } = await organisation(app, CHAIN.slice(0, 3));
    const admin = await adminOf(app);

    const review = await runAndReview(t, admin, programme.id);
    t.same(review.matches, [], 'no pair: Max and Mia are both in Eva’s reporting line');
    const eva = review.unmatched.find((u) => u.name === 'Eva');
    t.match(eva, {
      code: 'unmatched.reporting-line',
      params: { levels: 2 },
      reason: /^Excluded: reporting line/,
    });
    t.same(
      eva?.reportingLine.map((p) => p.name).sort(),
      ['Max', 'Mia'],
      'the review names whom the rule keeps away from her',
    );
    t.same(
      review.unmatched
        .find((u) => u.name === 'Max')
        ?.reportingLine.map((p) => p.name)
        .sort(),
      ['Eva', 'Mia'],
      'her manager sees her and his own manager named: the rule is about people, not sides',
    );
  },
);

t.test('1 level keeps only the direct manager away; 0 turns the rule off', async (t) => {
  const app = await buildTestApp(t, { env: { WORKER_IN_PROCESS: 'true' } });
  const { programme } = await organisation(app, CHAIN.slice(0, 3));
  const admin = await adminOf(app);
  const set = (reportingLineLevels: number) =>
    admin('PATCH', `/api/admin/programmes/${programme.id}`, { settings: { reportingLineLevels } });

  t.equal((await set(11)).statusCode, 400, 'more than 10 levels is refused');
  const one = await set(1);
  t.equal(one.statusCode, 200, one.body);
  t.equal(one.json().settings.reportingLineLevels, 1);
  t.same(pairsOf(await runAndReview(t, admin, programme.id)), ['Eva+Mia']);

  t.equal((await set(0)).statusCode, 200);
  const off = await runAndReview(t, admin, programme.id);
  t.equal(off.matches.length, 1, 'Eva has a mentor');
  t.same(
    off.unmatched.map((u) => u.reportingLine),
    [[]],
    'with the rule off the review names no reporting line',
  );
});

t.test('cycles, self-managers and missing managers are walked without looping', async (t) => {
  const app = await buildTestApp(t, { env: { WORKER_IN_PROCESS: 'true' } });
  const { programme, users } = await organisation(
    app,
    [
      // Ada and Bo manage each other; Cy is her own manager.
      { name: 'Ada', role: 'mentee', manager: 'Bo' },
      { name: 'Bo', role: 'mentor', manager: 'Ada' },
      { name: 'Cy', role: 'mentee', manager: 'Cy' },
      // Di's manager Ed left (not enrolled, deactivated); Ed reported to Flo.
      { name: 'Di', role: 'mentee', manager: 'Ed' },
      { name: 'Ed', manager: 'Flo' },
      { name: 'Flo', role: 'mentor' },
      // Gil's manager is gone from the directory: none known.
      { name: 'Gil', role: 'mentor', manager: 'Hal' },
      { name: 'Hal' },
    ],
    { settings: { channels: ['in-app'], reportingLineLevels: 10 } },
  );
  const em = app.orm.em.fork();
  await em.nativeUpdate(User, { id: users.get('Ed')?.id }, { deactivatedAt: new Date() });
  await em.nativeDelete(User, { id: users.get('Hal')?.id });

  const fresh = await em.findOneOrFail(Programme, programme.id);
  const names = new Map(
    (await em.find(Enrolment, { programme }, { populate: ['user'] })).map((e) => [
      e.id,
      e.user.name,
    ]),
  );
  const pairs = (await reportingLinePairs(em, fresh)).map((pair) =>
    pair
      .map((id) => names.get(id))
      .sort()
      .join('+'),
  );
  t.same(
    pairs.sort(),
    ['Ada+Bo', 'Di+Flo'],
    'the cycle is one pair, nobody is apart from themselves, a chain goes on past who left',
  );

  const review = await runAndReview(t, await adminOf(app), programme.id);
  t.notOk(pairsOf(review).includes('Ada+Bo'), 'the run succeeds and keeps the cycle apart');
  t.notOk(pairsOf(review).includes('Di+Flo'));
  t.equal(review.matches.length, 3, 'everyone else who can be paired is');
});

t.test('an admin cannot pair or swap people across a reporting line by hand', async (t) => {
  const app = await buildTestApp(t, { env: { WORKER_IN_PROCESS: 'true' } });
  const { programme, enrolments } = await organisation(app, [
    ...CHAIN,
    { name: 'Ute', role: 'mentee' },
  ]);
  const admin = await adminOf(app);
  const id = (name: string) => enrolments.get(name)?.id ?? '';

  const refused = await admin('POST', `/api/admin/programmes/${programme.id}/matches`, {
    members: [
      { enrolmentId: id('Max'), role: 'mentor' },
      { enrolmentId: id('Eva'), role: 'mentee' },
    ],
  });
  t.equal(refused.statusCode, 409);
  t.match(refused.json(), {
    code: 'match.reporting-line',
    params: { levels: 2 },
    message: /reporting line/,
  });
  const allowed = await admin('POST', `/api/admin/programmes/${programme.id}/matches`, {
    members: [
      { enrolmentId: id('Max'), role: 'mentor' },
      { enrolmentId: id('Ute'), role: 'mentee' },
    ],
  });
  t.equal(allowed.statusCode, 200, 'people outside each other’s line are paired by hand as before');

  const otto = await admin('POST', `/api/admin/programmes/${programme.id}/matches`, {
    members: [
      { enrolmentId: id('Otto'), role: 'mentor' },
      { enrolmentId: id('Eva'), role: 'mentee' },
    ],
  });
  t.equal(otto.statusCode, 200, 'three levels apart is far enough');
  const swap = await admin('POST', `/api/admin/programmes/${programme.id}/swaps`, {
    enrolmentIds: [id('Eva'), id('Ute')],
  });
  t.equal(swap.statusCode, 409, 'a swap would give Eva her manager: refused');
  t.equal(swap.json().code, 'match.reporting-line');
});

t.test('a lunch round seats nobody with their manager within the levels', async (t) => {
  const app = await buildTestApp(t, { env: { WORKER_IN_PROCESS: 'true' } });
  // Ben manages Anna. Anna has had lunch with Clara and with Dora before, so without the rule
  // the only person new to her is Ben.
  const { programme, enrolments } = await organisation(
    app,
    [
      { name: 'Anna', role: 'either', manager: 'Ben' },
      { name: 'Ben', role: 'either' },
      { name: 'Clara', role: 'either' },
      { name: 'Dora', role: 'either' },
    ],
    {
      kind: 'peer-lunch',
      state: 'running',
      curriculum: 'lunch-rounds',
      matchingStrategy: 'lunch',
      settings: { cadenceWeeks: 2, channels: ['in-app'] },
    },
  );
  const em = app.orm.em.fork();
  for (const partner of ['Clara', 'Dora']) {
    const match = em.create(Match, {
      programme: programme.id,
      state: 'ended',
      publishedAt: new Date(0),
    });
    for (const name of ['Anna', partner])
      em.create(MatchMember, { match, enrolment: enrolments.get(name) as Enrolment, role: 'peer' });
  }
  await em.flush();

  await startDueLunchRounds(app.orm.em);
  let groups: string[] = [];
  for (let i = 0; i < 200 && groups.length === 0; i++) {
    const published = await app.orm.em
      .fork()
      .find(Match, { programme, state: 'published' }, { populate: ['members.enrolment.user'] });
    groups = published.map((m) =>
      m.members
        .getItems()
        .map((x) => x.enrolment.user.name)
        .sort()
        .join('+'),
    );
    if (groups.length === 0) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  t.ok(groups.length > 0, 'the round is published');
  t.notOk(
    groups.some((g) => g.includes('Anna') && g.includes('Ben')),
    `Anna does not have lunch with her manager: ${groups.join(', ')}`,
  );
  t.equal(groups.join('+').split('+').length, 4, 'everyone has lunch all the same');
});

t.test(
  'self-service neither suggests nor lets anyone ask a person in their reporting line',
  async (t) => {
    const app = await buildTestApp(t, { env: { WORKER_IN_PROCESS: 'true' } });
    const { programme, users, enrolments } = await organisation(
      app,
      [
        { name: 'Brigitte', role: 'mentee', manager: 'Lena' },
        { name: 'Lena', role: 'mentor' },
        { name: 'Jonas', role: 'mentor' },
      ],
      { settings: { channels: ['in-app'], selfService: true } },
    );
    const { cookies } = await sessionFor(app, users.get('Brigitte')?.id ?? '');
    const brigitte = (method: 'GET' | 'POST', url: string, payload?: object) =>
      app.inject({ method, url, cookies, ...(payload ? { payload } : {}) });

    const suggestions = await brigitte('GET', `/api/programmes/${programme.id}/suggestions`);
    t.equal(suggestions.statusCode, 200, suggestions.body);
    t.same(
      suggestions.json().map((s: { name: string }) => s.name),
      ['Jonas'],
      'her manager is not suggested',
    );

    const asked = await brigitte('POST', `/api/programmes/${programme.id}/requests`, {
      to: enrolments.get('Lena')?.id,
    });
    t.equal(asked.statusCode, 409);
    t.match(asked.json(), { code: 'request.reporting-line', params: { levels: 2 } });

    const jonas = await brigitte('POST', `/api/programmes/${programme.id}/requests`, {
      to: enrolments.get('Jonas')?.id,
    });
    t.equal(jonas.statusCode, 201, 'asking someone outside her line works as before');
  },
);

t.test('a whole organisation is walked at once, not person by person', async (t) => {
  const app = await buildTestApp(t);
  // A tree of 2,801 people: one head, every manager with seven reports, four levels below her.
  const people: Person[] = [{ name: 'p0', role: 'either' }];
  for (let i = 1; i < 2801; i++)
    people.push({ name: `p${i}`, role: 'either', manager: `p${Math.floor((i - 1) / 7)}` });
  const { programme } = await organisation(app, people);
  const em = app.orm.em.fork();

  const started = performance.now();
  const pairs = await reportingLinePairs(em, programme);
  const took = performance.now() - started;
  // Everyone below the head has a manager (2,800 pairs); everyone two levels down or more a
  // manager's manager too (2,793).
  t.equal(
    pairs.length,
    2800 + 2793,
    `two levels: every manager and manager's manager (${Math.round(took)} ms)`,
  );

  programme.settings = { ...programme.settings, reportingLineLevels: 10 };
  const all = await reportingLinePairs(em, programme);
  t.equal(
    all.length,
    7 * 1 + 49 * 2 + 343 * 3 + 2401 * 4,
    'ten levels: the whole chain above each',
  );
});
