import t, { type Test } from 'tap';
import { buildTestApp } from './helpers/build-test-app.js';
import { createTestDatabase, sql } from './helpers/database.js';

/** Two web processes of one installation: two apps on the same database. */
async function twoInstances(t: Test, limit: number) {
  const databaseUrl = await createTestDatabase(t);
  const env = { AUTH_RATE_LIMIT: String(limit) };
  const apps = [
    await buildTestApp(t, { databaseUrl, env }),
    await buildTestApp(t, { databaseUrl, env }),
  ] as const;
  return { databaseUrl, apps };
}

t.test('web processes on one database share the sign-in rate limit', async (t) => {
  const { apps } = await twoInstances(t, 3);
  const statuses = [];
  for (const app of [apps[0], apps[1], apps[0], apps[1], apps[0]])
    statuses.push((await app.inject('/auth/login')).statusCode);
  // 503: no IdP configured in tests, which is past the limiter.
  t.same(statuses, [503, 503, 503, 429, 429], 'the fourth request across both is refused');
  const other = await apps[1].inject({ url: '/auth/login', remoteAddress: '10.0.0.7' });
  t.equal(other.statusCode, 503, 'another address has its own allowance');
  const callback = await apps[1].inject('/auth/callback');
  t.not(callback.statusCode, 429, 'each route has its own allowance');
});

t.test('requests at the same moment on both processes get no more than the limit', async (t) => {
  const { apps } = await twoInstances(t, 5);
  const responses = await Promise.all(
    Array.from({ length: 12 }, (_, i) => (i % 2 ? apps[1] : apps[0]).inject('/auth/login')),
  );
  const refused = responses.filter((response) => response.statusCode === 429);
  t.equal(refused.length, 7, 'exactly 5 of 12 allowed');
  t.match(refused[0]?.headers, { 'retry-after': /^\d+$/ });
});

t.test('a new window starts over when the old one has passed', async (t) => {
  const { databaseUrl, apps } = await twoInstances(t, 1);
  t.equal((await apps[0].inject('/auth/login')).statusCode, 503);
  t.equal((await apps[1].inject('/auth/login')).statusCode, 429);
  await sql(databaseUrl, "UPDATE rate_limit_counter SET expires_at = now() - interval '1 second'");
  t.equal((await apps[1].inject('/auth/login')).statusCode, 503, 'allowed again');
  t.equal((await apps[0].inject('/auth/login')).statusCode, 429, 'and counted again');
});
