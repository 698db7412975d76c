import type { FastifyInstance } from 'fastify';
import t, { type Test } from 'tap';
import { buildTestApp } from './helpers/build-test-app.js';
import { signedInAs } from './helpers/sessions.js';

const profile = {
  skillsOffered: ['ai-assistants'],
  skillsWanted: [],
  tags: [],
  languages: ['de'],
  format: 'remote',
  availability: [{ weekday: 3, from: '14:00', to: '16:00' }],
  goals: ['Führungskräften KI zeigen'],
  excludedPersonIds: [],
};

async function setUp(t: Test, settings: object = {}) {
  const app = await buildTestApp(t);
  const hr = await signedInAs(app, { subject: 'hr', name: 'HR', roles: ['admin'] });
  const admin = (method: 'GET' | 'POST', url: string, payload?: object) =>
    app.inject({ method, url, cookies: hr.cookies, ...(payload ? { payload } : {}) });
  const created = await admin('POST', '/api/admin/programmes', {
    curriculum: 'qa-quickstart',
    name: 'KI im Arbeitsalltag',
    settings: {
      eligibility: { departments: ['Bürgerservice', 'IT'], titles: [], roles: [] },
      ...settings,
    },
  });
  const id: string = created.json().id;
  const move = (to: string) => admin('POST', `/api/admin/programmes/${id}/transitions`, { to });
  return { app, admin, id, move };
}

function as(app: FastifyInstance, cookies: Record<string, string>, id: string) {
  return {
    list: () => app.inject({ url: '/api/programmes', cookies }),
    get: () => app.inject({ url: `/api/programmes/${id}`, cookies }),
    enrol: (payload: object) =>
      app.inject({ method: 'PUT', url: `/api/programmes/${id}/enrolment`, payload, cookies }),
    withdraw: () =>
      app.inject({ method: 'DELETE', url: `/api/programmes/${id}/enrolment`, cookies }),
  };
}

t.test(
  'an eligible person joins an open programme with a profile kept for next time',
  async (t) => {
    const { app, admin, id, move } = await setUp(t);
    const lena = await signedInAs(app, { subject: 'lena', name: 'Lena', department: 'IT' });
    const me = as(app, lena.cookies, id);
    t.equal((await me.get()).statusCode, 404, 'a draft is not shown');
    t.same((await me.list()).json(), []);

    await move('enrolment');
    t.match((await me.list()).json(), [
      { id, canEnrol: true, whyNot: null, whyNotCode: null, enrolment: null, sessionCount: 3 },
    ]);
    const joined = await me.enrol({ role: 'mentor', profile });
    t.equal(joined.statusCode, 200);
    t.match(joined.json(), { role: 'mentor', state: 'active', profile });
    t.same(
      (await app.inject({ url: '/api/me/profile', cookies: lena.cookies })).json(),
      profile,
      'the profile is saved for the next programme',
    );
    t.match((await me.get()).json(), { enrolment: { role: 'mentor', state: 'active' } });
    t.match((await admin('GET', `/api/admin/programmes/${id}`)).json(), { participants: 1 });

    const changed = await me.enrol({ role: 'either' });
    t.match(changed.json(), { role: 'either', profile }, 'changed until matching, profile kept');
    t.equal((await me.withdraw()).json().state, 'withdrawn');
    t.match((await admin('GET', `/api/admin/programmes/${id}`)).json(), { participants: 0 });
    t.equal(
      (await me.enrol({ role: 'mentor' })).json().state,
      'active',
      'and may come back while open',
    );
  },
);

t.test('who may not enrol is told why', async (t) => {
  const { app, id, move } = await setUp(t);
  await move('enrolment');
  const klaus = await signedInAs(app, { subject: 'klaus', name: 'Klaus', department: 'Haushalt' });
  const outsider = as(app, klaus.cookies, id);
  t.same((await outsider.list()).json(), [], 'not listed for someone not eligible');
  t.match((await outsider.get()).json(), {
    canEnrol: false,
    whyNot: 'This programme is open to Bürgerservice or IT; your department is Haushalt.',
    whyNotCode: {
      code: 'eligibility.department',
      params: { open: 'Bürgerservice\nIT', yours: 'Haushalt' },
    },
  });
  t.match((await outsider.enrol({ role: 'mentee', profile })).json(), {
    statusCode: 403,
    message: 'This programme is open to Bürgerservice or IT; your department is Haushalt.',
    code: 'eligibility.department',
  });

  const lena = await signedInAs(app, { subject: 'lena', name: 'Lena', department: 'IT' });
  const me = as(app, lena.cookies, id);
  t.match((await me.enrol({ profile })).json(), {
    statusCode: 400,
    message: 'role is required: mentor, mentee or either.',
  });
  t.match((await me.enrol({ role: 'mentor', profile: { ...profile, languages: ['en'] } })).json(), {
    statusCode: 400,
    message: 'This programme meets in de; the profile lists en.',
  });
  t.match((await me.enrol({ role: 'boss', profile })).json(), {
    statusCode: 400,
    message: /^body\/role/,
  });

  t.equal((await me.enrol({ role: 'mentor', profile })).statusCode, 200);
  await move('matching');
  t.match((await me.enrol({ role: 'mentee' })).json(), {
    statusCode: 409,
    message: 'Enrolment has closed: the programme is being matched.',
    code: 'enrolment.matching',
  });
  t.equal((await me.withdraw()).json().state, 'withdrawn', 'withdrawing is possible at any time');
  t.match((await me.withdraw()).json(), {
    statusCode: 404,
    message: 'You are not enrolled in this programme.',
  });
});

t.test('enrolment keeps to its window', async (t) => {
  const opens = new Date(Date.now() + 86_400_000).toISOString();
  const { app, id, move } = await setUp(t, { enrolmentOpensAt: opens });
  await move('enrolment');
  const lena = await signedInAs(app, { subject: 'lena', name: 'Lena', department: 'IT' });
  const me = as(app, lena.cookies, id);
  t.match((await me.enrol({ role: 'mentor', profile })).json(), {
    statusCode: 409,
    message: `Enrolment opens at ${opens}.`,
  });
  t.match((await me.get()).json(), {
    canEnrol: false,
    whyNot: `Enrolment opens at ${opens}.`,
    whyNotCode: { code: 'enrolment.opens', params: { at: opens } },
  });

  const closed = await setUp(t, { enrolmentClosesAt: new Date(Date.now() - 1000).toISOString() });
  await closed.move('enrolment');
  const late = as(
    closed.app,
    (await signedInAs(closed.app, { subject: 'l', name: 'L', department: 'IT' })).cookies,
    closed.id,
  );
  t.match((await late.enrol({ role: 'mentor', profile })).json(), {
    statusCode: 409,
    message: /^Enrolment closed at /,
  });
});
