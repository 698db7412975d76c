import t from 'tap';
import { DATASET_IDS } from '../src/modules/reports/report-schemas.js';
import { buildTestApp } from './helpers/build-test-app.js';
import { signedInAs } from './helpers/sessions.js';
import { surveyProgramme } from './helpers/survey-programme.js';

/** Routes that need a role: what HR, programme managers and report readers can call. */
const STAFF = new Set(['admin', 'staff', 'managers', 'programme', 'programme-report', 'reports']);

/** A text nobody else would write, to look for in every answer. */
const DISTINCTIVE = 'Zebrafinken-Übersetzung 7Q4X';

t.test('no admin route or export leads from a survey answer to a person', async (t) => {
  const app = await buildTestApp(t);
  const { programmeId, pairId, mentee } = await surveyProgramme(app, {
    surveys: { showFreeText: true },
  });
  await app.orm.em.execute(
    `INSERT INTO survey_invitation (id, programme_id, user_id, survey, sent_at)
       VALUES (gen_random_uuid(), ?, ?, 'end', now())`,
    [programmeId, mentee.userId],
  );
  const answered = await app.inject({
    method: 'POST',
    url: `/api/programmes/${programmeId}/surveys/end`,
    cookies: mentee.cookies,
    payload: {
      answers: { 'digcomp.safety': 2, recommend: 'no', changed: DISTINCTIVE, satisfaction: 1 },
    },
  });
  t.equal(answered.statusCode, 204, answered.body);
  t.equal(answered.body, '', 'the answer gives back no id');

  const columns = await app.orm.em.execute<{ column_name: string }[]>(
    `SELECT column_name FROM information_schema.columns
      WHERE table_name = 'survey_response' ORDER BY ordinal_position`,
  );
  t.same(
    columns.map((c) => c.column_name),
    ['id', 'programme_id', 'survey', 'answers'],
    'the response row has no user and no time',
  );
  const [response] = await app.orm.em.execute<{ id: string }[]>('SELECT id FROM survey_response');
  const responseId = response?.id ?? 'missing';
  t.match(responseId, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-/, 'a random (v4) id');

  // Every GET route a role opens, with each id of the world in each path parameter.
  const admin = await signedInAs(app, { subject: 'hr', name: 'HR', roles: ['admin'] });
  const ids = [programmeId, mentee.userId, pairId];
  const fillings = (path: string): string[] => {
    const match = /:(\w+)/.exec(path);
    if (!match) return [path];
    const values = match[1] === 'dataset' ? [...DATASET_IDS] : ids;
    return values.flatMap((value) => fillings(path.replace(match[0], value)));
  };
  const routes = [...app.routeAccess]
    .filter(([route, access]) => route.startsWith('GET /api/') && STAFF.has(access ?? ''))
    .map(([route]) => route.slice('GET '.length));
  t.ok(routes.includes('/api/admin/audit'), 'the audit log is among them');
  t.ok(routes.includes('/api/admin/users/:id/export'), 'and the personal data export');
  t.ok(routes.includes('/api/admin/programmes/:id/enrolments/export'), 'and the CSV exports');
  let calls = 0;
  let found = 0;
  for (const route of routes) {
    for (const url of fillings(route)) {
      const answer = await app.inject({ url, cookies: admin.cookies });
      calls++;
      if (answer.statusCode === 200) found++;
      const body = answer.body;
      t.notOk(body.includes(responseId), `${url}: no response id`);
      const named = body.includes(mentee.userId) || body.includes(mentee.name);
      t.notOk(named && body.includes(DISTINCTIVE), `${url}: the text is not beside the person`);
      t.notOk(body.includes('"answers":{') && named, `${url}: no answers beside the person`);
    }
  }
  t.ok(found > 20, `${found} of ${calls} calls answered`);

  const exported = await app.inject({
    url: `/api/admin/users/${mentee.userId}/export`,
    cookies: admin.cookies,
  });
  const invitations = exported.json().tables.survey_invitation as Record<string, unknown>[];
  t.match(invitations, [{ survey: 'end', answered: true, answers: /cannot be found again/ }]);
  t.notOk(exported.body.includes(DISTINCTIVE), 'the export has not what they answered');
  const own = await app.inject({ url: '/api/me/export', cookies: mentee.cookies });
  t.match(own.json().tables.survey_invitation, [{ survey: 'end', answered: true }]);
  t.notOk(own.body.includes(DISTINCTIVE), 'nor does their own: nothing leads to it');

  // Deleting the person takes their invitations; the response stays, anonymous.
  const deleted = await app.inject({
    method: 'POST',
    url: `/api/admin/users/${mentee.userId}/delete`,
    cookies: admin.cookies,
    payload: { confirm: 'DELETE' },
  });
  t.equal(deleted.statusCode, 200, deleted.body);
  const left = await app.orm.em.execute<{ invitations: number; responses: number }[]>(
    `SELECT (SELECT count(*)::int FROM survey_invitation WHERE user_id = ?) AS invitations,
            (SELECT count(*)::int FROM survey_response) AS responses`,
    [mentee.userId],
  );
  t.same(left, [{ invitations: 0, responses: 1 }]);
});

t.test('reading the tables directly, an answer points to everyone asked, not to one', async (t) => {
  const app = await buildTestApp(t);
  const { programmeId, mentor, mentee } = await surveyProgramme(app, {});
  for (const person of [mentor, mentee])
    await app.orm.em.execute(
      `INSERT INTO survey_invitation (id, programme_id, user_id, survey, sent_at)
         VALUES (gen_random_uuid(), ?, ?, 'end', now())`,
      [programmeId, person.userId],
    );
  const answered = await app.inject({
    method: 'POST',
    url: `/api/programmes/${programmeId}/surveys/end`,
    cookies: mentee.cookies,
    payload: { answers: { satisfaction: 4 } },
  });
  t.equal(answered.statusCode, 204, answered.body);
  // PostgreSQL stamps each row version with the transaction that wrote it: the response's
  // transaction also rewrote the mentor's invitation, so it names both people alike.
  const stamps = await app.orm.em.execute<{ user_id: string; written_with_response: boolean }[]>(
    `SELECT i.user_id, i.xmin::text = r.xmin::text AS written_with_response
       FROM survey_invitation i, survey_response r
      WHERE i.programme_id = ? AND i.survey = 'end'`,
    [programmeId],
  );
  t.equal(stamps.length, 2);
  t.ok(
    stamps.every((row) => row.written_with_response),
    'every invitation of the survey carries the transaction of the response',
  );
});
