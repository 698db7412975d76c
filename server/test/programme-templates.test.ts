import type { FastifyInstance } from 'fastify';
import t from 'tap';
import { Enrolment } from '../src/modules/enrolment/enrolment.js';
import { buildTestApp } from './helpers/build-test-app.js';
import { publishPair } from './helpers/publish-pair.js';
import { signedInAs } from './helpers/sessions.js';

const profile = {
  skillsOffered: ['video-meetings'],
  skillsWanted: ['leadership'],
  tags: [],
  languages: ['de'],
  format: 'both',
  availability: [{ weekday: 4, from: '12:00', to: '13:30' }],
  goals: [],
  excludedPersonIds: [],
};

const templates = [
  {
    curriculum: 'qa-quickstart',
    kind: 'reverse-mentoring',
    roles: ['mentor', 'mentee'],
    sessions: 3,
  },
  { curriculum: 'half-year', kind: 'classic-mentoring', roles: ['mentor', 'mentee'], sessions: 12 },
  { curriculum: 'lunch-rounds', kind: 'peer-lunch', roles: [undefined, undefined], sessions: 6 },
] as const;

function adminClient(app: FastifyInstance, cookies: Record<string, string>) {
  return (method: 'GET' | 'POST', url: string, payload?: object) =>
    app.inject({ method, url, cookies, ...(payload ? { payload } : {}) });
}

for (const template of templates) {
  t.test(`a ${template.curriculum} programme from draft to closed`, async (t) => {
    const app = await buildTestApp(t);
    const hr = await signedInAs(app, { subject: 'hr', name: 'HR', roles: ['admin'] });
    const admin = adminClient(app, hr.cookies);
    const created = (
      await admin('POST', '/api/admin/programmes', {
        curriculum: template.curriculum,
        kind: template.kind,
        name: `${template.curriculum} 2027`,
      })
    ).json();
    t.match(created, {
      state: 'draft',
      kind: template.kind,
      settings: { sessionCount: template.sessions },
    });
    const move = async (to: string) =>
      (await admin('POST', `/api/admin/programmes/${created.id}/transitions`, { to })).json();
    t.match(await move('running'), { statusCode: 409 }, 'a draft cannot start running');

    t.equal((await move('enrolment')).state, 'enrolment');
    const people = await Promise.all(
      ['ana', 'ben'].map((subject) =>
        signedInAs(app, { subject, name: subject, department: 'IT' }),
      ),
    );
    for (const [i, person] of people.entries()) {
      const role = template.roles[i];
      const enrolled = await app.inject({
        method: 'PUT',
        url: `/api/programmes/${created.id}/enrolment`,
        cookies: person.cookies,
        payload: { ...(role ? { role } : {}), profile },
      });
      t.equal(enrolled.statusCode, 200, `${person.userId} enrols`);
      t.equal(enrolled.json().role, role ?? 'either');
    }
    if (template.kind === 'peer-lunch') {
      const asMentor = await app.inject({
        method: 'PUT',
        url: `/api/programmes/${created.id}/enrolment`,
        cookies: people[0]?.cookies ?? {},
        payload: { role: 'mentor' },
      });
      t.match(asMentor.json(), {
        statusCode: 400,
        message: 'In a peer lunch everyone takes part as a peer: role either.',
      });
    }

    t.equal((await move('matching')).state, 'matching');
    const enrolments = await app.orm.em.fork().find(Enrolment, { programme: created.id });
    const { pairId, sessions } = await publishPair(
      app,
      created.id,
      enrolments.map((enrolment) => ({
        enrolmentId: enrolment.id,
        role: enrolment.role === 'either' ? 'peer' : enrolment.role,
      })),
    );
    t.equal(sessions, template.sessions, 'the pair gets the curriculum’s sessions');
    t.equal((await move('running')).state, 'running');

    const member = people[0]?.cookies ?? {};
    const plan = (await app.inject({ url: `/api/pairs/${pairId}`, cookies: member })).json();
    const [first, second] = plan.sessions;
    await app.inject({
      method: 'PATCH',
      url: `/api/pairs/${pairId}/sessions/${first.id}`,
      cookies: member,
      payload: { status: 'done' },
    });
    const skipped = await app.inject({
      method: 'PATCH',
      url: `/api/pairs/${pairId}/sessions/${second.id}`,
      cookies: member,
      payload: { status: 'skipped' },
    });
    t.same(
      skipped
        .json()
        .sessions.slice(0, 2)
        .map((s: { status: string }) => s.status),
      ['done', 'skipped'],
      'the pair keeps track of its sessions',
    );
    const feedback = await app.inject({
      method: 'PUT',
      url: `/api/pairs/${pairId}/sessions/${first.id}/feedback`,
      cookies: member,
      payload: { rating: 5 },
    });
    t.equal(feedback.statusCode, 200);

    t.equal((await move('closed')).state, 'closed');
    t.match(await move('enrolment'), {
      statusCode: 409,
      message: 'A closed programme cannot change any more.',
    });
  });
}
