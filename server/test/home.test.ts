import t from 'tap';
import { seedDemo } from '../src/demo/seed-demo.js';
import { buildTestApp } from './helpers/build-test-app.js';
import { createTestDatabase, sql } from './helpers/database.js';

t.test('on an empty database the home page says Tandem runs and has no programmes', async (t) => {
  const app = await buildTestApp(t);
  const response = await app.inject('/');
  t.equal(response.statusCode, 200);
  t.match(response.headers['content-type'], /text\/html/);
  t.match(response.body, /Tandem läuft/);
  t.match(response.body, /Tandem is running/);
  t.match(response.body, /No programmes yet/);
});

t.test('with the demo the home page shows the organisation and its programmes', async (t) => {
  const databaseUrl = await createTestDatabase(t);
  const app = await buildTestApp(t, { databaseUrl });
  await seedDemo(app.orm.em.fork());
  await sql(
    databaseUrl,
    "UPDATE enrolment SET state = 'withdrawn' WHERE id = (SELECT id FROM enrolment LIMIT 1)",
  );
  const [expected] = await sql<{ count: string }>(
    databaseUrl,
    "SELECT count(*) FROM enrolment e JOIN programme p ON p.id = e.programme_id WHERE p.name = 'Mystery Lunch' AND e.state = 'active'",
  );

  const { body } = await app.inject('/');
  t.match(body, /Landesamt für Digitales \(Demo\)/);
  t.match(
    body,
    /<td>Digital fit: Reverse Mentoring 2027<\/td><td>Anmeldung offen · enrolment open<\/td>/,
  );
  t.match(
    body,
    new RegExp(`<td>Mystery Lunch</td><td>läuft · running</td><td>${expected?.count}</td>`),
    'withdrawn people are not counted',
  );
  t.match(
    body,
    /<td>Q&#38;A-Schnellstart: KI im Arbeitsalltag<\/td><td>Entwurf · draft<\/td><td>0<\/td>/,
  );
});

t.test('names are escaped, never markup', async (t) => {
  const databaseUrl = await createTestDatabase(t);
  await sql(
    databaseUrl,
    `INSERT INTO programme (id, name, kind, curriculum, matching_strategy, created_at, updated_at)
     VALUES (gen_random_uuid(), '<img src=x onerror=alert(1)>', 'peer-lunch', 'lunch-rounds', 'lunch', now(), now())`,
  );
  const app = await buildTestApp(t, { databaseUrl });
  const { body } = await app.inject('/');
  t.notMatch(body, /<img/);
  t.match(body, /&#60;img src=x onerror=alert\(1\)&#62;/);
});
