import fc from 'fast-check';
import t, { type Test } from 'tap';
import { buildTestApp } from './helpers/build-test-app.js';
import { startTestIdp, tandemClient } from './helpers/test-idp.js';

const PUBLIC_URL = 'http://localhost:3000';

/** Tandem at PUBLIC_URL http://localhost:3000, signing in through a real IdP. */
async function setUp(t: Test, env: Record<string, string> = {}) {
  const idp = await startTestIdp(t, [tandemClient(PUBLIC_URL)]);
  const app = await buildTestApp(t, {
    env: {
      PUBLIC_URL,
      OIDC_ISSUER: idp.issuer,
      OIDC_CLIENT_ID: 'tandem',
      OIDC_CLIENT_SECRET: 'tandem-secret',
      AUTH_RATE_LIMIT: '10000',
      ...env,
    },
  });
  return { app, idp };
}

t.test('a sign-in started at another address is sent to PUBLIC_URL first', async (t) => {
  const { app, idp } = await setUp(t);

  const elsewhere = await app.inject({
    url: '/auth/login?returnTo=%2Fprogrammes%3Ftab%3Dmine',
    headers: { host: '127.0.0.1:3000' },
  });
  t.equal(elsewhere.statusCode, 303);
  const location = new URL(elsewhere.headers.location as string);
  t.equal(location.origin, PUBLIC_URL, 'to PUBLIC_URL');
  t.equal(location.pathname, '/auth/login', 'the same path');
  t.equal(location.searchParams.get('returnTo'), '/programmes?tab=mine', 'the same returnTo');
  t.equal(elsewhere.cookies.length, 0, 'no login cookie on the wrong host');

  const there = await app.inject({
    url: `${location.pathname}${location.search}`,
    headers: { host: 'localhost:3000' },
  });
  t.equal(there.statusCode, 303);
  t.ok(String(there.headers.location).startsWith(idp.issuer), 'at PUBLIC_URL: on to the IdP');
  t.match(there.cookies, [{ name: 'tandem-login' }], 'with the login cookie');
});

t.test('the address check leads nowhere but to PUBLIC_URL', async (t) => {
  const { app, idp } = await setUp(t);
  const hosts = fc.oneof(
    fc.constantFrom(
      'evil.example',
      'localhost:3000@evil.example',
      'evil.example/x',
      '[::1]:3000',
      'LOCALHOST:3000',
      'localhost:3001',
      '',
    ),
    fc.domain(),
    fc.string({ maxLength: 40 }).filter((h) => !/[\r\n\0]/.test(h)),
  );
  const paths = fc.constantFrom(
    '/auth/login',
    '/auth/login?returnTo=%2F%2Fevil.example',
    '/auth/login?returnTo=https%3A%2F%2Fevil.example%2F',
    '/auth/login?next=//evil.example',
    '/auth/login/?x=1',
  );
  const samples = fc.sample(fc.tuple(hosts, paths), { numRuns: 80, seed: 17 });
  for (const [host, url] of samples) {
    const response = await app.inject({ url, headers: { host } });
    const location = response.headers.location;
    if (typeof location !== 'string') continue;
    const target = new URL(location);
    t.ok(
      target.origin === PUBLIC_URL || location.startsWith(idp.issuer),
      `${JSON.stringify(host)} ${url} → ${location}`,
    );
  }
});

t.test('sent once: a proxy that rewrites Host makes no redirect loop', async (t) => {
  const { app, idp } = await setUp(t);
  const again = await app.inject({
    url: '/auth/login?addressChecked=1',
    headers: { host: 'tandem-backend:3000' },
  });
  t.equal(again.statusCode, 303);
  t.ok(String(again.headers.location).startsWith(idp.issuer), 'on to the IdP');
});

t.test('behind a trusted proxy, X-Forwarded-Host is the address asked for', async (t) => {
  const { app, idp } = await setUp(t, { TRUST_PROXY: 'true' });
  const response = await app.inject({
    url: '/auth/login',
    headers: { host: 'tandem-backend:3000', 'x-forwarded-host': 'localhost:3000' },
  });
  t.ok(String(response.headers.location).startsWith(idp.issuer), 'on to the IdP, no detour');
});
