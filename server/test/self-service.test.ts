import type { FastifyInstance } from 'fastify';
import t from 'tap';
import { EXPIRE_TANDEM_REQUESTS } from '../src/jobs/expire-tandem-requests.js';
import { EMPTY_PROFILE } from '../src/modules/profiles/profile-schema.js';
import { buildTestApp } from './helpers/build-test-app.js';
import { createTestDatabase, sql } from './helpers/database.js';
import { signedInAs } from './helpers/sessions.js';

const PEOPLE = [
  ['lena', 'mentor', { skillsOffered: ['ai-assistants', 'e-file'] }],
  ['jonas', 'mentor', { skillsOffered: ['ai-assistants'] }],
  ['sam', 'mentor', { skillsOffered: ['video-meetings'] }],
  ['brigitte', 'mentee', { skillsWanted: ['ai-assistants', 'e-file'] }],
  ['klaus', 'mentee', { skillsWanted: ['e-file'] }],
] as const;

async function selfServiceProgramme(app: FastifyInstance, selfService = true) {
  const hr = await signedInAs(app, { subject: 'hr', name: 'HR', roles: ['admin'] });
  const admin = (url: string, payload: object) =>
    app.inject({ method: 'POST', url, payload, cookies: hr.cookies });
  const { id } = (
    await admin('/api/admin/programmes', {
      curriculum: 'qa-quickstart',
      name: 'Selbst gewählt',
      settings: { selfService, requestExpiryDays: 3 },
    })
  ).json();
  await admin(`/api/admin/programmes/${id}/transitions`, { to: 'enrolment' });
  const cookies: Record<string, Record<string, string>> = {};
  const enrolments: Record<string, string> = {};
  for (const [name, role, profile] of PEOPLE) {
    const person = await signedInAs(app, { subject: name, name, department: name });
    cookies[name] = person.cookies;
    const enrolled = await app.inject({
      method: 'PUT',
      url: `/api/programmes/${id}/enrolment`,
      cookies: person.cookies,
      payload: { role, profile: { ...EMPTY_PROFILE, ...profile } },
    });
    enrolments[name] =
      (
        await sql<{ id: string }>(
          app.orm.config.get('clientUrl') ?? '',
          'SELECT e.id FROM enrolment e JOIN app_user u ON u.id = e.user_id WHERE u.subject = $1',
          [name],
        )
      )[0]?.id ?? '';
    t.equal(enrolled.statusCode, 200);
  }
  return { id, cookies, enrolments };
}

t.test(
  'a participant sees suggestions, asks one, and the accepted request makes a pair',
  async (t) => {
    const databaseUrl = await createTestDatabase(t);
    const app = await buildTestApp(t, { databaseUrl, env: { WORKER_IN_PROCESS: 'true' } });
    const { id, cookies, enrolments } = await selfServiceProgramme(app);
    const as = (who: string) => (method: 'GET' | 'POST', url: string, payload?: object) =>
      app.inject({ method, url, cookies: cookies[who] ?? {}, ...(payload ? { payload } : {}) });
    const brigitte = as('brigitte');

    const suggestions = (await brigitte('GET', `/api/programmes/${id}/suggestions`)).json();
    t.same(
      suggestions.map((s: { name: string }) => s.name),
      ['lena', 'jonas', 'sam'],
      'best first, with reasons',
    );
    t.match(suggestions[0].criteria, [{ name: 'skills', why: /ai-assistants, e-file/ }]);

    const asked = await brigitte('POST', `/api/programmes/${id}/requests`, { to: enrolments.lena });
    t.equal(asked.statusCode, 201);
    t.match(asked.json(), { direction: 'sent', state: 'pending', other: { name: 'lena' } });
    t.match(
      (await brigitte('POST', `/api/programmes/${id}/requests`, { to: enrolments.jonas })).json(),
      {
        statusCode: 409,
        message: 'Your request is still waiting for an answer.',
      },
    );

    const lena = as('lena');
    const received = (await lena('GET', `/api/programmes/${id}/requests`)).json();
    t.match(received, [
      {
        direction: 'received',
        other: { name: 'brigitte', enrolmentId: enrolments.brigitte },
        state: 'pending',
      },
    ]);
    t.equal(
      (await as('klaus')('POST', `/api/requests/${received[0].id}/accept`)).statusCode,
      404,
      'only who was asked answers',
    );
    const accepted = (await lena('POST', `/api/requests/${received[0].id}/accept`)).json();
    t.match(accepted, { state: 'accepted', pairId: /^[0-9a-f-]{36}$/ });
    const pair = await brigitte('GET', `/api/pairs/${accepted.pairId}`);
    t.match(pair.json(), { myRole: 'mentee', partners: [{ name: 'lena', role: 'mentor' }] });
    t.match((await brigitte('GET', `/api/programmes/${id}/suggestions`)).json(), {
      statusCode: 409,
      message: 'You have a tandem already.',
    });
    t.same(
      (await as('klaus')('GET', `/api/programmes/${id}/suggestions`))
        .json()
        .map((s: { name: string }) => s.name)
        .sort(),
      ['jonas', 'sam'],
      'lena is taken now',
    );
  },
);

t.test('a declined or expired request brings up the next suggestion', async (t) => {
  const databaseUrl = await createTestDatabase(t);
  const app = await buildTestApp(t, { databaseUrl, env: { WORKER_IN_PROCESS: 'true' } });
  const { id, cookies, enrolments } = await selfServiceProgramme(app);
  const klaus = (method: 'GET' | 'POST', url: string, payload?: object) =>
    app.inject({ method, url, cookies: cookies.klaus ?? {}, ...(payload ? { payload } : {}) });
  const first = (
    await klaus('POST', `/api/programmes/${id}/requests`, { to: enrolments.lena })
  ).json();
  t.equal(
    (
      await app.inject({
        method: 'POST',
        url: `/api/requests/${first.id}/decline`,
        cookies: cookies.lena ?? {},
      })
    ).json().state,
    'declined',
  );
  const names = async () =>
    (await klaus('GET', `/api/programmes/${id}/suggestions`))
      .json()
      .map((s: { name: string }) => s.name);
  t.notOk((await names()).includes('lena'), 'who declined is not suggested again');

  const second = (
    await klaus('POST', `/api/programmes/${id}/requests`, { to: enrolments.jonas })
  ).json();
  t.match(second.expiresAt, /^\d{4}-/);
  await sql(
    databaseUrl,
    `UPDATE tandem_request SET expires_at = now() - interval '1 minute' WHERE id = $1`,
    [second.id],
  );
  t.match(
    (
      await app.inject({
        method: 'POST',
        url: `/api/requests/${second.id}/accept`,
        cookies: cookies.jonas ?? {},
      })
    ).json(),
    {
      statusCode: 409,
      message: 'The request is expired.',
      code: 'request.not-pending',
      params: { state: 'expired' },
    },
  );
  await app.worker?.addJob(EXPIRE_TANDEM_REQUESTS, {});
  let state = '';
  for (let i = 0; i < 100 && state !== 'expired'; i++) {
    state = (await klaus('GET', `/api/programmes/${id}/requests`)).json()[0]?.state;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  t.equal(state, 'expired', 'the hourly job marks it expired');
  t.same(await names(), ['sam'], 'and the next suggestion comes up');
  t.match(
    (await klaus('GET', '/api/me/inbox')).json().entries[0],
    {
      title: 'Ihre Anfrage an jonas ist abgelaufen',
      link: `/programmes/${id}/partners`,
    },
    'klaus learns that his request ran out, with the way to the next suggestion',
  );
});

t.test('a programme without self-service says so', async (t) => {
  const app = await buildTestApp(t);
  const { id, cookies } = await selfServiceProgramme(app, false);
  const refused = await app.inject({
    url: `/api/programmes/${id}/suggestions`,
    cookies: cookies.klaus ?? {},
  });
  t.match(refused.json(), {
    statusCode: 409,
    message: 'In this programme, HR matches the tandems; there is no self-service.',
  });
});

t.test('the person asked is told, and the asker hears the answer', async (t) => {
  const databaseUrl = await createTestDatabase(t);
  const app = await buildTestApp(t, { databaseUrl });
  const { id, cookies, enrolments } = await selfServiceProgramme(app);
  const as = (who: string) => (method: 'GET' | 'POST', url: string, payload?: object) =>
    app.inject({ method, url, cookies: cookies[who] ?? {}, ...(payload ? { payload } : {}) });
  const inbox = async (who: string) => (await as(who)('GET', '/api/me/inbox')).json().entries;

  const asked = await as('brigitte')('POST', `/api/programmes/${id}/requests`, {
    to: enrolments.lena,
    message: 'Ich möchte die E-Akte endlich verstehen.',
  });
  t.match(asked.json(), { message: 'Ich möchte die E-Akte endlich verstehen.' });
  t.match(
    await inbox('lena'),
    [
      {
        title: 'brigitte möchte Ihr Tandem sein',
        text: /„Ich möchte die E-Akte endlich verstehen\.“/,
        link: `/programmes/${id}/partners`,
      },
    ],
    'lena learns who asked her, with the note and a link to where she answers',
  );
  t.same(await inbox('brigitte'), [], 'the asker is told nothing yet');

  const accepted = (await as('lena')('POST', `/api/requests/${asked.json().id}/accept`)).json();
  t.match(
    await inbox('brigitte'),
    [{ kind: 'match', title: /lena hat angenommen/, link: `/tandem/${accepted.pairId}` }],
    'the asker hears the yes, with a link to the new tandem',
  );

  const second = await as('klaus')('POST', `/api/programmes/${id}/requests`, {
    to: enrolments.jonas,
  });
  t.match(await inbox('jonas'), [{ text: /^(?![\s\S]*Nachricht dazu)/ }], 'no note, none shown');
  await as('jonas')('POST', `/api/requests/${second.json().id}/decline`);
  t.match(
    await inbox('klaus'),
    [
      {
        kind: 'notice',
        title: 'jonas kann nicht Ihr Tandem sein',
        link: `/programmes/${id}/partners`,
      },
    ],
    'a no leads back to the suggestions',
  );
});

t.test('when two become a tandem, whoever waited on either of them is told', async (t) => {
  const app = await buildTestApp(t);
  const { id, cookies, enrolments } = await selfServiceProgramme(app);
  const as = (who: string) => (method: 'GET' | 'POST', url: string, payload?: object) =>
    app.inject({ method, url, cookies: cookies[who] ?? {}, ...(payload ? { payload } : {}) });
  const ask = async (from: string, to: string) =>
    (await as(from)('POST', `/api/programmes/${id}/requests`, { to: enrolments[to] })).json();
  const inbox = async (who: string) => (await as(who)('GET', '/api/me/inbox')).json().entries;

  await ask('lena', 'klaus');
  await ask('jonas', 'brigitte');
  const chosen = await ask('brigitte', 'lena');
  await as('lena')('POST', `/api/requests/${chosen.id}/accept`);

  const partners = `/programmes/${id}/partners`;
  t.match(
    (await inbox('klaus'))[0],
    { title: 'lena hat ein Tandem gefunden', link: partners },
    'the person lena had asked hears that she is taken, and is led to the suggestions',
  );
  t.match(
    (await inbox('jonas'))[0],
    { title: 'brigitte hat ein Tandem gefunden', link: partners },
    'who had asked brigitte hears it too',
  );
  t.same(
    (await as('jonas')('GET', `/api/programmes/${id}/requests`))
      .json()
      .map((r: { state: string }) => r.state),
    ['withdrawn'],
    'and his request is withdrawn',
  );
});

t.test('a request not yet answered can be withdrawn by who sent it', async (t) => {
  const app = await buildTestApp(t);
  const { id, cookies, enrolments } = await selfServiceProgramme(app);
  const as = (who: string) => (method: 'GET' | 'POST', url: string, payload?: object) =>
    app.inject({ method, url, cookies: cookies[who] ?? {}, ...(payload ? { payload } : {}) });
  const sent = (
    await as('klaus')('POST', `/api/programmes/${id}/requests`, { to: enrolments.lena })
  ).json();
  t.equal(
    (await as('lena')('POST', `/api/requests/${sent.id}/withdraw`)).statusCode,
    404,
    'not by who was asked',
  );
  t.match((await as('klaus')('POST', `/api/requests/${sent.id}/withdraw`)).json(), {
    state: 'withdrawn',
  });
  t.match((await as('lena')('POST', `/api/requests/${sent.id}/accept`)).json(), {
    statusCode: 409,
    message: 'The request is withdrawn.',
  });
  t.equal(
    (await as('klaus')('POST', `/api/programmes/${id}/requests`, { to: enrolments.jonas }))
      .statusCode,
    201,
    'and its sender may ask someone else',
  );
});
