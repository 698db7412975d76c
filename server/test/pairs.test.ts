import type { FastifyInstance } from 'fastify';
import t from 'tap';
import { Enrolment } from '../src/modules/enrolment/enrolment.js';
import { createPairPlan } from '../src/modules/pairs/pair-plan.js';
import { PairSession } from '../src/modules/pairs/pair-session.js';
import { Programme } from '../src/modules/programmes/programme.js';
import { User } from '../src/modules/users/user.js';
import { buildTestApp } from './helpers/build-test-app.js';
import { publishPair } from './helpers/publish-pair.js';
import { signedInAs } from './helpers/sessions.js';

/** A published reverse-mentoring pair on the Q&A quick start, with its plan; who is who. */
async function publishedPair(app: FastifyInstance, locale: 'de' | 'en' = 'de') {
  const lena = await signedInAs(app, { subject: 'lena', name: 'Lena Vogt', department: 'IT' });
  const brigitte = await signedInAs(app, {
    subject: 'brigitte',
    name: 'Dr. Brigitte Hahn',
    department: 'Bürgerservice',
    title: 'Abteilungsleiterin',
  });
  const em = app.orm.em.fork();
  await em.nativeUpdate(User, { id: { $in: [lena.userId, brigitte.userId] } }, { locale });
  const programme = em.create(Programme, {
    name: 'KI im Arbeitsalltag',
    kind: 'reverse-mentoring',
    state: 'running',
    curriculum: 'qa-quickstart',
    matchingStrategy: 'weighted',
    settings: { goals: ['KI-Assistenten sicher nutzen'], cadenceWeeks: 2, sessionMinutes: 45 },
  });
  const enrolments = (['mentor', 'mentee'] as const).map((role, i) =>
    em.create(Enrolment, { programme, user: [lena, brigitte][i]?.userId ?? '', role }),
  );
  await em.flush();
  const { pairId, sessions: planned } = await publishPair(
    app,
    programme.id,
    enrolments.map((enrolment) => ({
      enrolmentId: enrolment.id,
      role: enrolment.role as 'mentor' | 'mentee',
    })),
  );
  const match = { id: pairId };
  const as =
    (cookies: Record<string, string>) =>
    (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', path = '', payload?: object) =>
      app.inject({
        method,
        url: `/api/pairs/${match.id}${path}`,
        cookies,
        ...(payload ? { payload } : {}),
      });
  return { match, planned, mentor: as(lena.cookies), mentee: as(brigitte.cookies), lena, brigitte };
}

t.test('a published pair gets its own plan from the curriculum, in its language', async (t) => {
  const app = await buildTestApp(t);
  const { match, planned, mentor, mentee, lena } = await publishedPair(app);
  t.equal(planned, 3);
  const pair = (await mentor('GET')).json();
  t.match(pair, {
    programme: { name: 'KI im Arbeitsalltag', kind: 'reverse-mentoring' },
    myRole: 'mentor',
    partners: [{ name: 'Dr. Brigitte Hahn', department: 'Bürgerservice', role: 'mentee' }],
  });
  t.same(
    pair.sessions.map((s: { milestone: string | null; offsetWeeks: number; status: string }) => [
      s.milestone,
      s.offsetWeeks,
      s.status,
    ]),
    [
      ['kick-off', 0, 'planned'],
      [null, 2, 'planned'],
      ['closing', 4, 'planned'],
    ],
  );
  t.ok(
    pair.sessions[0].agenda.some((step: string) => step.includes('KI-Assistenten sicher nutzen')),
    'the programme goal is in the kick-off',
  );
  t.match(pair.sessions[0].homework.mentor, [{ done: false }]);
  t.equal((await mentee('GET')).json().myRole, 'mentee');
  const listed = await app.inject({ url: '/api/pairs', cookies: lena.cookies });
  t.same(
    listed.json().map((p: { id: string }) => p.id),
    [match.id],
  );

  t.equal(
    await createPairPlan({ em: app.orm.em, plugins: app.plugins, log: app.log }, match.id),
    3,
    'a pair keeps its plan',
  );
  t.equal(await app.orm.em.fork().count(PairSession, { match: match.id }), 3, 'no second copy');
});

t.test('the pair plays the Q&A game over its curriculum’s glossary', async (t) => {
  const app = await buildTestApp(t);
  const { mentee, match } = await publishedPair(app);
  const glossary = (await mentee('GET', '/glossary')).json();
  t.ok(glossary.length >= 30, `${glossary.length} terms`);
  t.ok(glossary.some((entry: { term: string }) => entry.term === 'Wiki'));
  const outsider = await signedInAs(app, { subject: 'klaus', name: 'Klaus' });
  const refused = await app.inject({
    url: `/api/pairs/${match.id}/glossary`,
    cookies: outsider.cookies,
  });
  t.equal(refused.statusCode, 404);
});

t.test('a pair whose partners both chose English gets the English plan', async (t) => {
  const app = await buildTestApp(t);
  const { mentor } = await publishedPair(app, 'en');
  const titles = (await mentor('GET')).json().sessions.map((s: { title: string }) => s.title);
  t.equal(titles.length, 3);
  t.notMatch(titles.join(' '), /Kennenlernen|Rückblick/, 'no German titles');
});

t.test('the plan keeps the curriculum’s texts in every language, for each reader', async (t) => {
  const app = await buildTestApp(t);
  const { mentor } = await publishedPair(app);
  const [kickOff] = (await mentor('GET')).json().sessions;
  t.match(kickOff.title, /Kennenlernen/, 'the pair’s language is German');
  t.match(kickOff.translations, {
    title: { de: kickOff.title, en: /^Getting to know each other/ },
    goal: { de: kickOff.goal, en: /^You know each other/ },
    agenda: { de: kickOff.agenda, en: [/^Getting to know each other/] },
  });
  t.match(kickOff.homework.mentor, [{ texts: { de: /./, en: /./ } }]);
  const english = kickOff.homework.mentor[0].texts.en;

  let plan = (await mentor('PUT', `/sessions/${kickOff.id}/homework`, { items: [english] })).json();
  t.match(
    plan.sessions[0].homework.mentor,
    [{ text: english, texts: { de: kickOff.homework.mentor[0].text, en: english } }],
    'a task sent back as the English reader read it stays the curriculum’s, in both languages',
  );
  plan = (
    await mentor('PATCH', `/sessions/${kickOff.id}`, {
      title: kickOff.translations.title.en,
      goal: 'Unser eigenes Ziel',
    })
  ).json();
  t.same(
    Object.keys(plan.sessions[0].translations).sort(),
    ['agenda', 'title', 'tutorials'].filter((field) => field in kickOff.translations).sort(),
    'the goal the pair rewrote is theirs alone; the title sent back unchanged keeps its languages',
  );
});

t.test('the pair tailors its plan; the template stays as it was', async (t) => {
  const app = await buildTestApp(t);
  const { mentor, mentee } = await publishedPair(app);
  const sessions = (await mentor('GET')).json().sessions;
  const [first, second, third] = sessions.map((s: { id: string }) => s.id);

  let plan = (await mentor('POST', '/sessions', { title: 'Extra: KI-Bildgeneratoren' })).json();
  t.match(plan.sessions.at(-1), {
    title: 'Extra: KI-Bildgeneratoren',
    offsetWeeks: 6,
    addedByPair: true,
    durationMinutes: 45,
  });
  plan = (await mentee('POST', '/sessions', { title: 'Nachfragen', after: first })).json();
  t.same(
    plan.sessions.map((s: { title: string; offsetWeeks: number }) => s.offsetWeeks),
    [0, 0, 2, 4, 6],
    'inserted after the first, in its week',
  );

  const ids = plan.sessions.map((s: { id: string }) => s.id);
  const reordered = [ids[0], ids[2], ids[1], ids[3], ids[4]];
  plan = (await mentor('PUT', '/sessions/order', { sessionIds: reordered })).json();
  t.same(
    plan.sessions.map((s: { id: string }) => s.id),
    reordered,
  );
  t.same(
    plan.sessions.map((s: { offsetWeeks: number }) => s.offsetWeeks),
    [0, 0, 2, 4, 6],
    'the weeks stay put',
  );
  t.match((await mentor('PUT', '/sessions/order', { sessionIds: [first, second] })).json(), {
    statusCode: 400,
    message: 'sessionIds must list every session of the pair once.',
  });

  plan = (await mentor('PATCH', `/sessions/${third}`, { status: 'skipped' })).json();
  t.equal(plan.sessions.find((s: { id: string }) => s.id === third).status, 'skipped');

  plan = (
    await mentor('PUT', `/sessions/${first}/homework`, {
      items: ['Drei Beispiele vorbereiten', 'Link schicken'],
    })
  ).json();
  plan = (await mentor('PATCH', `/sessions/${first}/homework/1`, { done: true })).json();
  t.same(plan.sessions[0].homework.mentor, [
    { text: 'Drei Beispiele vorbereiten', done: false },
    { text: 'Link schicken', done: true },
  ]);
  plan = (await mentor('PUT', `/sessions/${first}/homework`, { items: ['Link schicken'] })).json();
  t.same(
    plan.sessions[0].homework.mentor,
    [{ text: 'Link schicken', done: true }],
    'kept tasks stay ticked',
  );
  t.match((await mentee('PATCH', `/sessions/${first}/homework/5`, { done: true })).json(), {
    statusCode: 404,
    message: 'No such homework task on your side.',
  });
  const menteeTicked = (
    await mentee('PATCH', `/sessions/${first}/homework/0`, { done: true })
  ).json();
  t.equal(menteeTicked.sessions[0].homework.mentee[0].done, true, 'each side ticks its own');
  t.equal(menteeTicked.sessions[0].homework.mentor[0].done, true);

  const hr = await signedInAs(app, { subject: 'hr', name: 'HR', roles: ['admin'] });
  const template = await app.inject({
    url: '/api/admin/curricula/qa-quickstart/preview',
    cookies: hr.cookies,
  });
  t.equal(template.json().sessions.length, 3, 'the curriculum still plans three sessions');
});

t.test('notes and the question list are the pair’s alone', async (t) => {
  const app = await buildTestApp(t);
  const { mentor, mentee, match } = await publishedPair(app);
  const note = (
    await mentor('POST', '/notes', { body: 'Brigitte möchte Copilot ausprobieren.' })
  ).json();
  t.match(note, { mine: true, body: 'Brigitte möchte Copilot ausprobieren.' });
  t.match((await mentee('GET', '/notes')).json(), [{ id: note.id, mine: false }]);
  t.match((await mentee('PATCH', `/notes/${note.id}`, { body: 'x' })).json(), {
    statusCode: 403,
    message: 'Only its author can change or delete a note.',
  });
  t.equal(
    (await mentor('PATCH', `/notes/${note.id}`, { body: 'Copilot: nächstes Mal.' })).json().body,
    'Copilot: nächstes Mal.',
  );

  const question = (
    await mentee('POST', '/questions', { text: 'Was ist eigentlich ein Prompt?' })
  ).json();
  t.match((await mentor('PATCH', `/questions/${question.id}`, { answered: true })).json(), {
    answered: true,
    mine: false,
  });
  t.match((await mentor('PATCH', `/questions/${question.id}`, { text: 'Prompt?' })).json(), {
    statusCode: 403,
  });
  t.equal(
    (await mentor('DELETE', `/questions/${question.id}`)).statusCode,
    403,
    'only who asked a question deletes it',
  );
  t.equal((await mentee('DELETE', `/questions/${question.id}`)).statusCode, 204);
  t.same((await mentee('GET', '/questions')).json(), [], 'the question is gone');

  const outsider = await signedInAs(app, { subject: 'klaus', name: 'Klaus' });
  const hr = await signedInAs(app, { subject: 'hr', name: 'HR', roles: ['admin'] });
  for (const [who, cookies] of [
    ['another participant', outsider.cookies],
    ['an admin', hr.cookies],
  ] as const) {
    for (const path of ['', '/notes', '/questions'])
      t.equal(
        (await app.inject({ url: `/api/pairs/${match.id}${path}`, cookies })).statusCode,
        404,
        `${who}: ${path || 'plan'}`,
      );
    const write = await app.inject({
      method: 'POST',
      url: `/api/pairs/${match.id}/notes`,
      cookies,
      payload: { body: 'x' },
    });
    t.equal(write.statusCode, 404, `${who} cannot write a note`);
  }
  t.equal((await mentor('DELETE', `/notes/${note.id}`)).statusCode, 204);
  t.same((await mentee('GET', '/notes')).json(), []);
});

t.test('feedback follows a session that took place, and stays with who gave it', async (t) => {
  const app = await buildTestApp(t);
  const { mentor, mentee } = await publishedPair(app);
  const [first] = (await mentor('GET')).json().sessions;
  t.match((await mentee('PUT', `/sessions/${first.id}/feedback`, { rating: 5 })).json(), {
    statusCode: 409,
    message: 'Feedback follows a session that took place: mark it done first.',
  });
  await mentor('PATCH', `/sessions/${first.id}`, { status: 'done' });
  t.same(
    (
      await mentee('PUT', `/sessions/${first.id}/feedback`, {
        rating: 4,
        comment: '  Sehr hilfreich ',
      })
    ).json(),
    {
      rating: 4,
      comment: 'Sehr hilfreich',
    },
  );
  await mentee('PUT', `/sessions/${first.id}/feedback`, { rating: 5 });
  t.same(
    (await mentee('GET')).json().sessions[0].myFeedback,
    { rating: 5, comment: null },
    'changed, once per person',
  );
  t.equal((await mentor('GET')).json().sessions[0].myFeedback, null, 'the partner does not see it');
  t.match((await mentee('PUT', `/sessions/${first.id}/feedback`, { rating: 6 })).json(), {
    statusCode: 400,
  });
});

t.test('withdrawing dissolves the pair; the partner is matched anew later', async (t) => {
  const app = await buildTestApp(t);
  const { mentee, match, lena } = await publishedPair(app);
  const programmeId = (await mentee('GET')).json().programme.id;
  const withdrawn = await app.inject({
    method: 'DELETE',
    url: `/api/programmes/${programmeId}/enrolment`,
    cookies: lena.cookies,
  });
  t.equal(withdrawn.json().state, 'withdrawn');
  t.equal((await mentee('GET')).statusCode, 404, 'the pair is gone for the partner too');
  const hr = await signedInAs(app, { subject: 'hr', name: 'HR', roles: ['admin'] });
  const review = await app.inject({
    url: `/api/admin/programmes/${programmeId}/review`,
    cookies: hr.cookies,
  });
  t.match(review.json().matches, [
    { id: match.id, state: 'dissolved', dissolvedReason: 'Withdrew from the programme.' },
  ]);
  t.same(
    review.json().unmatched.map((u: { name: string }) => u.name),
    ['Dr. Brigitte Hahn'],
    'the partner waits for the next run; the one who left is not listed',
  );
});
