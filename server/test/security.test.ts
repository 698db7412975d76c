import t from 'tap';
import { buildTestApp } from './helpers/build-test-app.js';
import { signedInAs } from './helpers/sessions.js';

t.test(
  'every response carries a strict Content-Security-Policy and security headers',
  async (t) => {
    const app = await buildTestApp(t);
    const response = await app.inject('/');
    const csp = String(response.headers['content-security-policy']);
    t.match(csp, /default-src 'self'/);
    t.match(csp, /script-src 'self'(;|$)/);
    t.match(csp, /style-src 'self'(;|$)/);
    t.match(csp, /frame-ancestors 'none'/);
    t.notMatch(
      csp,
      /unsafe-inline|unsafe-eval|https?:\/\//,
      'no inline code, nothing from elsewhere',
    );
    t.equal(response.headers['x-content-type-options'], 'nosniff');
    t.equal(response.headers['x-frame-options'], 'DENY', 'as frame-ancestors says: no framing');
    t.equal(response.headers['strict-transport-security'], undefined, 'no HSTS over plain http');
    t.notMatch(
      response.body,
      /<script(?![^>]*\ssrc=)|<style|style=/,
      'the page needs nothing the policy forbids: scripts and styles are files',
    );
  },
);

t.test('over https: HSTS, Secure __Host- cookies, and the IdP as a form target', async (t) => {
  const app = await buildTestApp(t, {
    env: {
      PUBLIC_URL: 'https://tandem.example.org',
      OIDC_ISSUER: 'https://sso.example.org/realms/amt',
      OIDC_CLIENT_ID: 'tandem',
      OIDC_CLIENT_SECRET: 'secret',
    },
  });
  const home = await app.inject('/');
  t.match(home.headers['strict-transport-security'], /max-age=31536000/);
  t.match(
    home.headers['content-security-policy'],
    /form-action 'self' https:\/\/sso\.example\.org/,
  );

  const { cookies } = await signedInAs(app, { subject: 'ada', name: 'Ada' });
  t.same(Object.keys(cookies), ['__Host-tandem-session']);
  t.equal((await app.inject({ url: '/api/me', cookies })).statusCode, 200);
  const logout = await app.inject({
    method: 'POST',
    url: '/auth/logout',
    cookies,
    headers: { origin: 'https://tandem.example.org' },
  });
  t.match(
    String(logout.headers['set-cookie']),
    /^__Host-tandem-session=;.*Path=\/.*HttpOnly.*Secure.*SameSite=Lax/,
  );
  t.equal((await app.inject({ url: '/api/me', cookies })).statusCode, 401);
});

t.test('the /auth/ routes are rate limited per client address', async (t) => {
  const app = await buildTestApp(t, { env: { AUTH_RATE_LIMIT: '3' } });
  const statuses = [];
  for (let i = 0; i < 4; i++) statuses.push((await app.inject('/auth/login')).statusCode);
  t.same(statuses, [503, 503, 503, 429], 'the fourth request in a minute is refused');
  const refused = await app.inject('/auth/login');
  t.match(refused.json(), { statusCode: 429, error: 'Too Many Requests', message: /retry in/ });
  t.match(refused.headers['retry-after'], /^\d+$/, 'says when to try again');
  t.equal((await app.inject('/health/live')).statusCode, 200, 'other routes are not limited');
  const other = await app.inject({ url: '/auth/login', remoteAddress: '10.0.0.7' });
  t.equal(other.statusCode, 503, 'another address has its own allowance');
});

t.test('answers about the caller are never stored by a browser or proxy', async (t) => {
  const app = await buildTestApp(t);
  const { cookies } = await signedInAs(app, { subject: 'ada', name: 'Ada' });
  for (const request of [
    { url: '/api/me', cookies },
    { url: '/api/me' },
    { url: '/api/me?fields=all', cookies },
    { url: '/api/no-such-route', cookies },
    { url: '/api/openapi.json' },
    { url: '/auth/login' },
    { method: 'POST' as const, url: '/auth/logout', cookies },
    // OpenID Connect Back-Channel Logout 1.0 asks for no-store on the logout endpoint's answer.
    { method: 'POST' as const, url: '/auth/backchannel-logout', payload: { logout_token: 'x' } },
  ]) {
    const response = await app.inject(request);
    t.equal(
      response.headers['cache-control'],
      'no-store',
      `${request.method ?? 'GET'} ${request.url} (${response.statusCode})`,
    );
  }
  t.not(
    (await app.inject('/health/live')).headers['cache-control'],
    'no-store',
    'only /api, /auth',
  );
});

t.test('an admin ends all sessions of a person; nobody else may', async (t) => {
  const app = await buildTestApp(t);
  const admin = await signedInAs(app, { subject: 'hanna', name: 'Hanna', roles: ['admin'] });
  const ada = await signedInAs(app, { subject: 'ada', name: 'Ada' });
  const adaElsewhere = await signedInAs(app, { subject: 'ada-2', name: 'Ada (second account)' });

  const byParticipant = await app.inject({
    method: 'DELETE',
    url: `/api/admin/users/${ada.userId}/sessions`,
    cookies: adaElsewhere.cookies,
  });
  t.equal(byParticipant.statusCode, 403);

  const ended = await app.inject({
    method: 'DELETE',
    url: `/api/admin/users/${ada.userId}/sessions`,
    cookies: admin.cookies,
  });
  t.equal(ended.statusCode, 200);
  t.same(ended.json(), { ended: 1 });
  t.equal(
    (await app.inject({ url: '/api/me', cookies: ada.cookies })).statusCode,
    401,
    'her cookie no longer works',
  );
  t.equal(
    (await app.inject({ url: '/api/me', cookies: admin.cookies })).statusCode,
    200,
    'others stay signed in',
  );

  const missing = await app.inject({
    method: 'DELETE',
    url: '/api/admin/users/00000000-0000-4000-8000-000000000000/sessions',
    cookies: admin.cookies,
  });
  t.equal(missing.statusCode, 404);
});
