import t from 'tap';
import { AuditEvent } from '../src/modules/audit/audit-event.js';
import { EMPTY_PROFILE } from '../src/modules/profiles/profile-schema.js';
import { buildTestApp } from './helpers/build-test-app.js';
import { signedInAs } from './helpers/sessions.js';

t.test(
  'where the programme rematches at once, a dissolved pair finds new partners right away',
  async (t) => {
    const app = await buildTestApp(t, { env: { WORKER_IN_PROCESS: 'true' } });
    const hr = await signedInAs(app, { subject: 'hr', name: 'HR', roles: ['admin'] });
    const admin = (method: 'GET' | 'POST', url: string, payload?: object) =>
      app.inject({ method, url, cookies: hr.cookies, ...(payload ? { payload } : {}) });
    const { id } = (
      await admin('POST', '/api/admin/programmes', {
        curriculum: 'qa-quickstart',
        name: 'Sofort neu',
        settings: { rematchAtOnce: true },
      })
    ).json();
    await admin('POST', `/api/admin/programmes/${id}/transitions`, { to: 'enrolment' });
    const cookies: Record<string, Record<string, string>> = {};
    for (const [name, role, profile] of [
      ['mia', 'mentor', { skillsOffered: ['ai-assistants'] }],
      ['max', 'mentor', { skillsOffered: ['e-file'] }],
      ['erik', 'mentee', { skillsWanted: ['ai-assistants'] }],
    ] as const) {
      const person = await signedInAs(app, { subject: name, name, department: name });
      cookies[name] = person.cookies;
      await app.inject({
        method: 'PUT',
        url: `/api/programmes/${id}/enrolment`,
        cookies: person.cookies,
        payload: { role, profile: { ...EMPTY_PROFILE, ...profile } },
      });
    }
    await admin('POST', `/api/admin/programmes/${id}/transitions`, { to: 'matching' });
    const { id: runId } = (await admin('POST', `/api/admin/programmes/${id}/matching-runs`)).json();
    for (let i = 0; i < 200; i++) {
      if ((await admin('GET', `/api/admin/matching-runs/${runId}`)).json().state === 'succeeded')
        break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const published = (await admin('POST', `/api/admin/programmes/${id}/publish`)).json();
    const pair = published.matches[0];
    t.same(pair.members.map((m: { name: string }) => m.name).sort(), ['erik', 'mia']);

    const reported = await app.inject({
      method: 'POST',
      url: `/api/pairs/${pair.id}/mismatch`,
      cookies: cookies.erik ?? {},
    });
    t.equal(reported.statusCode, 204, 'a bare POST, the reason being optional');
    let live: string[] = [];
    for (let i = 0; i < 200 && live.length === 0; i++) {
      const review = (await admin('GET', `/api/admin/programmes/${id}/review`)).json();
      live = review.matches
        .filter((m: { state: string }) => m.state === 'published')
        .map((m: { members: { name: string }[] }) =>
          m.members
            .map((x) => x.name)
            .sort()
            .join('+'),
        );
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    t.same(live, ['erik+max'], 'erik has a new mentor at once, and never mia again');
    t.equal(await app.orm.em.fork().count(AuditEvent, { action: 'matching.rematched' }), 1);
    const mine = await app.inject({ url: '/api/pairs', cookies: cookies.erik ?? {} });
    t.same(
      mine.json().map((p: { partners: { name: string }[] }) => p.partners[0]?.name),
      ['max'],
    );
  },
);
