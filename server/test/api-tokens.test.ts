import type { FastifyInstance } from 'fastify';
import t, { type Test } from 'tap';
import { ApiToken } from '../src/auth/api-token.js';
import { AuditEvent } from '../src/modules/audit/audit-event.js';
import { User } from '../src/modules/users/user.js';
import { buildTestApp } from './helpers/build-test-app.js';
import { signedInAs } from './helpers/sessions.js';

const profile = {
  skillsOffered: ['ai-assistants'],
  skillsWanted: [],
  tags: [],
  languages: ['de'],
  format: 'remote',
  availability: [{ weekday: 3, from: '14:00', to: '16:00' }],
  goals: ['Führungskräften KI zeigen'],
  excludedPersonIds: [],
};

async function setUp(t: Test) {
  const app = await buildTestApp(t);
  const hr = await signedInAs(app, { subject: 'hr', name: 'Hanna HR', roles: ['admin'] });
  const session = (method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) =>
    app.inject({ method, url, cookies: hr.cookies, ...(payload ? { payload } : {}) });
  const programme = await session('POST', '/api/admin/programmes', {
    curriculum: 'qa-quickstart',
    name: 'KI im Arbeitsalltag',
  });
  const programmeId: string = programme.json().id;
  await session('POST', `/api/admin/programmes/${programmeId}/transitions`, { to: 'enrolment' });
  const create = async (scopes: string[], extra: object = {}) => {
    const response = await session('POST', '/api/admin/tokens', {
      name: 'HR system',
      scopes,
      ...extra,
    });
    t.equal(response.statusCode, 201, `a token with ${scopes.join(', ')} is made`);
    return response.json() as { token: string; apiToken: { id: string } };
  };
  const bearer = (
    token: string,
    method: 'GET' | 'POST' | 'DELETE',
    url: string,
    payload?: object,
  ) =>
    app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${token}` },
      ...(payload ? { payload } : {}),
    });
  return { app, hr, session, programmeId, create, bearer };
}

async function auditActions(app: FastifyInstance): Promise<string[]> {
  const events = await app.orm.em.fork().find(AuditEvent, {}, { orderBy: { id: 'asc' } });
  return events.map((event) => event.action);
}

t.test('a token is shown once, listed without its secret, and audited', async (t) => {
  const { app, session, create } = await setUp(t);
  const { token, apiToken } = await create(['read'], { expiresAt: '2099-01-01T00:00:00.000Z' });
  t.match(token, /^tdm_[\w-]{43}$/, 'tdm_ and 256 random bits');
  t.match(apiToken, { name: 'HR system', scopes: ['read'], prefix: token.slice(0, 10) });

  const list = await session('GET', '/api/admin/tokens');
  t.equal(list.statusCode, 200);
  t.match(list.json(), [{ id: apiToken.id, prefix: token.slice(0, 10), revokedAt: null }]);
  t.notOk(list.body.includes(token.slice(10)), 'the list never shows the secret');
  const stored = await app.orm.em.fork().findOneOrFail(ApiToken, apiToken.id);
  t.not(stored.tokenHash, token, 'the database keeps only a hash');
  t.notOk(JSON.stringify(stored).includes(token.slice(10)), 'nor any of the secret');
  t.ok((await auditActions(app)).includes('api-token.created'), 'making it is audited');

  const past = await session('POST', '/api/admin/tokens', {
    name: 'Old',
    scopes: ['read'],
    expiresAt: '2000-01-01T00:00:00.000Z',
  });
  t.equal(past.statusCode, 400, 'an expiry in the past is refused');
});

t.test('a bearer token acts as its owner, within its scopes', async (t) => {
  const { app, bearer, create, programmeId } = await setUp(t);
  const reader = await create(['read']);
  const listed = await bearer(reader.token, 'GET', '/api/admin/programmes');
  t.equal(listed.statusCode, 200, 'read opens the admin GET routes');
  t.match(listed.json(), [{ id: programmeId }]);
  const stored = await app.orm.em.fork().findOneOrFail(ApiToken, reader.apiToken.id);
  t.ok(stored.lastUsedAt, 'its use is recorded');

  const lena = await signedInAs(app, { subject: 'lena', name: 'Lena', department: 'IT' });
  const enrol = { subject: 'lena', role: 'mentor', profile };
  const url = `/api/admin/programmes/${programmeId}/enrolments`;
  const refused = await bearer(reader.token, 'POST', url, enrol);
  t.equal(refused.statusCode, 403, 'enrolling needs enrolments:write');
  t.match(refused.json().message, /lacks the scope enrolments:write/);

  const writer = await create(['enrolments:write']);
  const enrolled = await app.inject({
    method: 'POST',
    url,
    payload: enrol,
    // A script's request carries no ambient credential, so a foreign Origin does not matter.
    headers: { authorization: `Bearer ${writer.token}`, origin: 'https://hr.example' },
  });
  t.equal(enrolled.statusCode, 200, 'enrolments:write enrols people on their behalf');
  t.match(enrolled.json(), { role: 'mentor', state: 'active' });
  const mine = await app.inject({ url: `/api/programmes/${programmeId}`, cookies: lena.cookies });
  t.match(mine.json(), { enrolment: { role: 'mentor' } }, 'Lena sees her enrolment');
  t.ok(
    (await auditActions(app)).includes('enrolment.enrolled-by-admin'),
    'the enrolment is audited, with the token owner as actor',
  );
  const byEmail = await bearer(writer.token, 'POST', url, { email: 'nobody@amt.example' });
  t.equal(byEmail.statusCode, 404, 'an unknown person is not found');
  t.equal(
    (await bearer(writer.token, 'GET', '/api/admin/programmes')).statusCode,
    403,
    'enrolments:write alone does not read',
  );

  t.equal((await bearer(reader.token, 'GET', '/api/me')).statusCode, 403, 'no participant routes');
  t.equal(
    (await bearer(reader.token, 'GET', '/api/admin/tokens')).statusCode,
    403,
    'a token cannot list tokens',
  );
  t.equal(
    (await bearer(reader.token, 'GET', '/api/site')).statusCode,
    200,
    'anonymous routes stay open',
  );
});

t.test('a revoked, expired or unknown token, or one of an ex-admin, is refused', async (t) => {
  const { app, session, bearer, create, hr } = await setUp(t);
  const revoked = await create(['read']);
  const gone = await session('DELETE', `/api/admin/tokens/${revoked.apiToken.id}`);
  t.equal(gone.statusCode, 200);
  t.ok(gone.json().revokedAt, 'revoked now');
  t.equal((await bearer(revoked.token, 'GET', '/api/admin/programmes')).statusCode, 401);
  t.ok((await auditActions(app)).includes('api-token.revoked'), 'revoking is audited');

  const expired = await create(['read'], { expiresAt: '2099-01-01T00:00:00.000Z' });
  await app.orm.em.nativeUpdate(
    ApiToken,
    { id: expired.apiToken.id },
    { expiresAt: new Date(Date.now() - 1000) },
  );
  const late = await bearer(expired.token, 'GET', '/api/admin/programmes');
  t.equal(late.statusCode, 401, 'an expired token is refused');
  t.match(late.json().message, /unknown, revoked or expired/);

  const valid = await create(['read']);
  const forged = `${valid.token.slice(0, -2)}xx`;
  t.equal((await bearer(forged, 'GET', '/api/admin/programmes')).statusCode, 401, 'forged');
  const withCookie = await app.inject({
    url: '/api/admin/programmes',
    cookies: hr.cookies,
    headers: { authorization: `Bearer ${forged}` },
  });
  t.equal(withCookie.statusCode, 401, 'a bad token is not rescued by a cookie beside it');

  await app.orm.em.nativeUpdate(User, { id: hr.userId }, { roles: [] });
  t.equal(
    (await bearer(valid.token, 'GET', '/api/admin/programmes')).statusCode,
    401,
    'a token dies with its owner’s admin role',
  );

  const other = await signedInAs(app, { subject: 'boss', name: 'Other Admin', roles: ['admin'] });
  const foreign = await app.inject({
    method: 'DELETE',
    url: `/api/admin/tokens/${valid.apiToken.id}`,
    cookies: other.cookies,
  });
  t.equal(foreign.statusCode, 404, 'another admin cannot revoke it');
});

t.test('the API reference is a page of the app', async (t) => {
  const app = await buildTestApp(t);
  const page = await app.inject({ url: '/api/docs', headers: { accept: 'text/html' } });
  t.equal(page.statusCode, 200);
  t.match(page.headers['content-type'], /text\/html/);
  t.match(page.body, /<tandem-app/, 'the app, which renders the document');
  const json = await app.inject({ url: '/api/docs', headers: { accept: 'application/json' } });
  t.equal(json.statusCode, 404, 'API clients read /api/openapi.json instead');
  const other = await app.inject({ url: '/api/nothing', headers: { accept: 'text/html' } });
  t.equal(other.statusCode, 404, 'other /api paths stay the server’s');
});
