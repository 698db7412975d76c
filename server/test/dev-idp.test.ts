import formbody from '@fastify/formbody';
import fastify from 'fastify';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import * as client from 'openid-client';
import t, { type Test } from 'tap';
import {
  createDevIdp,
  type DevIdp,
  type DevIdpAccount,
  type DevIdpClient,
} from '../src/auth/dev-idp/dev-idp.js';
import { freePort } from '../src/free-port.js';
import { Browser } from './helpers/browser.js';
import { listen } from './helpers/listen.js';

const ACCOUNTS: DevIdpAccount[] = [
  {
    subject: 'ada',
    name: 'Ada Admin',
    email: 'ada@example.org',
    department: 'IT und Digitalisierung',
    title: 'Abteilungsleiterin',
    groups: ['tandem-admin'],
    locale: 'de',
  },
  {
    subject: 'eve',
    name: 'Eve <script>alert(1)</script> & Co',
    email: 'eve@example.org',
    department: 'Recht',
    title: 'Justiziarin "Extern"',
    groups: [],
    locale: 'en',
  },
  { subject: 'bob', name: 'Bob Basic', email: 'bob@example.org', groups: [] },
];

const SCOPE = 'openid profile email';

interface Setup {
  idp: DevIdp;
  issuer: string;
  /** The relying party's callback; nothing listens there, the test stops at the redirect. */
  redirectUri: string;
  postLogoutRedirectUri: string;
}

/** A dev IdP on its own port, at `/dev-idp` unless `path` says otherwise. */
async function startIdp(
  t: Test,
  options: { path?: string; backchannelLogoutUri?: string } = {},
): Promise<Setup> {
  let idp: DevIdp | undefined;
  const port = await listen(t, (req, res) => idp?.handle(req, res));
  const issuer = `http://127.0.0.1:${port}${options.path ?? '/dev-idp'}`;
  const redirectUri = 'http://127.0.0.1:9/auth/callback';
  const postLogoutRedirectUri = 'http://127.0.0.1:9/';
  const tandem: DevIdpClient = {
    clientId: 'tandem',
    clientSecret: 'tandem-secret',
    redirectUris: [redirectUri],
    postLogoutRedirectUris: [postLogoutRedirectUri],
    ...(options.backchannelLogoutUri ? { backchannelLogoutUri: options.backchannelLogoutUri } : {}),
  };
  const wiki: DevIdpClient = { ...tandem, clientId: 'wiki', clientSecret: 'wiki-secret' };
  idp = createDevIdp({ issuer, clients: [tandem, wiki], accounts: structuredClone(ACCOUNTS) });
  return { idp, issuer, redirectUri, postLogoutRedirectUri };
}

function discover(
  issuer: string,
  auth?: client.ClientAuth,
  clientId = 'tandem',
): Promise<client.Configuration> {
  return client.discovery(new URL(issuer), clientId, `${clientId}-secret`, auth, {
    execute: [client.allowInsecureRequests],
  });
}

/** A browser whose requests give up after 5 s, so a hung IdP fails its test at once. */
function newBrowser(language?: string): Browser {
  return new Browser({ timeout: 5000, ...(language ? { language } : {}) });
}

/** Stops following redirects where the IdP sends the browser back to the client's `redirectUri`. */
function atCallback(redirectUri: string): (next: URL) => boolean {
  return (next) => next.href.startsWith(redirectUri);
}

/** An authorization request with PKCE as Tandem sends it, plus `extra` parameters. */
async function authorizationUrl(
  config: client.Configuration,
  redirectUri: string,
  extra: Record<string, string> = {},
): Promise<{ url: URL; pkceCodeVerifier: string }> {
  const pkceCodeVerifier = client.randomPKCECodeVerifier();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: SCOPE,
    code_challenge: await client.calculatePKCECodeChallenge(pkceCodeVerifier),
    code_challenge_method: 'S256',
    ...extra,
  });
  return { url, pkceCodeVerifier };
}

function unescapeHtml(text: string): string {
  return text.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));
}

/** The sign-in page's form for `subject`: its absolute action URL. */
function loginAction(html: string, pageUrl: URL, subject: string): URL {
  const forms = [
    ...html.matchAll(
      /<form method="post" action="([^"]+)">\s*<input type="hidden" name="subject" value="([^"]*)">/g,
    ),
  ];
  const form = forms.find((f) => unescapeHtml(f[2] ?? '') === subject);
  if (!form?.[1]) throw new Error(`no form for ${subject}`);
  return new URL(unescapeHtml(form[1]), pageUrl);
}

interface SignIn {
  tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
  claims: client.IDToken;
  loginPage: string;
}

/** The whole authorization code flow as a browser and Tandem would run it. */
async function signIn(
  setup: Setup,
  config: client.Configuration,
  browser: Browser,
  subject: string,
): Promise<SignIn> {
  const expectedState = client.randomState();
  const expectedNonce = client.randomNonce();
  const { url, pkceCodeVerifier } = await authorizationUrl(config, setup.redirectUri, {
    state: expectedState,
    nonce: expectedNonce,
  });
  const stopAt = atCallback(setup.redirectUri);

  const page = await browser.get(url, stopAt);
  if (page.status !== 200) throw new Error(`login page answered ${page.status}`);
  const loginPage = page.body;

  const callback = await browser.follow(
    await browser.request(loginAction(loginPage, page.url, subject), { form: { subject } }),
    stopAt,
  );
  if (!callback.url.href.startsWith(setup.redirectUri)) {
    throw new Error(`ended at ${callback.url.href} (${callback.status}): ${callback.body}`);
  }

  const tokens = await client.authorizationCodeGrant(config, callback.url, {
    pkceCodeVerifier,
    expectedState,
    expectedNonce,
  });
  const claims = tokens.claims();
  if (!claims) throw new Error('no ID token');
  return { tokens, claims, loginPage };
}

t.test('the whole code flow with PKCE gives an ID token with the profile claims', async (t) => {
  const setup = await startIdp(t);
  const config = await discover(setup.issuer);
  const { claims } = await signIn(setup, config, newBrowser(), 'ada');

  t.match(claims, {
    iss: setup.issuer,
    aud: 'tandem',
    sub: 'ada',
    name: 'Ada Admin',
    email: 'ada@example.org',
    email_verified: true,
    department: 'IT und Digitalisierung',
    title: 'Abteilungsleiterin',
    groups: ['tandem-admin'],
    locale: 'de',
    sid: String,
  });
});

t.test('client_secret_basic works as well as client_secret_post', async (t) => {
  const setup = await startIdp(t);
  const config = await discover(setup.issuer, client.ClientSecretBasic('tandem-secret'));
  const { claims } = await signIn(setup, config, newBrowser(), 'bob');
  t.equal(claims.sub, 'bob');
  t.equal(claims.name, 'Bob Basic');
  t.same(claims.groups, []);
  t.notOk('department' in claims, 'no department when the account has none');
});

t.test('a path-less issuer works too', async (t) => {
  const setup = await startIdp(t, { path: '' });
  const config = await discover(setup.issuer);
  t.equal(config.serverMetadata().authorization_endpoint, `${setup.issuer}/auth`);
  const { claims } = await signIn(setup, config, newBrowser(), 'ada');
  t.equal(claims.sub, 'ada');
  t.type(claims.sid, 'string');
});

t.test('discovery advertises what Tandem relies on', async (t) => {
  const setup = await startIdp(t);
  const metadata = (await discover(setup.issuer)).serverMetadata();
  t.equal(metadata.issuer, setup.issuer);
  t.equal(metadata.end_session_endpoint, `${setup.issuer}/session/end`);
  t.equal(metadata.authorization_endpoint, `${setup.issuer}/auth`);
  t.equal(metadata.jwks_uri, `${setup.issuer}/jwks`);
  t.equal(metadata.backchannel_logout_supported, true);
  t.equal(metadata.backchannel_logout_session_supported, true);
  t.same(metadata.code_challenge_methods_supported, ['S256']);
  t.same(metadata.response_types_supported, ['code']);
  t.same([...(metadata.token_endpoint_auth_methods_supported ?? [])].sort(), [
    'client_secret_basic',
    'client_secret_post',
  ]);
  t.same(metadata.scopes_supported, ['openid', 'profile', 'email']);
  t.same(metadata.id_token_signing_alg_values_supported, ['RS256']);
});

t.test('an authorization request without PKCE is refused', async (t) => {
  const setup = await startIdp(t);
  const config = await discover(setup.issuer);
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: setup.redirectUri,
    scope: SCOPE,
    state: 'x',
  });
  const { url: ended } = await newBrowser().get(url, atCallback(setup.redirectUri));
  t.equal(ended.searchParams.get('error'), 'invalid_request');
  t.match(ended.searchParams.get('error_description'), /PKCE/);
});

t.test('the login page lists every account, escaped, without script or style', async (t) => {
  const setup = await startIdp(t);
  const config = await discover(setup.issuer);
  const { url } = await authorizationUrl(config, setup.redirectUri);
  const page = await newBrowser().get(url, atCallback(setup.redirectUri));
  t.equal(page.status, 200);
  t.match(page.headers.get('content-type'), /text\/html/);
  const { url: pageUrl, body: html } = page;
  t.match(pageUrl.pathname, /^\/dev-idp\/interaction\/[\w-]+$/);

  t.match(html, /<html lang="de">/);
  t.match(html, /<h1>Anmelden<\/h1>/);
  t.notMatch(html, /Sign in/, 'German only, for a browser that asks for no language');
  t.match(html, '<link rel="stylesheet" href="/dev-idp/page.css">');
  const forms = [...html.matchAll(/<form method="post" action="([^"]+)">/g)];
  t.equal(forms.length, ACCOUNTS.length, 'one form per account');
  for (const form of forms) t.equal(form[1], `${pageUrl.pathname}/login`);
  for (const account of ACCOUNTS) {
    t.ok(loginAction(html, pageUrl, account.subject), `a form for ${account.subject}`);
  }
  t.match(
    html,
    '<span class="person-name">Ada Admin</span> <span class="person-line">Abteilungsleiterin, IT und Digitalisierung</span>',
  );
  t.match(html, /Eve &#60;script&#62;alert\(1\)&#60;\/script&#62; &#38; Co/);
  t.match(html, /Justiziarin &#34;Extern&#34;, Recht/);
  t.notMatch(html, /<script/i);
  t.notMatch(html, /<style|style=/i);
  t.notMatch(html, /\son[a-z]+=/i);
});

t.test(
  'the login page speaks English to an English browser, styled from its own origin',
  async (t) => {
    const setup = await startIdp(t);
    const config = await discover(setup.issuer);
    const { url } = await authorizationUrl(config, setup.redirectUri);
    const page = await newBrowser('en-GB,en;q=0.9').get(url, atCallback(setup.redirectUri));
    t.match(page.body, '<html lang="en">');
    t.match(page.body, '<h1>Sign in</h1>');
    t.match(page.body, 'choose who to sign in to <code>tandem</code> as');
    t.notMatch(page.body, /Anmelden|Wählen/, 'no German');
    const css = await newBrowser().request(new URL('/dev-idp/page.css', setup.issuer));
    t.equal(css.status, 200);
    t.match(css.headers.get('content-type'), /^text\/css/);
  },
);

t.test('cancelling on the login page sends the client access_denied', async (t) => {
  const setup = await startIdp(t);
  const config = await discover(setup.issuer);
  const browser = newBrowser();
  const { url } = await authorizationUrl(config, setup.redirectUri);
  const page = await browser.get(url, atCallback(setup.redirectUri));
  t.match(page.body, '<button type="submit" class="secondary">Abbrechen</button>');
  const action = loginAction(page.body, page.url, 'ada');
  const cancelled = await browser.follow(
    await browser.request(action, { form: { cancel: '1' } }),
    atCallback(setup.redirectUri),
  );
  t.ok(cancelled.url.href.startsWith(setup.redirectUri), 'back to the client');
  t.equal(cancelled.url.searchParams.get('error'), 'access_denied');
});

t.test('a changed account shows in the next sign-in', async (t) => {
  const setup = await startIdp(t);
  const config = await discover(setup.issuer);
  const first = await signIn(setup, config, newBrowser(), 'ada');
  t.equal(first.claims.email, 'ada@example.org');

  const ada = setup.idp.accounts.get('ada');
  if (!ada) throw new Error('no ada');
  setup.idp.accounts.set('ada', { ...ada, email: 'ada.admin@example.org', groups: [] });

  const second = await signIn(setup, config, newBrowser(), 'ada');
  t.equal(second.claims.email, 'ada.admin@example.org');
  t.same(second.claims.groups, []);
  t.not(second.claims.sid, first.claims.sid, 'a new browser is a new IdP session');
});

t.test('a second sign-in in the same browser skips the login page', async (t) => {
  const setup = await startIdp(t);
  const config = await discover(setup.issuer);
  const browser = newBrowser();
  const first = await signIn(setup, config, browser, 'eve');

  const { url } = await authorizationUrl(config, setup.redirectUri);
  const { url: ended } = await browser.get(url, atCallback(setup.redirectUri));
  t.ok(ended.href.startsWith(setup.redirectUri), 'straight back to the client');
  t.ok(ended.searchParams.get('code'));
  t.equal(first.claims.sub, 'eve');
});

t.test('posting an unknown subject answers 400', async (t) => {
  const setup = await startIdp(t);
  const config = await discover(setup.issuer);
  const browser = newBrowser();
  const { url } = await authorizationUrl(config, setup.redirectUri);
  const page = await browser.get(url, atCallback(setup.redirectUri));
  const action = loginAction(page.body, page.url, 'ada');

  const unknown = await browser.request(action, { form: { subject: 'mallory' } });
  t.equal(unknown.status, 400);
  t.match(unknown.body, /unknown account/);

  const missing = await browser.request(action, { form: {} });
  t.equal(missing.status, 400);

  const withoutCookies = await newBrowser().request(action, { form: { subject: 'ada' } });
  t.equal(withoutCookies.status, 400, 'no sign-in without its interaction cookie');
});

t.test(
  'logging out through end_session sends a logout token to the back-channel URI',
  async (t) => {
    const received: { contentType: string | undefined; body: string }[] = [];
    const backchannelPort = await listen(t, (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        received.push({
          contentType: req.headers['content-type'],
          body: Buffer.concat(chunks).toString('utf8'),
        });
        res.writeHead(200).end();
      });
    });
    const setup = await startIdp(t, {
      backchannelLogoutUri: `http://127.0.0.1:${backchannelPort}/auth/backchannel-logout`,
    });
    const config = await discover(setup.issuer);
    const browser = newBrowser();
    const { tokens, claims } = await signIn(setup, config, browser, 'ada');

    const endSession = client.buildEndSessionUrl(config, {
      id_token_hint: tokens.id_token ?? '',
      post_logout_redirect_uri: setup.postLogoutRedirectUri,
      state: 'bye',
    });
    const confirm = await browser.request(endSession);
    t.equal(confirm.status, 200);
    const html = confirm.body;
    t.notMatch(html, /<script|<style|style=|\son[a-z]+=/i);
    const action = /<form id="op.logoutForm" method="post" action="([^"]+)">/.exec(html)?.[1];
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(html)?.[1];
    t.ok(action && xsrf, 'a confirmation form with its xsrf token');
    t.match(html, /name="logout" value="yes"/);

    const done = await browser.request(new URL(action ?? '', endSession), {
      form: { xsrf: xsrf ?? '', logout: 'yes' },
    });
    t.equal(done.status, 303);
    t.equal(done.headers.get('location'), `${setup.postLogoutRedirectUri}?state=bye`);

    t.equal(received.length, 1, 'one back-channel logout');
    const [call] = received;
    t.match(call?.contentType, /application\/x-www-form-urlencoded/);
    const logoutToken = new URLSearchParams(call?.body).get('logout_token') ?? '';
    const jwks = createRemoteJWKSet(new URL(config.serverMetadata().jwks_uri ?? ''));
    const { payload } = await jwtVerify(logoutToken, jwks, {
      issuer: setup.issuer,
      audience: 'tandem',
    });
    t.match(payload, {
      sub: 'ada',
      sid: claims.sid,
      events: { 'http://schemas.openid.net/event/backchannel-logout': {} },
    });
    t.notOk('nonce' in payload);

    // The IdP session is gone: the next authorization asks for an account again.
    const { url } = await authorizationUrl(config, setup.redirectUri);
    const again = await browser.get(url, atCallback(setup.redirectUri));
    t.equal(again.status, 200);
    t.match(again.body, /name="subject"/);
  },
);

t.test('behind Fastify, forwarded with reply.hijack() before body parsing', async (t) => {
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}/dev-idp`;
  const redirectUri = `http://127.0.0.1:${port}/auth/callback`;
  const idp = createDevIdp({
    issuer,
    clients: [
      {
        clientId: 'tandem',
        clientSecret: 'tandem-secret',
        redirectUris: [redirectUri],
        postLogoutRedirectUris: [],
      },
    ],
    accounts: structuredClone(ACCOUNTS),
  });
  const app = fastify();
  await app.register(formbody);
  app.addHook('onRequest', async (request, reply) => {
    if (request.url === '/dev-idp' || request.url.startsWith('/dev-idp/')) {
      reply.hijack();
      idp.handle(request.raw, reply.raw);
    }
  });
  app.get('/health', async () => ({ ok: true }));
  await app.listen({ port, host: '127.0.0.1' });
  t.teardown(() => app.close());

  t.same((await (await fetch(`http://127.0.0.1:${port}/health`)).json()) as unknown, { ok: true });
  const config = await discover(issuer);
  const { claims } = await signIn(
    { idp, issuer, redirectUri, postLogoutRedirectUri: '' },
    config,
    newBrowser(),
    'ada',
  );
  t.equal(claims.sub, 'ada');
  t.equal(claims.email, 'ada@example.org');
});

t.test('prompt=login in a signed-in browser lets another account sign in', async (t) => {
  const setup = await startIdp(t);
  const config = await discover(setup.issuer);
  const browser = newBrowser();
  const first = await signIn(setup, config, browser, 'ada');

  const { url, pkceCodeVerifier } = await authorizationUrl(config, setup.redirectUri, {
    prompt: 'login',
  });
  const stopAt = atCallback(setup.redirectUri);
  const page = await browser.get(url, stopAt);
  t.equal(page.status, 200, 'the login page again');
  // oidc-provider first ends ada's session: a page posting the logout form (script submits
  // it, or the button under noscript), then back to the authorization.
  const logout = await browser.follow(
    await browser.request(loginAction(page.body, page.url, 'eve'), { form: { subject: 'eve' } }),
    stopAt,
  );
  t.equal(logout.status, 200);
  const html = logout.body;
  const action = /<form method="post" action="([^"]+)">/.exec(html)?.[1] ?? '';
  const fields = Object.fromEntries(
    [...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"\/>/g)].map((m) => [
      m[1] ?? '',
      unescapeHtml(m[2] ?? ''),
    ]),
  );
  t.equal(fields.logout, 'yes');
  const callback = await browser.follow(
    await browser.request(new URL(unescapeHtml(action), logout.url), { form: fields }),
    stopAt,
  );
  t.ok(callback.url.href.startsWith(setup.redirectUri), 'back at the client');
  const tokens = await client.authorizationCodeGrant(config, callback.url, { pkceCodeVerifier });
  const claims = tokens.claims();
  t.equal(claims?.sub, 'eve');
  t.not(claims?.sid, first.claims.sid);
});

t.test('paths outside the issuer answer 404', async (t) => {
  const setup = await startIdp(t);
  const outside = await fetch(new URL('/elsewhere', setup.issuer));
  t.equal(outside.status, 404);
  await outside.arrayBuffer();
  const lookalike = await fetch(
    new URL('/dev-idpx/.well-known/openid-configuration', setup.issuer),
  );
  t.equal(lookalike.status, 404);
  await lookalike.arrayBuffer();
});

t.test('a second client in a signed-in browser is granted without a page', async (t) => {
  const setup = await startIdp(t);
  const browser = newBrowser();
  const first = await signIn(setup, await discover(setup.issuer), browser, 'ada');

  const wiki = await discover(setup.issuer, undefined, 'wiki');
  const { url, pkceCodeVerifier } = await authorizationUrl(wiki, setup.redirectUri);
  const callback = await browser.get(url, atCallback(setup.redirectUri));
  t.ok(callback.url.href.startsWith(setup.redirectUri), 'straight back to the client');
  const tokens = await client.authorizationCodeGrant(wiki, callback.url, { pkceCodeVerifier });
  t.match(tokens.claims(), {
    aud: 'wiki',
    sub: 'ada',
    email: 'ada@example.org',
    groups: ['tandem-admin'],
  });
  t.type(tokens.claims()?.sid, 'string');
  t.not(tokens.claims()?.sid, first.claims.sid, 'sid is per client');
});
