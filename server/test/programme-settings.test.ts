import t from 'tap';
import { buildTestApp } from './helpers/build-test-app.js';
import { signedInAs } from './helpers/sessions.js';

t.test('the settings of the admin form are stored and checked', async (t) => {
  const app = await buildTestApp(t);
  const { cookies } = await signedInAs(app, { subject: 'hr', name: 'HR', roles: ['admin'] });
  const created = await app.inject({
    method: 'POST',
    url: '/api/admin/programmes',
    cookies,
    payload: { curriculum: 'qa-quickstart', name: 'Schnellstart' },
  });
  const { id, settings } = created.json();
  t.match(
    settings,
    {
      selfService: false,
      requestExpiryDays: 7,
      rematchAtOnce: false,
      staleAfterWeeks: 6,
      differentDepartments: false,
    },
    'a new programme starts from the defaults',
  );
  const patch = (change: object) =>
    app.inject({
      method: 'PATCH',
      url: `/api/admin/programmes/${id}`,
      cookies,
      payload: { settings: change },
    });

  const change = {
    weights: { skills: 5, department: 0 },
    selfService: true,
    requestExpiryDays: 3,
    rematchAtOnce: true,
    staleAfterWeeks: 4,
    room: 'Raum 2.14',
    differentDepartments: true,
  };
  const saved = await patch(change);
  t.equal(saved.statusCode, 200, saved.body);
  t.match(saved.json().settings, change, 'each is stored as sent');

  for (const [bad, message] of [
    [{ requestExpiryDays: 0 }, 'body/settings/requestExpiryDays must be >= 1'],
    [{ requestExpiryDays: 31 }, 'body/settings/requestExpiryDays must be <= 30'],
    [{ staleAfterWeeks: 53 }, 'body/settings/staleAfterWeeks must be <= 52'],
    [{ staleAfterWeeks: 1.5 }, 'body/settings/staleAfterWeeks must be integer'],
    [{ weights: { skills: 101 } }, 'must be <= 100'],
    [{ weights: { skills: -1 } }, 'must be >= 0'],
    [{ differentDepartments: 'yes' }, 'body/settings/differentDepartments must be boolean'],
    [{ room: 'R'.repeat(201) }, 'body/settings/room must NOT have more than 200 characters'],
  ] as const) {
    const refused = await patch(bad);
    t.equal(refused.statusCode, 400, JSON.stringify(bad));
    t.match(refused.json().message, message);
  }
  const after = await app.inject({ url: `/api/admin/programmes/${id}`, cookies });
  t.match(after.json().settings, change, 'a refused change leaves the settings as they were');
});
