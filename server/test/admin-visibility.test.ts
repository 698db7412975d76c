import { readFile } from 'node:fs/promises';
import type { InjectOptions } from 'fastify';
import t from 'tap';
import { needsRole } from '../src/auth/access.js';
import { API_SCOPES, type ApiScope } from '../src/auth/api-scope.js';
import { DATASET_IDS } from '../src/modules/reports/report-schemas.js';
import { authorizationWorld, type World } from './helpers/authorization-world.js';
import { buildTestApp } from './helpers/build-test-app.js';
import { sessionFor } from './helpers/sessions.js';

/**
 * What docs/privacy.md ("Who sees what") says HR admins never see, in its words, each with a
 * text the owner of a pair writes: no admin route may return any of them, to an admin's
 * session or to an API token.
 */
const NEVER_SEEN_BY_ADMINS = [
  { item: 'private pair notes', marker: 'Notiz-Marke-3b1f9e' },
  { item: 'questions', marker: 'Frage-Marke-8c24d0' },
  { item: 'feedback comments', marker: 'Kommentar-Marke-51ea7a' },
  { item: 'the homework they write', marker: 'Hausaufgabe-Marke-9d03c2' },
  { item: 'the sessions they add', marker: 'Sitzung-Marke-e6a4b8' },
];

/**
 * The scope a token needs for an admin route, as docs/privacy.md and operators/api.md put it:
 * `read` every admin GET route, `enrolments:write` enrolling people; the routes that manage
 * tokens, and any other write, are closed to tokens.
 */
function documentedScope(method: string, path: string): ApiScope | undefined {
  if (path.startsWith('/api/admin/tokens')) return undefined;
  if (method === 'GET') return 'read';
  if (method === 'POST' && path === '/api/admin/programmes/:id/enrolments')
    return 'enrolments:write';
  return undefined;
}

/** The HR admin row of privacy.md's "Who sees what", and the row of API tokens. */
async function privacyRows(): Promise<{ admin: string; token: string }> {
  const text = await readFile(new URL('../../docs/privacy.md', import.meta.url), 'utf8');
  const row = (who: string) => text.split('\n').find((line) => line.startsWith(`| ${who} `)) ?? '';
  return { admin: row('HR admin'), token: row('An API token') };
}

t.test('privacy.md names what the test below checks', async (t) => {
  const { admin, token } = await privacyRows();
  const doesNotSee = admin.split('|')[3] ?? '';
  for (const { item } of NEVER_SEEN_BY_ADMINS)
    t.match(doesNotSee, item, `admins do not see ${item}`);
  for (const scope of API_SCOPES) t.match(token, `\`${scope}\``, `the token row names ${scope}`);
});

t.test('no admin route shows an admin or a token what a pair wrote for itself', async (t) => {
  const app = await buildTestApp(t);
  const world = await authorizationWorld(app);
  const owner = (await sessionFor(app, world.userIds.owner)).cookies;
  const admin = (await sessionFor(app, world.userIds.admin)).cookies;
  const [note, question, comment, homework, session] = NEVER_SEEN_BY_ADMINS.map(
    ({ marker }) => marker,
  );
  const pair = `/api/pairs/${world.owner.pair}`;
  for (const [method, url, payload] of [
    ['POST', `${pair}/notes`, { body: `Unter uns: ${note}` }],
    ['POST', `${pair}/questions`, { text: `${question}?` }],
    ['PUT', `${pair}/sessions/${world.owner.doneSession}/feedback`, { rating: 2, comment }],
    ['PUT', `${pair}/sessions/${world.owner.doneSession}/homework`, { items: [homework] }],
    ['POST', `${pair}/sessions`, { title: session, goal: session, agenda: [session] }],
  ] as const) {
    const answer = await app.inject({ method, url, payload, cookies: owner });
    t.ok(answer.statusCode < 300, `the owner writes ${url}: ${answer.statusCode}`);
  }

  const newToken = async (scopes: string[]) => {
    const answer = await app.inject({
      method: 'POST',
      url: '/api/admin/tokens',
      payload: { name: scopes.join('+'), scopes },
      cookies: admin,
    });
    return answer.json() as { token: string; apiToken: { id: string } };
  };
  const tokens = new Map<string, string>();
  for (const scopes of [...API_SCOPES.map((scope) => [scope]), [...API_SCOPES]])
    tokens.set(scopes.join('+'), (await newToken(scopes)).token);
  // For the routes that revoke a token: not one of those above.
  const tokenId = (await newToken(['read'])).apiToken.id;

  const routes = [...app.routeAccess]
    .filter(([route, access]) => needsRole(access) && !route.startsWith('HEAD '))
    .map(([route]) => route.split(' ') as [string, string])
    // Reads first, so that a write (a publication, a removal) cannot hide what they return.
    .sort(([a], [b]) => Number(a !== 'GET') - Number(b !== 'GET'));
  t.ok(routes.length >= 30, `${routes.length} admin routes`);

  const leaks: string[] = [];
  const refusals: string[] = [];
  const statuses = new Map<string, number>();
  const call = async (who: string, route: string, request: InjectOptions) => {
    const answer = await app.inject(request);
    const seen = NEVER_SEEN_BY_ADMINS.filter(({ marker }) => answer.body.includes(marker));
    for (const { item } of seen) leaks.push(`${route} (${who}, ${request.url}): ${item}`);
    return answer.statusCode;
  };
  for (const [method, path] of routes) {
    const route = `${method} ${path}`;
    for (const url of urlsOf(path, world, tokenId)) {
      const write = method === 'GET' ? {} : { payload: {} };
      const asAdmin = { method: method as 'GET', url, cookies: admin, ...write };
      statuses.set(`${method} ${url}`, await call('admin session', route, asAdmin));
      for (const [scopes, token] of tokens) {
        const headers = { authorization: `Bearer ${token}` };
        const status = await call(`token ${scopes}`, route, { ...asAdmin, cookies: {}, headers });
        const needed = documentedScope(method, path);
        // A token with the scope scim opens the SCIM routes only, whatever else it holds.
        const held = scopes.split('+');
        const opens = needed !== undefined && held.includes(needed) && !held.includes('scim');
        if (opens !== (status !== 401 && status !== 403))
          refusals.push(`${route} (${url}): token ${scopes} got ${status}`);
      }
    }
  }
  t.same(leaks, [], 'no answer holds a text the pair wrote for itself');
  t.same(refusals, [], 'each token reaches exactly the admin routes its scopes open');

  const exportUrl = `/api/admin/users/${world.userIds.owner}/export`;
  t.equal(statuses.get(`GET ${exportUrl}`), 200, 'the admin export of the author works');
  for (const path of ['enrolments', 'meetings', 'report'])
    t.equal(statuses.get(`GET /api/admin/programmes/${world.owner.programme}/${path}`), 200, path);

  const participantRoutes = [...app.routeAccess].filter(([, access]) => access === 'participant');
  const opened: string[] = [];
  for (const [route] of participantRoutes) {
    const [method = 'GET', path = ''] = route.split(' ');
    const url = path.replace(/:\w+|\*/g, world.owner.pair);
    for (const [scopes, token] of tokens) {
      const answer = await app.inject({
        method: method as 'GET',
        url,
        headers: { authorization: `Bearer ${token}` },
      });
      if (answer.statusCode !== 403) opened.push(`${route}: token ${scopes} ${answer.statusCode}`);
    }
  }
  t.same(opened, [], `no token acts as a participant (${participantRoutes.length} routes)`);
});

/**
 * The URLs of an admin route with its path parameters filled, by the path segment before each:
 * every object of that kind the world has, the owner (who wrote the texts) for a person. A new
 * kind of parameter fails the test until it is added here.
 */
function urlsOf(path: string, world: World, tokenId: string): string[] {
  const { owner } = world;
  const objects: Record<string, string[]> = {
    programmes: [owner.programme, owner.reviewProgramme, owner.selfServiceProgramme],
    users: [world.userIds.owner],
    matches: [owner.pair, owner.match],
    'matching-runs': [owner.matchingRun],
    deliveries: [owner.delivery],
    tokens: [tokenId],
    skills: [owner.skill],
    curricula: [owner.curriculum],
    report: [...DATASET_IDS],
    forbids: [owner.forbid],
    approvals: [owner.adminApprovalToApprove],
    // The world has no channel instance (they hold only configuration, nothing a pair wrote):
    // an unknown one, answered 404, which the leak check reads all the same.
    'channel-instances': ['00000000-0000-4000-8000-000000000000'],
  };
  let urls = [''];
  const segments = path.split('/').slice(1);
  for (const [i, segment] of segments.entries()) {
    const parameter = /^:(\w+)(.*)$/.exec(segment);
    const before = segments[i - 1] ?? '';
    const values = parameter ? objects[before] : [segment];
    if (!values) throw new Error(`${path}: which objects fill :${parameter?.[1]} after ${before}?`);
    const rest = parameter?.[2] ?? '';
    urls = urls.flatMap((url) => values.map((value) => `${url}/${value}${rest}`));
  }
  return urls;
}
