import t from 'tap';
import { matchInput } from '../src/modules/matching/match-input.js';
import { Programme } from '../src/modules/programmes/programme.js';
import {
  approvalProgramme,
  enrolPayload,
  latestInbox,
  person,
} from './helpers/approval-programme.js';
import { buildTestApp } from './helpers/build-test-app.js';

t.test('beyond capacity people wait in turn, and move up when someone withdraws', async (t) => {
  const app = await buildTestApp(t);
  const { id, admin } = await approvalProgramme(app, { capacity: 2 });
  const people = await Promise.all(['Anna', 'Ben', 'Cem', 'Dora'].map((n) => person(app, n)));
  const [anna, ben, cem, dora] = people;
  if (!anna || !ben || !cem || !dora) throw new Error('four people');
  const enrolled = [];
  for (const p of people)
    enrolled.push((await p.as('PUT', `/api/programmes/${id}/enrolment`, enrolPayload())).json());
  t.same(
    enrolled.map((e) => [e.state, e.waitlistPosition]),
    [
      ['active', null],
      ['active', null],
      ['waitlisted', 1],
      ['waitlisted', 2],
    ],
    'two take part, two wait with their place',
  );
  const position = async (p: typeof anna) =>
    (await p.as('GET', '/api/programmes')).json()[0].enrolment.waitlistPosition;
  t.equal(await position(dora), 2, 'the list of programmes shows the place too');

  const programme = await app.orm.em.fork().findOneOrFail(Programme, id);
  const candidates = async () =>
    (await matchInput(app.orm.em.fork(), programme, 1)).candidates.map((c) => c.personId).sort();
  t.same(await candidates(), [anna.userId, ben.userId].sort(), 'who waits is not matched');
  t.match((await admin('GET', '/api/admin/programmes')).json(), [{ id, participants: 2 }]);

  t.match((await anna.as('DELETE', `/api/programmes/${id}/enrolment`)).json(), {
    state: 'withdrawn',
  });
  t.match((await cem.as('GET', `/api/programmes/${id}`)).json().enrolment, {
    state: 'active',
    waitlistPosition: null,
  });
  t.match(await latestInbox(cem.as), {
    title: 'Ein Platz ist frei: Sie nehmen an „KI im Arbeitsalltag“ teil',
    link: `/programmes/${id}/enrol`,
  });
  t.equal(await position(dora), 1, 'the next moves one place up');
  t.same(await candidates(), [ben.userId, cem.userId].sort());

  t.match((await dora.as('DELETE', `/api/programmes/${id}/enrolment`)).json(), {
    state: 'withdrawn',
  });
  t.match((await ben.as('GET', `/api/programmes/${id}`)).json().enrolment, { state: 'active' });
  const table = (
    await admin('GET', `/api/admin/programmes/${id}/enrolments?state=waitlisted`)
  ).json();
  t.equal(table.total, 0, 'leaving the waitlist frees no place and moves nobody');
});

t.test('two enrolling at once for the last place: one takes it, one waits', async (t) => {
  const app = await buildTestApp(t);
  const { id } = await approvalProgramme(app, { capacity: 1 });
  const people = await Promise.all(['Anna', 'Ben'].map((n) => person(app, n)));
  const states = await Promise.all(
    people.map(
      async (p) =>
        (await p.as('PUT', `/api/programmes/${id}/enrolment`, enrolPayload())).json().state,
    ),
  );
  t.same(states.sort(), ['active', 'waitlisted']);
});

t.test('an approved enrolment beyond capacity joins the waitlist and is told so', async (t) => {
  const app = await buildTestApp(t);
  const { id } = await approvalProgramme(app, { capacity: 1, managerApproval: true });
  const maria = await person(app, 'Maria');
  const anna = await person(app, 'Anna', maria.userId);
  const ben = await person(app, 'Ben', maria.userId);
  for (const p of [anna, ben]) await p.as('PUT', `/api/programmes/${id}/enrolment`, enrolPayload());
  const approvals = (await maria.as('GET', '/api/approvals')).json();
  const of = (name: string) => approvals.find((a: { person: string }) => a.person === name).id;
  await maria.as('POST', `/api/approvals/${of('Anna')}/approve`);
  await maria.as('POST', `/api/approvals/${of('Ben')}/approve`);
  t.match((await ben.as('GET', `/api/programmes/${id}`)).json().enrolment, {
    state: 'waitlisted',
    waitlistPosition: 1,
  });
  t.match(await latestInbox(ben.as), {
    title:
      'Ihre Führungskraft hat zugestimmt: Sie stehen auf der Warteliste für „KI im Arbeitsalltag“',
    text: /an Platz 1/,
  });
  await anna.as('DELETE', `/api/programmes/${id}/enrolment`);
  t.match((await ben.as('GET', `/api/programmes/${id}`)).json().enrolment, { state: 'active' });
});
