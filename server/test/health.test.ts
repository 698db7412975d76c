import t from 'tap';
import { buildTestApp } from './helpers/build-test-app.js';
import { BUILT_IN_STATUSES } from './helpers/built-ins.js';
import { createTestDatabase, sql } from './helpers/database.js';

t.test('live answers as long as the process runs', async (t) => {
  const app = await buildTestApp(t);
  const response = await app.inject('/health/live');
  t.equal(response.statusCode, 200);
  t.same(response.json(), { status: 'ok' });
});

t.test('ready reports each check when all is well', async (t) => {
  const app = await buildTestApp(t);
  const response = await app.inject('/health/ready');
  t.equal(response.statusCode, 200);
  t.match(response.headers['content-type'], /application\/json/);
  t.same(response.json(), {
    status: 'ready',
    checks: { database: { ok: true }, migrations: { ok: true } },
    plugins: [...BUILT_IN_STATUSES],
  });
});

t.test('ready turns 503 when the database goes away, live stays 200', async (t) => {
  const url = await createTestDatabase(t);
  const app = await buildTestApp(t, { databaseUrl: url });
  t.equal((await app.inject('/health/ready')).statusCode, 200);

  const name = new URL(url).pathname.slice(1);
  await sql(url.replace(`/${name}`, '/postgres'), `DROP DATABASE ${name} WITH (FORCE)`);

  const response = await app.inject('/health/ready');
  t.equal(response.statusCode, 503);
  t.match(response.json(), {
    status: 'not-ready',
    checks: { database: { ok: false, reason: String } },
  });
  t.equal((await app.inject('/health/live')).statusCode, 200);
  const withCookie = await app.inject({
    url: '/health/ready',
    cookies: { [app.cookieNames.session]: 'a-session-token' },
  });
  t.equal(withCookie.statusCode, 503, 'a probe sending a session cookie gets the same answer');
});
