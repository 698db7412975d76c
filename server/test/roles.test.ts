import type { FastifyInstance } from 'fastify';
import t from 'tap';
import { AuditEvent } from '../src/modules/audit/audit-event.js';
import { Match } from '../src/modules/matching/match.js';
import { Programme } from '../src/modules/programmes/programme.js';
import { buildTestApp } from './helpers/build-test-app.js';
import { proposedPairs } from './helpers/proposed-pairs.js';
import { signedInAs } from './helpers/sessions.js';

/** Two programmes being matched, A and B; people in each role; A assigned to the manager. */
async function setUp(app: FastifyInstance) {
  const pairsOfA = await proposedPairs(app, 2);
  const em = app.orm.em.fork();
  const b = em.create(Programme, {
    name: 'Zweites Programm',
    kind: 'reverse-mentoring',
    state: 'matching',
    curriculum: 'qa-quickstart',
    matchingStrategy: 'weighted',
    settings: {},
  });
  em.create(Match, { programme: b, state: 'proposed' });
  await em.flush();
  const admin = await signedInAs(app, { subject: 'hr', name: 'Hanna Admin', roles: ['admin'] });
  const manager = await signedInAs(app, {
    subject: 'pm',
    name: 'Maria Manager',
    roles: ['programme-manager'],
  });
  const reader = await signedInAs(app, {
    subject: 'council',
    name: 'Rita Personalrat',
    roles: ['report-reader'],
  });
  const call = (
    who: { cookies: Record<string, string> },
    method: 'GET' | 'POST' | 'PUT',
    url: string,
    payload?: object,
  ) => app.inject({ method, url, cookies: who.cookies, ...(payload ? { payload } : {}) });
  const assigned = await call(
    admin,
    'PUT',
    `/api/admin/programmes/${pairsOfA.programme.id}/managers`,
    {
      userIds: [manager.userId],
    },
  );
  if (assigned.statusCode !== 200) throw new Error(assigned.body);
  return { a: pairsOfA.programme.id, b: b.id, admin, manager, reader, call, pairsOfA };
}

t.test('a programme manager runs the matching of their programme, not of another', async (t) => {
  const app = await buildTestApp(t);
  const { a, b, manager, call, pairsOfA } = await setUp(app);

  const list = await call(manager, 'GET', '/api/admin/programmes');
  t.same(
    list.json().map((p: { id: string }) => p.id),
    [a],
    'their list holds their programme only',
  );
  const run = await call(manager, 'POST', `/api/admin/programmes/${a}/matching-runs`);
  t.equal(run.statusCode, 202, 'a run of their programme starts');
  const other = await call(manager, 'POST', `/api/admin/programmes/${b}/matching-runs`);
  t.equal(other.statusCode, 403, "another's programme is refused");
  t.match(other.json().message, /not assigned to you/);
  const review = await call(manager, 'GET', `/api/admin/programmes/${b}/review`);
  t.equal(review.statusCode, 403, "another's review too");
  const pinOwn = await call(
    manager,
    'POST',
    `/api/admin/matches/${pairsOfA.people[0]?.match.id}/pin`,
  );
  t.equal(pinOwn.statusCode, 200, 'a pair of their programme is pinned');
  const [pairOfB] = await app.orm.em.fork().find(Match, { programme: b });
  const pinOther = await call(manager, 'POST', `/api/admin/matches/${pairOfB?.id}/pin`);
  t.equal(pinOther.statusCode, 403, "a pair of another's programme is refused, found by its id");
  const missing = await call(
    manager,
    'POST',
    '/api/admin/matches/00000000-0000-4000-8000-000000000000/pin',
  );
  t.equal(missing.statusCode, 404, 'a pair that does not exist is not found');
  for (const url of [
    '/api/admin/audit',
    '/api/admin/people',
    '/api/admin/tokens',
    '/api/admin/plugins',
  ])
    t.equal((await call(manager, 'GET', url)).statusCode, 403, `${url} is not theirs`);
  const create = await call(manager, 'POST', '/api/admin/programmes', {
    curriculum: 'qa-quickstart',
    name: 'Eigenes',
  });
  t.equal(create.statusCode, 403, 'they do not create programmes');
  const refusals = await app.orm.em.fork().find(AuditEvent, { action: 'auth.programme-denied' });
  t.ok(refusals.length >= 3, 'each refusal on another programme is audited');
});

t.test('without the role, an assignment opens nothing', async (t) => {
  const app = await buildTestApp(t);
  const { a, admin, manager, call } = await setUp(app);
  const taken = await call(admin, 'PUT', `/api/admin/users/${manager.userId}/roles`, { roles: [] });
  t.same(taken.json().roles, []);
  t.equal((await call(manager, 'GET', `/api/admin/programmes/${a}/review`)).statusCode, 403);
  const managers = await call(admin, 'GET', `/api/admin/programmes/${a}/managers`);
  t.same(
    managers.json().map((m: { name: string; active: boolean }) => [m.name, m.active]),
    [['Maria Manager', false]],
    'the assignment waits for the role',
  );
  const refused = await call(admin, 'PUT', `/api/admin/programmes/${a}/managers`, {
    userIds: [admin.userId],
  });
  t.equal(refused.statusCode, 400, 'only programme managers are assigned');
  t.equal(refused.json().code, 'not-a-programme-manager');
});

t.test('a report reader reads reports and the audit log, and nobody in them', async (t) => {
  const app = await buildTestApp(t);
  const { a, b, admin, reader, call } = await setUp(app);

  const list = await call(reader, 'GET', '/api/admin/programmes');
  t.equal(list.json().length, 2, 'every programme, to pick a report');
  for (const id of [a, b]) {
    const report = await call(reader, 'GET', `/api/admin/programmes/${id}/report`);
    t.equal(report.statusCode, 200, 'the report of any programme');
  }
  for (const url of [
    `/api/admin/programmes/${a}/enrolments`,
    `/api/admin/programmes/${a}/review`,
    `/api/admin/programmes/${a}/quiet-pairs`,
    '/api/admin/people',
  ])
    t.equal((await call(reader, 'GET', url)).statusCode, 403, `${url} is refused`);

  const asAdmin = (await call(admin, 'GET', '/api/admin/audit')).json();
  const change = asAdmin.events.find(
    (e: { action: string }) => e.action === 'programme.managers-changed',
  );
  t.equal(change?.actor?.name, 'Hanna Admin', 'the admin sees who did it');
  t.notOk(asAdmin.withoutPeople);

  const audit = await call(reader, 'GET', '/api/admin/audit');
  t.equal(audit.statusCode, 200);
  const page = audit.json();
  t.ok(page.withoutPeople);
  const seen = page.events.find(
    (e: { action: string }) => e.action === 'programme.managers-changed',
  );
  t.same(
    {
      actor: seen?.actor,
      targetType: seen?.targetType,
      targetId: seen?.targetId,
      data: seen?.data,
    },
    { actor: null, targetType: 'programme', targetId: a, data: {} },
    'what happened to which programme, not who',
  );
  t.notOk(audit.body.includes('Hanna Admin') || audit.body.includes('Maria Manager'));
  t.notOk(audit.body.includes(admin.userId), 'no person by id either');
  const byPerson = await call(reader, 'GET', `/api/admin/audit?actorId=${admin.userId}`);
  t.equal(byPerson.statusCode, 403, 'nor a search for what someone did');
});

t.test('admins give and take roles, audited; one keeps one’s own admin role', async (t) => {
  const app = await buildTestApp(t);
  const { admin, manager, call } = await setUp(app);
  const found = await call(admin, 'GET', '/api/admin/people?query=Maria');
  t.same(
    found
      .json()
      .map((p: { name: string; roles: string[]; granted: string[] }) => [
        p.name,
        p.roles,
        p.granted,
      ]),
    [['Maria Manager', ['programme-manager'], []]],
  );
  const staffList = await call(admin, 'GET', '/api/admin/people');
  t.same(
    staffList.json().map((p: { name: string }) => p.name),
    ['Hanna Admin', 'Maria Manager', 'Rita Personalrat'],
    'without a query: everyone holding a role',
  );
  const given = await call(admin, 'PUT', `/api/admin/users/${manager.userId}/roles`, {
    roles: ['programme-manager', 'report-reader'],
  });
  t.same(given.json().granted, ['programme-manager', 'report-reader'], 'granted in Tandem');
  const [event] = await app.orm.em.fork().find(AuditEvent, { action: 'user.roles-assigned' });
  t.same(event?.data, {
    before: ['programme-manager'],
    after: ['programme-manager', 'report-reader'],
  });
  t.equal(event?.actor?.id, admin.userId);
  const own = await call(admin, 'PUT', `/api/admin/users/${admin.userId}/roles`, { roles: [] });
  t.equal(own.statusCode, 409, 'not one’s own admin role');
  const me = await call(manager, 'GET', '/api/me');
  t.same(me.json().roles, ['programme-manager', 'report-reader'], '/api/me tells the web app');
});
