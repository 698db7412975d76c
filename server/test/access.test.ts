import t from 'tap';
import { buildTestApp } from './helpers/build-test-app.js';

/** Every kind of access a route may declare (auth/access.ts). */
const KINDS = [
  'anonymous',
  'participant',
  'admin',
  'staff',
  'managers',
  'programme',
  'programme-report',
  'reports',
  'scim',
];

t.test('every registered route declares who may call it', async (t) => {
  const app = await buildTestApp(t);
  t.ok(app.routeAccess.size >= 8, `walked ${app.routeAccess.size} routes`);
  for (const [route, access] of app.routeAccess) {
    t.ok(access && KINDS.includes(access), `${route}: ${access}`);
    if (route.includes(' /scim/')) t.equal(access, 'scim', `${route}: for SCIM clients only`);
  }
  t.equal(app.routeAccess.get('GET /api/me'), 'participant');
  t.equal(app.routeAccess.get('GET /health/ready'), 'anonymous');
});

t.test('a route without an access declaration stops the app from starting', async (t) => {
  await t.rejects(
    buildTestApp(t, {
      beforeReady: (app) => app.get('/test/forgotten', async () => ({ secret: true })),
    }),
    /Route GET \/test\/forgotten declares no access: set config\.access/,
  );
});

t.test(
  'participant routes answer 401 without a session, admin routes 403 for participants',
  async (t) => {
    const app = await buildTestApp(t, {
      beforeReady: (app) =>
        app.get('/test/admin-only', { config: { access: 'admin' } }, async () => ({ ok: true })),
    });
    const me = await app.inject('/api/me');
    t.equal(me.statusCode, 401);
    t.same(me.json(), { statusCode: 401, error: 'Unauthorized', message: 'Please sign in.' });
    t.equal((await app.inject('/test/admin-only')).statusCode, 401);
    t.equal(
      (await app.inject({ url: '/api/me', cookies: { 'tandem-session': 'not-a-session' } }))
        .statusCode,
      401,
    );
  },
);

t.test('cross-site writes are refused, same-site and non-browser ones pass', async (t) => {
  const app = await buildTestApp(t);
  const logout = (headers: Record<string, string>) =>
    app.inject({ method: 'POST', url: '/auth/logout', headers });
  t.equal((await logout({ origin: 'https://evil.example' })).statusCode, 403, 'foreign Origin');
  t.equal((await logout({ origin: 'null' })).statusCode, 403, 'opaque Origin');
  t.equal(
    (await logout({ referer: 'https://evil.example/page' })).statusCode,
    403,
    'foreign Referer without Origin',
  );
  t.equal((await logout({ origin: 'http://localhost:3000' })).statusCode, 303, 'own origin');
  t.equal((await logout({})).statusCode, 303, 'no Origin or Referer: not a browser');
  t.equal(
    (await app.inject({ url: '/health/live', headers: { origin: 'https://evil.example' } }))
      .statusCode,
    200,
    'reads are not affected',
  );
});
