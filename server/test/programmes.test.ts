import type { FastifyInstance } from 'fastify';
import t from 'tap';
import { AuditEvent } from '../src/modules/audit/audit-event.js';
import { buildTestApp } from './helpers/build-test-app.js';
import { writePluginFolder } from './helpers/plugin-folder.js';
import { signedInAs } from './helpers/sessions.js';

async function asAdmin(app: FastifyInstance) {
  const { cookies } = await signedInAs(app, { subject: 'hr', name: 'HR', roles: ['admin'] });
  return (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    app.inject({ method, url, cookies, ...(payload ? { payload } : {}) });
}

t.test('the template gallery lists the curricula, with a preview of each', async (t) => {
  const app = await buildTestApp(t);
  const call = await asAdmin(app);
  const gallery = (await call('GET', '/api/admin/curricula')).json();
  t.match(gallery, [
    {
      name: 'qa-quickstart',
      kinds: ['reverse-mentoring', 'classic-mentoring'],
      defaults: { sessionCount: 3, cadenceWeeks: 2, matchingStrategy: 'weighted' },
    },
  ]);
  const preview = await call('GET', '/api/admin/curricula/qa-quickstart/preview?locale=en');
  t.equal(preview.statusCode, 200);
  t.equal(preview.json().sessions.length, 3);
  t.match(preview.json(), { kind: 'reverse-mentoring', locale: 'en' });
  t.match(
    (await call('GET', '/api/admin/curricula/qa-quickstart/preview?kind=peer-lunch')).json(),
    {
      statusCode: 400,
      message: 'The curriculum qa-quickstart is not for peer-lunch.',
    },
  );
  t.equal((await call('GET', '/api/admin/curricula/nope/preview')).statusCode, 404);
});

t.test('a curriculum that fails while previewed is reported, naming it', async (t) => {
  const folder = await writePluginFolder(t, {
    packageName: 'tandem-plugin-broken-plan',
    kind: 'curriculum',
    source: `import { defineCurriculum, Type } from '@tandem/plugin-sdk';
export default defineCurriculum({
  name: 'broken-plan', version: '1.0.0', host: '^0.1.0', configSchema: Type.Object({}),
  kinds: ['classic-mentoring'], title: { de: 'Kaputt', en: 'Broken' }, description: { de: 'x', en: 'x' },
  defaults: { sessionCount: 1, sessionMinutes: 60, cadenceWeeks: 2, durationWeeks: 2, matchingStrategy: 'weighted', channels: [] },
  sessions: () => [{ title: 'Only a title' }],
});`,
  });
  const app = await buildTestApp(t, { env: { TANDEM_PLUGINS: folder } });
  const call = await asAdmin(app);
  const preview = await call('GET', '/api/admin/curricula/broken-plan/preview');
  t.equal(preview.statusCode, 502);
  t.match(preview.json().message, /^plugin broken-plan: sessions returned invalid output: \/0\//);
});

t.test(
  'a programme is created from a template, with its defaults and the admin changes',
  async (t) => {
    const app = await buildTestApp(t);
    const call = await asAdmin(app);
    const created = await call('POST', '/api/admin/programmes', {
      curriculum: 'qa-quickstart',
      name: 'Q&A-Schnellstart: KI im Arbeitsalltag',
      settings: {
        goals: ['KI-Assistenten sicher nutzen'],
        eligibility: { departments: ['Zentrale Dienste', 'Bürgerservice'], titles: [], roles: [] },
        format: 'remote',
        meetingLinkTemplate: 'https://meet.example.org/tandem-{meeting}',
      },
    });
    t.equal(created.statusCode, 201);
    t.match(created.json(), {
      state: 'draft',
      kind: 'reverse-mentoring',
      curriculum: 'qa-quickstart',
      matchingStrategy: 'weighted',
      participants: 0,
      settings: {
        goals: ['KI-Assistenten sicher nutzen'],
        format: 'remote',
        sessionCount: 3,
        sessionMinutes: 45,
        cadenceWeeks: 2,
        durationWeeks: 6,
        menteesPerMentor: 1,
        channels: ['email', 'in-app'],
      },
    });
    const id = created.json().id;
    t.equal((await call('GET', `/api/admin/programmes/${id}`)).json().name, created.json().name);
    t.equal((await call('GET', '/api/admin/programmes')).json().length, 1);

    const changed = await call('PATCH', `/api/admin/programmes/${id}`, {
      description: 'Drei Fragestunden.',
      settings: { maxTandems: 12, budget: 'keins' },
    });
    t.match(changed.json(), {
      description: 'Drei Fragestunden.',
      settings: { maxTandems: 12, budget: 'keins', format: 'remote' },
    });
    const audit = await app.orm.em
      .fork()
      .find(AuditEvent, { targetId: id }, { orderBy: { id: 'asc' } });
    t.same(
      audit.map((e) => [e.action, e.data]),
      [
        ['programme.created', { curriculum: 'qa-quickstart' }],
        [
          'programme.updated',
          { fields: ['description', 'settings.maxTandems', 'settings.budget'] },
        ],
      ],
    );
  },
);

t.test('POST and PATCH take an active matching strategy and refuse others alike', async (t) => {
  const app = await buildTestApp(t);
  const call = await asAdmin(app);
  const created = await call('POST', '/api/admin/programmes', {
    curriculum: 'qa-quickstart',
    name: 'Lunch-Strategie im Mentoring',
    matchingStrategy: 'lunch',
  });
  t.equal(created.statusCode, 201);
  t.equal(created.json().matchingStrategy, 'lunch', 'the given strategy, not the default');
  const id = created.json().id;
  t.equal((await call('GET', `/api/admin/programmes/${id}`)).json().matchingStrategy, 'lunch');

  const refusal = {
    statusCode: 400,
    code: 'programme.no-strategy',
    message: 'There is no active matching strategy named seniority; active: weighted, lunch.',
    params: { strategy: 'seniority', active: 'weighted, lunch' },
  };
  const post = await call('POST', '/api/admin/programmes', {
    curriculum: 'qa-quickstart',
    name: 'X',
    matchingStrategy: 'seniority',
  });
  t.match(post.json(), refusal, 'POST');
  const patch = await call('PATCH', `/api/admin/programmes/${id}`, {
    matchingStrategy: 'seniority',
  });
  t.match(patch.json(), refusal, 'PATCH, the same refusal');
  t.equal((await call('GET', `/api/admin/programmes/${id}`)).json().matchingStrategy, 'lunch');
  t.equal(
    (await call('PATCH', `/api/admin/programmes/${id}`, { matchingStrategy: 'weighted' })).json()
      .matchingStrategy,
    'weighted',
  );
  t.match(
    (
      await call('POST', '/api/admin/programmes', {
        curriculum: 'qa-quickstart',
        name: 'X',
        matchingStrategy: 'Not A Name',
      })
    ).json(),
    { statusCode: 400, message: /^body\/matchingStrategy must match pattern/ },
  );
  t.equal((await call('GET', '/api/admin/programmes')).json().length, 1, 'one created');
});

t.test('bad programme input gets a 400 naming what is wrong', async (t) => {
  const app = await buildTestApp(t);
  const call = await asAdmin(app);
  const attempt = async (payload: object) =>
    (await call('POST', '/api/admin/programmes', payload)).json();
  t.match(await attempt({ curriculum: 'qa-quickstart', name: '' }), {
    statusCode: 400,
    message: 'body/name must NOT have fewer than 1 characters',
  });
  t.match(await attempt({ curriculum: 'half-a-year', name: 'X' }), {
    statusCode: 400,
    message: 'There is no active curriculum named half-a-year.',
  });
  t.match(await attempt({ curriculum: 'qa-quickstart', name: 'X', kind: 'peer-lunch' }), {
    message:
      'The curriculum qa-quickstart is for reverse-mentoring, classic-mentoring, not for peer-lunch.',
  });
  t.match(
    await attempt({
      curriculum: 'qa-quickstart',
      name: 'X',
      settings: {
        enrolmentOpensAt: '2027-03-01T00:00:00Z',
        enrolmentClosesAt: '2027-02-01T00:00:00Z',
      },
    }),
    { statusCode: 400, message: 'settings.enrolmentClosesAt must be after enrolmentOpensAt.' },
  );
  t.match(
    await attempt({
      curriculum: 'qa-quickstart',
      name: 'X',
      settings: { meetingLinkTemplate: 'https://meet.example.org/fixed-room' },
    }),
    { statusCode: 400, message: /^body\/settings\/meetingLinkTemplate must match pattern/ },
  );
  t.equal((await call('GET', '/api/admin/programmes')).json().length, 0, 'nothing was created');
});

t.test('a programme goes through its lifecycle; illegal moves get a 409 saying why', async (t) => {
  const app = await buildTestApp(t);
  const call = await asAdmin(app);
  const { id } = (
    await call('POST', '/api/admin/programmes', { curriculum: 'qa-quickstart', name: 'Runde 1' })
  ).json();
  const move = (to: string) => call('POST', `/api/admin/programmes/${id}/transitions`, { to });

  t.match(
    (await move('enrolment')).json(),
    { state: 'enrolment', nextStates: ['matching', 'draft', 'closed'] },
    'the answer says where it may go next',
  );
  t.match((await move('running')).json(), {
    statusCode: 409,
    message:
      'A programme in enrolment cannot go to running; from enrolment it can go to matching or draft or closed.',
  });
  for (const to of ['matching', 'enrolment', 'matching', 'running', 'closed'])
    t.equal((await move(to)).json().state, to, `to ${to}`);
  t.match((await move('enrolment')).json(), {
    statusCode: 409,
    message: 'A closed programme cannot change any more.',
  });
  t.match((await call('PATCH', `/api/admin/programmes/${id}`, { name: 'Y' })).json(), {
    statusCode: 409,
    message: 'A closed programme cannot be changed.',
  });
  const moves = await app.orm.em
    .fork()
    .find(
      AuditEvent,
      { targetId: id, action: 'programme.state-changed' },
      { orderBy: { id: 'asc' } },
    );
  t.same(
    moves.map((e) => `${e.data.from}→${e.data.to}`),
    [
      'draft→enrolment',
      'enrolment→matching',
      'matching→enrolment',
      'enrolment→matching',
      'matching→running',
      'running→closed',
    ],
  );
});

t.test('programme administration is for admins only', async (t) => {
  const app = await buildTestApp(t);
  const { cookies } = await signedInAs(app, { subject: 'ada', name: 'Ada' });
  for (const url of ['/api/admin/programmes', '/api/admin/curricula'])
    t.equal((await app.inject({ url, cookies })).statusCode, 403, url);
  t.equal((await app.inject({ url: '/api/admin/programmes' })).statusCode, 401);
});
