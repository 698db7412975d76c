import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import t, { type Test } from 'tap';
import { endSessionsOf } from '../src/auth/session-service.js';
import { User } from '../src/modules/users/user.js';
import { buildTestApp } from './helpers/build-test-app.js';
import { createTestDatabase, sql } from './helpers/database.js';
import { OVERVIEW, overviewWorld } from './helpers/overview-world.js';
import { sessionFor, signedInAs } from './helpers/sessions.js';

// Every signed-in request checks its session in the database (the overview routes in their
// own statement, session-in-read.test.ts): whatever ends a session or changes its person on
// one process holds on the very next request on any other.

// Each test starts two apps on one database.
t.setTimeout(300_000);

/** The status of each overview route and of /api/me, in turn, for Lena on `app`. */
async function statuses(app: FastifyInstance, cookies: Record<string, string>) {
  const answers: LightMyRequestResponse[] = [];
  for (const url of [...OVERVIEW, '/api/me']) answers.push(await app.inject({ url, cookies }));
  return answers.map((answer) => answer.statusCode);
}

/** Two Tandem processes on one database, and Lena signed in, her session used on both. */
async function twoProcesses(t: Test) {
  const databaseUrl = await createTestDatabase(t);
  const a = await buildTestApp(t, { databaseUrl });
  const b = await buildTestApp(t, { databaseUrl });
  const { lena } = await overviewWorld(a);
  t.same(await statuses(a, lena.cookies), [200, 200, 200], 'signed in on the first process');
  t.same(await statuses(b, lena.cookies), [200, 200, 200], 'and on the second');
  return { a, b, databaseUrl, lena, onB: () => statuses(b, lena.cookies) };
}

const SIGNED_OUT = [401, 401, 401];

/** Lena's sessions, not her partner's. */
const LENAS = "WHERE user_id = (SELECT id FROM app_user WHERE subject = 'lena')";

t.test('signing out on one process ends the session on the next request on another', async (t) => {
  const { a, lena, onB } = await twoProcesses(t);
  const logout = await a.inject({ method: 'POST', url: '/auth/logout', cookies: lena.cookies });
  t.equal(logout.statusCode, 303);
  t.same(await onB(), SIGNED_OUT, 'the other process');
  t.same(await statuses(a, lena.cookies), SIGNED_OUT, 'and the one signed out on');
});

t.test('a back-channel logout on one process ends the session on another', async (t) => {
  const { a, onB } = await twoProcesses(t);
  // What /auth/backchannel-logout does once the IdP's logout token is verified (auth-flow
  // tests the route with a real IdP).
  t.equal(await endSessionsOf(a.orm.em.fork(), 'https://idp.test', { subject: 'lena' }), 1);
  t.same(await onB(), SIGNED_OUT);
});

t.test('a deactivated person is signed out on every process at once', async (t) => {
  const { a, lena, onB } = await twoProcesses(t);
  await a.orm.em.fork().nativeUpdate(User, { id: lena.userId }, { deactivatedAt: new Date() });
  t.same(await onB(), SIGNED_OUT);
});

t.test('an idle or expired session ends on the next request, and is audited', async (t) => {
  const { a, b, databaseUrl, lena, onB } = await twoProcesses(t);
  await sql(databaseUrl, `UPDATE session SET expires_at = now() - interval '1 second' ${LENAS}`);
  const [pairs] = await onB();
  t.equal(pairs, 401, 'past the absolute lifetime');
  const ended = await sql<{ count: string }>(databaseUrl, `SELECT count(*) FROM session ${LENAS}`);
  t.equal(ended[0]?.count, '0', 'the session is deleted');
  const audited = await sql(
    databaseUrl,
    "SELECT 1 FROM audit_event WHERE action = 'session.expired'",
  );
  t.equal(audited.length, 1, 'its end audited once');

  const again = await sessionFor(a, lena.userId);
  t.same(await statuses(b, again.cookies), [200, 200, 200], 'signed in again');
  await sql(
    databaseUrl,
    `UPDATE session SET last_seen_at = now() - interval '61 minutes' ${LENAS}`,
  );
  t.same(await statuses(b, again.cookies), SIGNED_OUT, 'idle too long');
});

t.test('a session in use is kept alive by the overview alone', async (t) => {
  const { databaseUrl, b, lena } = await twoProcesses(t);
  await sql(
    databaseUrl,
    `UPDATE session SET last_seen_at = now() - interval '59 minutes' ${LENAS}`,
  );
  const pairs = await b.inject({ url: '/api/pairs', cookies: lena.cookies });
  t.equal(pairs.statusCode, 200);
  const [seen] = await sql<{ touched: boolean }>(
    databaseUrl,
    `SELECT last_seen_at > now() - interval '1 minute' AS touched FROM session ${LENAS}`,
  );
  t.equal(seen?.touched, true, 'lastSeenAt is touched, so the session does not lapse while used');
});

t.test(
  'a role granted on one process opens a programme on the next request on another',
  async (t) => {
    const { a, b, lena } = await twoProcesses(t);
    const hr = await signedInAs(a, { subject: 'hr', name: 'HR', roles: ['admin'] });
    const created = await a.inject({
      method: 'POST',
      url: '/api/admin/programmes',
      cookies: hr.cookies,
      payload: {
        curriculum: 'qa-quickstart',
        name: 'Führung im Wandel',
        settings: { eligibility: { departments: [], titles: [], roles: ['leads'] } },
      },
    });
    const id: string = created.json().id;
    await a.inject({
      method: 'POST',
      url: `/api/admin/programmes/${id}/transitions`,
      cookies: hr.cookies,
      payload: { to: 'enrolment' },
    });
    const listed = async () =>
      (
        (await b.inject({ url: '/api/programmes', cookies: lena.cookies })).json() as {
          id: string;
        }[]
      )
        .map((programme) => programme.id)
        .includes(id);
    t.equal(await listed(), false, 'not open to Lena without the role');
    await a.orm.em.fork().nativeUpdate(User, { id: lena.userId }, { roles: ['leads'] });
    t.equal(await listed(), true, 'open to her on the next request once she has it');
    await a.orm.em.fork().nativeUpdate(User, { id: lena.userId }, { roles: [] });
    t.equal(await listed(), false, 'and closed again on the next request when it is taken');
  },
);
