import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import t, { type Test } from 'tap';
import { freePort } from '../src/free-port.js';
import { setRoles } from '../src/modules/users/role-assignment.js';
import { Browser, type Page } from './helpers/browser.js';
import { buildTestApp } from './helpers/build-test-app.js';
import { createTestDatabase, sql } from './helpers/database.js';
import { REVIEWED_TRICKS, returnToTricks } from './helpers/return-to-tricks.js';
import { startTestIdp, type TestIdp, tandemClient } from './helpers/test-idp.js';

interface Setup {
  app: FastifyInstance;
  idp: TestIdp;
  tandem: string;
  databaseUrl: string;
}

/** Tandem listening on a loopback port, signed in through a real OpenID Provider on another. */
async function setUp(t: Test, env: Record<string, string> = {}): Promise<Setup> {
  const port = await freePort();
  const tandem = `http://127.0.0.1:${port}`;
  const idp = await startTestIdp(t, [tandemClient(tandem), tandemClient(tandem, 'other-app')]);
  const databaseUrl = await createTestDatabase(t);
  const app = await buildTestApp(t, {
    databaseUrl,
    env: {
      PUBLIC_URL: tandem,
      OIDC_ISSUER: idp.issuer,
      OIDC_CLIENT_ID: 'tandem',
      OIDC_CLIENT_SECRET: 'tandem-secret',
      ...env,
    },
  });
  await app.listen({ host: '127.0.0.1', port });
  return { app, idp, tandem, databaseUrl };
}

/**
 * Goes through the IdP and stops just before the browser comes back to Tandem's callback.
 * The IdP shows its account list on the first sign-in; later it remembers the person (single
 * sign-on) and sends the browser straight back.
 */
async function toCallback(
  browser: Browser,
  setup: Setup,
  subject: string,
  returnTo = '/',
): Promise<URL> {
  const start = await browser.request(
    `${setup.tandem}/auth/login?returnTo=${encodeURIComponent(returnTo)}`,
  );
  return throughIdp(browser, setup, subject, start);
}

/** From the answer to /auth/login through the IdP, up to the callback to Tandem. */
async function throughIdp(
  browser: Browser,
  setup: Setup,
  subject: string,
  start: Page,
): Promise<URL> {
  const atCallback = (next: URL) => next.pathname === '/auth/callback';
  let page = await browser.follow(start, atCallback);
  if (page.status === 200 && page.url.href.startsWith(setup.idp.issuer)) {
    page = await browser.follow(
      await browser.request(new URL(formAction(page), page.url), { form: { subject } }),
      atCallback,
    );
  }
  if (page.url.pathname !== '/auth/callback')
    throw new Error(`no callback: ${page.url} ${page.status}`);
  return page.url;
}

async function signIn(
  browser: Browser,
  setup: Setup,
  subject: string,
  returnTo = '/',
): Promise<Page> {
  const landed = (next: URL) => `${next.pathname}${next.search}` === returnTo;
  return browser.follow(
    await browser.request(await toCallback(browser, setup, subject, returnTo)),
    landed,
  );
}

function formAction(page: Page): string {
  const action = /<form method="post" action="([^"]+)"/.exec(page.body)?.[1];
  if (!action) throw new Error(`no form on ${page.url}`);
  return action.replaceAll('&amp;', '&');
}

async function me(browser: Browser, setup: Setup) {
  const page = await browser.request(`${setup.tandem}/api/me`);
  return { status: page.status, body: page.status === 200 ? JSON.parse(page.body) : page.body };
}

async function auditActions(setup: Setup): Promise<{ action: string; reason?: string }[]> {
  return sql(
    setup.databaseUrl,
    "SELECT action, data->>'reason' AS reason FROM audit_event ORDER BY id",
  );
}

const host = (setup: Setup) => new URL(setup.tandem).host;

t.test('a person signs in through the IdP and /api/me shows them', async (t) => {
  const setup = await setUp(t);
  const browser = new Browser();
  const landed = await signIn(browser, setup, 'ada', '/programmes?tab=mine');

  t.equal(landed.status, 303);
  t.equal(
    `${landed.url.pathname}${landed.url.search}`,
    '/programmes?tab=mine',
    'back where the sign-in started',
  );
  const { status, body } = await me(browser, setup);
  t.equal(status, 200);
  t.match(body, {
    id: String,
    name: 'Ada Nachwuchs',
    email: 'ada@amt.example',
    department: 'IT und Digitalisierung',
    title: 'Softwareentwicklerin',
    roles: [],
  });

  const sessionCookie = browser.setCookies.find((c) => c.startsWith('tandem-session='));
  t.match(sessionCookie, /HttpOnly/i);
  t.match(sessionCookie, /SameSite=Lax/i);
  t.match(sessionCookie, /Path=\//);
  t.notMatch(sessionCookie, /Secure/i, 'not Secure on plain http');
  t.equal(browser.cookie(host(setup), 'tandem-login'), undefined, 'the sign-in cookie is gone');

  const [stored] = await sql<{ id: string }>(setup.databaseUrl, 'SELECT id FROM session');
  t.not(
    stored?.id,
    browser.cookie(host(setup), 'tandem-session'),
    'the database keeps a hash, not the token',
  );
  t.same(
    (await auditActions(setup)).map((e) => e.action),
    ['user.created', 'auth.login'],
  );
});

t.test('a member of the admin group is an admin', async (t) => {
  const setup = await setUp(t);
  const browser = new Browser();
  await signIn(browser, setup, 'hanna');
  t.same((await me(browser, setup)).body.roles, ['admin']);
});

t.test('a dotted roles claim path works', async (t) => {
  const setup = await setUp(t, { OIDC_ROLES_CLAIM: 'groups', OIDC_ADMIN_ROLES: 'staff' });
  const browser = new Browser();
  await signIn(browser, setup, 'bernd');
  t.same(
    (await me(browser, setup)).body.roles,
    ['admin'],
    'staff counts as admin when configured so',
  );
});

t.test('IdP groups give every Tandem role; a role given in Tandem outlives them', async (t) => {
  const setup = await setUp(t, {
    OIDC_PROGRAMME_MANAGER_ROLES: 'staff',
    OIDC_REPORT_READER_ROLES: 'council,dpo',
  });
  const bernd = setup.idp.accounts.get('bernd');
  if (!bernd) throw new Error('no bernd');
  bernd.groups = ['staff', 'dpo'];
  const browser = new Browser();
  await signIn(browser, setup, 'bernd');
  const first = await me(browser, setup);
  t.same(first.body.roles, ['programme-manager', 'report-reader'], 'both from the groups');

  // An admin keeps the report reader role in Tandem; then the IdP drops the dpo group.
  await setRoles(setup.app.orm.em, first.body.id, first.body.id, ['report-reader']);
  bernd.groups = ['staff'];
  await signIn(browser, setup, 'bernd');
  t.same(
    (await me(browser, setup)).body.roles,
    ['programme-manager', 'report-reader'],
    'the manager role from the groups again, the reader role given in Tandem kept',
  );
  bernd.groups = [];
  await signIn(browser, setup, 'bernd');
  t.same((await me(browser, setup)).body.roles, ['report-reader'], 'a group role goes with it');
});

t.test('signing in again rotates the session id; profile and roles follow the IdP', async (t) => {
  const setup = await setUp(t);
  const browser = new Browser();
  await signIn(browser, setup, 'hanna');
  const first = await me(browser, setup);
  const firstToken = browser.cookie(host(setup), 'tandem-session');

  const hanna = setup.idp.accounts.get('hanna');
  if (hanna) {
    hanna.email = 'hanna.personal@neu.example';
    hanna.groups = ['staff'];
  }
  await signIn(browser, setup, 'hanna');
  const second = await me(browser, setup);

  t.not(
    browser.cookie(host(setup), 'tandem-session'),
    firstToken,
    'a new session id after sign-in',
  );
  t.equal(second.body.id, first.body.id, 'same account although the email changed');
  t.equal(second.body.email, 'hanna.personal@neu.example');
  t.same(second.body.roles, [], 'no longer admin');
  const [users] = await sql<{ count: string }>(
    setup.databaseUrl,
    "SELECT count(*) FROM app_user WHERE subject = 'hanna'",
  );
  t.equal(users?.count, '1');
  t.ok(
    (await auditActions(setup)).some((e) => e.action === 'user.roles-changed'),
    'the role change is audited',
  );
});

t.test(
  'after sign-in the browser is sent back to this site only, whatever returnTo was',
  async (t) => {
    const setup = await setUp(t, { AUTH_RATE_LIMIT: '1000' });
    const origin = new URL(setup.tandem).origin;
    const sampled = fc.sample(returnToTricks, { numRuns: 30, seed: 15 });
    const tricks = [...REVIEWED_TRICKS, '/a/./b/../c?x=1#y', ...sampled];
    let signedIn = 0;
    for (const returnTo of tricks) {
      // Named as JSON: the tricks hold control characters that would garble the test output.
      const name = JSON.stringify(returnTo);
      const browser = new Browser();
      const start = await browser.request(
        `${setup.tandem}/auth/login?returnTo=${encodeURIComponent(returnTo)}`,
      );
      // Refused as off-site, or earlier for a NUL character: either way nobody is sent anywhere.
      if (start.status === 400) {
        t.equal(start.headers.get('location'), null, `${name}: refused`);
        continue;
      }
      const callback = await throughIdp(browser, setup, 'ada', start);
      const end = await browser.request(callback);
      const location = end.headers.get('location') ?? '';
      t.equal(end.status, 303, `${name}: signed in`);
      t.equal(new URL(location, callback).origin, origin, `${name}: Location ${location}`);
      signedIn++;
    }
    t.ok(signedIn > 0, `sign-ins that returned to a path on this site: ${signedIn}`);
  },
);

t.test('sign-ins that fail a check are refused with a clear 4xx and audited', async (t) => {
  const setup = await setUp(t);

  const refused = async (t: Test, page: Page, reason: string) => {
    t.equal(page.status, 400, `${reason}: 400`);
    t.match(page.headers.get('content-type'), /^text\/html/, `${reason}: a page, not JSON`);
    t.match(page.body, /<h1>Die Anmeldung hat nicht geklappt<\/h1>/, `${reason}: said in German`);
    t.match(page.body, `<code>${reason}</code>`, `${reason}: its code for support`);
    const audit = await auditActions(setup);
    t.match(audit.at(-1), { action: 'auth.login-failed', reason }, `${reason}: audited`);
    t.equal(new Browser().cookie(host(setup), 'tandem-session'), undefined);
  };

  await t.test('returnTo off-site', async (t) => {
    const page = await new Browser().request(
      `${setup.tandem}/auth/login?returnTo=${encodeURIComponent('https://evil.example/')}`,
    );
    await refused(t, page, 'return-to-off-site');
  });

  await t.test('tampered state', async (t) => {
    const browser = new Browser();
    const callback = await toCallback(browser, setup, 'ada');
    callback.searchParams.set('state', 'forged-state');
    await refused(t, await browser.request(callback), 'state-mismatch');
  });

  await t.test('missing state', async (t) => {
    const browser = new Browser();
    const callback = await toCallback(browser, setup, 'ada');
    callback.searchParams.delete('state');
    await refused(t, await browser.request(callback), 'state-mismatch');
  });

  await t.test('a callback without the browser that started it', async (t) => {
    const callback = await toCallback(new Browser(), setup, 'ada');
    await refused(t, await new Browser().request(callback), 'no-login-attempt');
  });

  await t.test('a replayed callback', async (t) => {
    const browser = new Browser();
    const callback = await toCallback(browser, setup, 'ada');
    const loginCookie = browser.cookie(host(setup), 'tandem-login') ?? '';
    t.equal((await browser.request(callback)).status, 303, 'the first use signs in');
    browser.setCookie(host(setup), 'tandem-login', loginCookie);
    await refused(t, await browser.request(callback), 'no-login-attempt');
  });

  await t.test('a nonce that does not match', async (t) => {
    const browser = new Browser();
    const callback = await toCallback(browser, setup, 'ada');
    await sql(setup.databaseUrl, "UPDATE login_attempt SET nonce = 'another-nonce'");
    await refused(t, await browser.request(callback), 'token-rejected');
  });

  await t.test('a code issued by the IdP to another client (another audience)', async (t) => {
    const browser = new Browser();
    const start = await browser.request(`${setup.tandem}/auth/login`);
    const authorize = new URL(start.headers.get('location') ?? '');
    authorize.searchParams.set('client_id', 'other-app');
    const loginPage = await browser.get(authorize);
    const atCallback = await browser.follow(
      await browser.request(new URL(formAction(loginPage), loginPage.url), {
        form: { subject: 'ada' },
      }),
      (next) => next.pathname === '/auth/callback',
    );
    await refused(t, await browser.request(atCallback.url), 'token-rejected');
  });

  await t.test('a code from another issuer', async (t) => {
    const other = await startTestIdp(t, [tandemClient(setup.tandem)]);
    const browser = new Browser();
    const start = await browser.request(`${setup.tandem}/auth/login`);
    const authorize = new URL(start.headers.get('location') ?? '');
    const elsewhere = new URL(`${other.issuer}/auth${authorize.search}`);
    const loginPage = await browser.get(elsewhere);
    const atCallback = await browser.follow(
      await browser.request(new URL(formAction(loginPage), loginPage.url), {
        form: { subject: 'ada' },
      }),
      (next) => next.pathname === '/auth/callback',
    );
    await refused(t, await browser.request(atCallback.url), 'token-rejected');
  });
});

t.test('a refused sign-in is a page in the reader\'s language with "try again"', async (t) => {
  const setup = await setUp(t);

  await t.test('an expired sign-in, read in English', async (t) => {
    const callback = await toCallback(new Browser(), setup, 'ada');
    const page = await new Browser({ language: 'en-GB,en;q=0.9,de;q=0.5' }).request(callback);
    t.equal(page.status, 400);
    t.match(page.body, '<html lang="en">');
    t.match(page.body, '<h1>Signing in did not work</h1>');
    t.match(page.body, 'This sign-in has expired or was already used.');
    t.match(page.body, '<a class="button" href="/auth/login">Try again</a>');
    t.notMatch(page.body, 'Anmeldung', 'no German on the English page');
  });

  await t.test('cancelled at the IdP (access_denied), read in German', async (t) => {
    const browser = new Browser({ language: 'de-DE,de;q=0.9' });
    const callback = await toCallback(browser, setup, 'ada');
    const state = callback.searchParams.get('state') ?? '';
    // What an IdP sends when the person cancels (with `iss`, RFC 9207, as it advertises).
    const denied = new URL('/auth/callback', callback);
    denied.search = new URLSearchParams({
      error: 'access_denied',
      state,
      iss: setup.idp.issuer,
    }).toString();
    const page = await browser.request(denied);
    t.equal(page.status, 400);
    t.match(page.headers.get('content-language'), 'de');
    t.match(page.body, '<html lang="de">');
    t.match(page.body, 'Die Anmeldung wurde abgebrochen oder vom Anmeldedienst');
    t.match(page.body, '<a class="button" href="/auth/login">Erneut anmelden</a>');
    t.notMatch(page.body, /Try again|Sign-in/, 'no English on the German page');
    const audit = await auditActions(setup);
    t.match(audit.at(-1), { action: 'auth.login-failed', reason: 'access-denied' });
  });

  await t.test('"try again" starts a fresh sign-in that works', async (t) => {
    const browser = new Browser({ language: 'en' });
    const failed = await browser.request(await toCallback(new Browser(), setup, 'ada'));
    const again = /<a class="button" href="([^"]+)"/.exec(failed.body)?.[1] ?? '';
    const start = await browser.request(new URL(again, setup.tandem));
    const landed = await browser.request(await throughIdp(browser, setup, 'ada', start));
    t.equal(landed.status, 303);
    t.equal((await me(browser, setup)).status, 200, 'signed in');
  });

  await t.test('"try again" after a cancel leads on to where the person was going', async (t) => {
    const browser = new Browser({ language: 'en' });
    const callback = await toCallback(browser, setup, 'ada', '/inbox');
    const denied = new URL('/auth/callback', callback);
    denied.search = new URLSearchParams({
      error: 'access_denied',
      state: callback.searchParams.get('state') ?? '',
      iss: setup.idp.issuer,
    }).toString();
    const failed = await browser.request(denied);
    const again = /<a class="button" href="([^"]+)"/.exec(failed.body)?.[1] ?? '';
    t.equal(again, '/auth/login?returnTo=%2Finbox', 'the way back keeps the page asked for');
    const start = await browser.request(new URL(again, setup.tandem));
    const landed = await browser.request(await throughIdp(browser, setup, 'ada', start));
    t.equal(landed.status, 303);
    t.equal(landed.headers.get('location'), '/inbox', 'and the second sign-in lands there');
  });

  await t.test(
    'the page keeps to the Content-Security-Policy: its stylesheet is ours',
    async (t) => {
      const failed = await new Browser().request(await toCallback(new Browser(), setup, 'ada'));
      t.match(failed.body, '<link rel="stylesheet" href="/auth/page.css">');
      t.notMatch(failed.body, /<script|<style|style=/, 'no inline script or style');
      t.match(failed.headers.get('content-security-policy'), "style-src 'self'");
      const css = await new Browser().request(`${setup.tandem}/auth/page.css`);
      t.equal(css.status, 200);
      t.match(css.headers.get('content-type'), /^text\/css/);
    },
  );
});

t.test('an expired session gets 401 and is audited', async (t) => {
  const setup = await setUp(t);
  const browser = new Browser();
  await signIn(browser, setup, 'ada');
  t.equal((await me(browser, setup)).status, 200);

  await sql(setup.databaseUrl, "UPDATE session SET last_seen_at = now() - interval '61 minutes'");
  t.equal((await me(browser, setup)).status, 401, 'idle too long');
  t.equal((await auditActions(setup)).at(-1)?.action, 'session.expired');

  await signIn(browser, setup, 'ada');
  await sql(setup.databaseUrl, "UPDATE session SET expires_at = now() - interval '1 second'");
  t.equal((await me(browser, setup)).status, 401, 'past the absolute lifetime');
});

t.test('POST /auth/logout ends the session and signs out at the IdP', async (t) => {
  const setup = await setUp(t);
  const browser = new Browser();
  await signIn(browser, setup, 'ada');
  const oldCookie = browser.cookie(host(setup), 'tandem-session') ?? '';

  const logout = await browser.request(`${setup.tandem}/auth/logout`, {
    method: 'POST',
    origin: setup.tandem,
  });
  t.equal(logout.status, 303);
  const endSession = new URL(logout.headers.get('location') ?? '');
  t.equal(
    `${endSession.origin}${endSession.pathname}`,
    `${setup.idp.issuer}/session/end`,
    'to the IdP end-session endpoint',
  );
  t.ok(endSession.searchParams.get('id_token_hint'), 'with the ID token as hint');
  t.equal(endSession.searchParams.get('post_logout_redirect_uri'), `${setup.tandem}/`);

  browser.setCookie(host(setup), 'tandem-session', oldCookie);
  t.equal((await me(browser, setup)).status, 401, 'the old cookie is worthless');
  t.equal((await auditActions(setup)).at(-1)?.action, 'auth.logout');
});

t.test('signing out at the IdP ends the Tandem session through back-channel logout', async (t) => {
  const setup = await setUp(t);
  const browser = new Browser();
  await signIn(browser, setup, 'ada');
  t.equal((await me(browser, setup)).status, 200);

  const confirm = await browser.get(`${setup.idp.issuer}/session/end`);
  await browser.submit(confirm, 'op.logoutForm', { logout: 'yes' });

  let status = 200;
  for (let i = 0; i < 50 && status === 200; i++) {
    status = (await me(browser, setup)).status;
    if (status === 200) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  t.equal(status, 401, 'the session ended server-side');
  t.match(
    await sql(
      setup.databaseUrl,
      "SELECT data FROM audit_event WHERE action = 'auth.backchannel-logout'",
    ),
    [{ data: { sessionsEnded: 1 } }],
  );
});

t.test('a forged logout token is refused', async (t) => {
  const setup = await setUp(t);
  const response = await setup.app.inject({
    method: 'POST',
    url: '/auth/backchannel-logout',
    payload: 'logout_token=eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZGEifQ.',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  t.equal(response.statusCode, 400);
  t.equal(response.json().error, 'invalid_request');
  t.equal((await auditActions(setup)).at(-1)?.action, 'auth.backchannel-logout-rejected');
});

t.test('without an IdP, sign-in says it is not configured', async (t) => {
  const app = await buildTestApp(t);
  const response = await app.inject('/auth/login');
  t.equal(response.statusCode, 503);
  t.match(response.json().message, /set OIDC_ISSUER/);
});

t.test(
  'the authorization request carries PKCE S256, state, nonce and the login hint',
  async (t) => {
    const setup = await setUp(t);
    const start = await new Browser().request(
      `${setup.tandem}/auth/login?login_hint=${encodeURIComponent('ada@amt.example')}`,
    );
    t.equal(start.status, 303);
    const authorize = new URL(start.headers.get('location') ?? '');
    t.equal(`${authorize.origin}${authorize.pathname}`, `${setup.idp.issuer}/auth`);
    const params = Object.fromEntries(authorize.searchParams);
    t.match(params, {
      response_type: 'code',
      client_id: 'tandem',
      redirect_uri: `${setup.tandem}/auth/callback`,
      scope: 'openid profile email',
      code_challenge: /^[\w-]{43}$/,
      code_challenge_method: 'S256',
      state: /^[\w-]{20,}$/,
      nonce: /^[\w-]{20,}$/,
      login_hint: 'ada@amt.example',
    });
    t.match(
      String(start.headers.get('set-cookie')),
      /^tandem-login=[\w-]+;.*Max-Age=600.*HttpOnly.*SameSite=Lax/,
    );
  },
);
