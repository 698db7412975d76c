import t from 'tap';
import { buildTestApp } from './helpers/build-test-app.js';
import { createTestDatabase, sql } from './helpers/database.js';
import { PERSON, personWithHistory } from './helpers/privacy-fixture.js';
import { signedInAs } from './helpers/sessions.js';

/** Every table that refers to app_user, directly or through tables that do, from the catalogue. */
const REFERRING_TABLES = `
WITH RECURSIVE refs(name) AS (
  SELECT 'app_user'::name
  UNION
  SELECT referring.relname
    FROM pg_constraint c
    JOIN pg_class referring ON referring.oid = c.conrelid
    JOIN pg_class referenced ON referenced.oid = c.confrelid
    JOIN refs ON refs.name = referenced.relname
   WHERE c.contype = 'f' AND referring.relnamespace = 'public'::regnamespace)
SELECT name FROM refs ORDER BY name`;

/**
 * Tables reached only through a programme (whose creator is a person) that hold nothing of
 * anyone: survey answers carry no person by design (survey-anonymity.test.ts shows it), so an
 * export cannot find a person's rows there.
 */
const ANONYMOUS_TABLES = ['survey_response'];

/** Each column that references app_user itself. */
const USER_COLUMNS = `
SELECT referring.relname AS table_name, a.attname AS column_name
  FROM pg_constraint c
  JOIN pg_class referring ON referring.oid = c.conrelid
  JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
 WHERE c.contype = 'f' AND c.confrelid = 'app_user'::regclass`;

t.test('an export holds every table that refers to the person, with their rows', async (t) => {
  const databaseUrl = await createTestDatabase(t);
  const app = await buildTestApp(t, { databaseUrl });
  const { quirina, pairs, cookies } = await personWithHistory(app);

  const response = await app.inject({ url: '/api/me/export', cookies });
  t.equal(response.statusCode, 200);
  t.match(
    response.headers['content-disposition'],
    /^attachment; filename="tandem-export-\d{4}-\d{2}-\d{2}\.json"$/,
  );
  const data = response.json();
  t.equal(data.userId, quirina.id);

  const expected = (await sql<{ name: string }>(databaseUrl, REFERRING_TABLES))
    .map((r) => r.name)
    .filter((name) => !ANONYMOUS_TABLES.includes(name));
  const sections = Object.keys(data.tables);
  t.same(
    expected.filter((table) => !sections.includes(table)),
    [],
    'no table that refers to a person is left out',
  );
  t.ok(expected.length >= 15, `the catalogue names ${expected.length} tables`);
  t.comment(`tables in the catalogue: ${expected.length}; sections exported: ${sections.length}`);

  for (const { table_name, column_name } of await sql(databaseUrl, USER_COLUMNS)) {
    const [row] = await sql<{ count: number }>(
      databaseUrl,
      `SELECT count(*)::int AS count FROM "${table_name}" WHERE "${column_name}" = $1`,
      [quirina.id],
    );
    const count = row?.count ?? 0;
    t.ok(
      data.tables[table_name].length >= count,
      `${table_name}.${column_name}: ${count} rows in the database, all exported`,
    );
  }
  for (const table of [
    'app_user',
    'user_profile',
    'enrolment',
    'match',
    'match_member',
    'meeting',
    'pair_session',
    'pair_note',
    'pair_question',
    'session_feedback',
    'notification',
    'delivery',
    'session',
  ])
    t.ok(data.tables[table]?.length > 0, `${table} has her rows`);
  t.same(
    data.tables.pair_note.map((note: { body: string }) => note.body).sort(),
    ['Meine geheime Notiz', 'Notiz zum Treffen'],
    'her notes, decrypted',
  );
  t.notOk('ciphertext' in data.tables.pair_note[0]);
  t.notOk('idToken' in data.tables.session[0], 'no sign-in secrets');
  t.same(data.tables.match.map((m: { id: string }) => m.id).sort(), Object.values(pairs).sort());
  t.equal(data.tables.session_feedback[0].comment, 'Gut');
});

t.test('admins export anyone, audited; others may not', async (t) => {
  const databaseUrl = await createTestDatabase(t);
  const app = await buildTestApp(t, { databaseUrl });
  const { quirina, partnerCookies } = await personWithHistory(app);
  const hr = await signedInAs(app, { subject: 'hr', name: 'HR', roles: ['admin'] });
  const url = `/api/admin/users/${quirina.id}/export`;

  const response = await app.inject({ url, cookies: hr.cookies });
  t.equal(response.statusCode, 200);
  t.equal(response.json().tables.app_user[0].name, PERSON.name);
  t.notMatch(response.body, /Meine geheime Notiz/, 'no admin route returns a pair note');
  t.match(response.json().tables.pair_note, [{ body: null, bodyWithheld: /only to their author/ }]);
  const [audit] = await sql(
    databaseUrl,
    `SELECT actor_id, target_id FROM audit_event WHERE action = 'user.data-exported'`,
  );
  t.same(audit, { actor_id: hr.userId, target_id: quirina.id });

  t.equal((await app.inject({ url })).statusCode, 401);
  t.equal((await app.inject({ url, cookies: partnerCookies })).statusCode, 403);
  t.equal((await app.inject({ url: '/api/me/export' })).statusCode, 401);
  const unknown = '00000000-0000-4000-8000-000000000000';
  t.equal(
    (await app.inject({ url: `/api/admin/users/${unknown}/export`, cookies: hr.cookies }))
      .statusCode,
    404,
  );
});

t.test("her export holds no partner's reason, no score and no proposal", async (t) => {
  const databaseUrl = await createTestDatabase(t);
  const app = await buildTestApp(t, { databaseUrl });
  const { pairs, cookies, partnerCookies } = await personWithHistory(app);
  const reason = 'Grund-Marke-4e7a19';
  await sql(databaseUrl, `UPDATE match SET score = 87.5, criteria = $1`, [
    JSON.stringify([{ name: 'Kriterium-Marke-2d6c', score: 1, weight: 1, why: 'passt' }]),
  ]);
  const [proposal] = await sql<{ id: string }>(
    databaseUrl,
    `INSERT INTO match (id, programme_id, state, created_at)
       SELECT gen_random_uuid(), programme_id, 'proposed', now() FROM match WHERE id = $1 RETURNING id`,
    [pairs.running],
  );
  await sql(
    databaseUrl,
    `INSERT INTO match_member (id, match_id, enrolment_id, role)
       SELECT gen_random_uuid(), $1, enrolment_id, role FROM match_member WHERE match_id = $2`,
    [proposal?.id, pairs.running],
  );
  const reported = await app.inject({
    method: 'POST',
    url: `/api/pairs/${pairs.running}/mismatch`,
    cookies: partnerCookies,
    payload: { reason },
  });
  t.equal(reported.statusCode, 204, 'Paul dissolves their running pair, with a reason');
  // As if an admin had chosen a reason as well: a code for admins only.
  await sql(databaseUrl, `UPDATE match SET dissolved_reason_code = 'no-time' WHERE id = $1`, [
    pairs.running,
  ]);

  const mine = await app.inject({ url: '/api/me/export', cookies });
  t.equal(mine.statusCode, 200);
  t.notMatch(mine.body, reason, "not a word of why her partner left (privacy.md, 'Who sees what')");
  t.notMatch(mine.body, 'Kriterium-Marke-2d6c', 'nor the explanation of the score');
  const { match, match_member } = mine.json().tables;
  t.same(match.map((m: { id: string }) => m.id).sort(), Object.values(pairs).sort(), 'no proposal');
  t.notOk(
    match_member.some((m: { match: string }) => m.match === proposal?.id),
    'not even her place in it',
  );
  t.notOk(
    match.some((m: object) => 'score' in m || 'criteria' in m),
    'no score, no criteria',
  );
  t.match(
    match.find((m: { id: string }) => m.id === pairs.running),
    {
      state: 'dissolved',
      dissolvedReason: null,
      dissolvedReasonCode: null,
      dissolvedReasonWithheld: /Confidential/,
    },
  );

  const his = (await app.inject({ url: '/api/me/export', cookies: partnerCookies })).json();
  t.match(
    his.tables.match.find((m: { id: string }) => m.id === pairs.running),
    { dissolvedReason: reason, dissolvedReasonCode: null },
    'Paul gets the reason he gave himself, not an admin’s',
  );
  const hr = await signedInAs(app, { subject: 'hr', name: 'HR', roles: ['admin'] });
  const admins = await app.inject({
    url: `/api/admin/users/${his.userId}/export`,
    cookies: hr.cookies,
  });
  t.match(admins.body, reason, 'as admins do');
  const adminsMatches: { score: number | null }[] = admins.json().tables.match;
  t.same(
    adminsMatches.map((m) => m.score).sort(),
    [87.5, 87.5, null],
    'with the scores, and the proposal',
  );
});
