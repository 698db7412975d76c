import t, { type Test } from 'tap';
import { PURGE_AUDIT_EVENTS } from '../src/jobs/purge-audit-events.js';
import { AuditEvent } from '../src/modules/audit/audit-event.js';
import { recordAudit } from '../src/modules/audit/audit-log.js';
import { buildTestApp } from './helpers/build-test-app.js';
import { createTestDatabase, sql } from './helpers/database.js';
import { signedInAs } from './helpers/sessions.js';

/** Inserts an event `daysAgo` days old, as the application would have written it then. */
async function eventAt(url: string, daysAgo: number, action: string, actorId?: string) {
  await sql(
    url,
    `INSERT INTO audit_event (at, action, actor_id, target_type, target_id, data)
     VALUES (now() - make_interval(days => $1), $2, $3, 'programme', 'p-1', '{}')`,
    [daysAgo, action, actorId ?? null],
  );
}

const actions = async (url: string) =>
  (await sql<{ action: string }>(url, 'SELECT action FROM audit_event ORDER BY at')).map(
    (row) => row.action,
  );

t.test("the application's connection cannot change or remove audit events", async (t) => {
  const databaseUrl = await createTestDatabase(t);
  const app = await buildTestApp(t, { databaseUrl });
  await recordAudit(app.orm.em, { action: 'programme.created', targetId: 'p-1' });
  const em = app.orm.em.fork();
  await t.rejects(em.nativeUpdate(AuditEvent, {}, { action: 'programme.nothing' }), {
    message: /audit_event is append-only: UPDATE is refused/,
  });
  await t.rejects(em.nativeDelete(AuditEvent, {}), {
    message: /audit_event is append-only: DELETE is refused/,
  });
  await t.rejects(em.getConnection().execute('TRUNCATE audit_event'), {
    message: /audit_event is append-only: TRUNCATE is refused/,
  });
  await t.rejects(
    sql(
      databaseUrl,
      `SELECT audit_purge_before(now() - interval '1 year'); DELETE FROM audit_event`,
    ),
    { message: /append-only: DELETE/ },
    'the purge leaves no door open behind it, even in its own transaction',
  );
  t.same(await actions(databaseUrl), ['programme.created']);
});

t.test('a deleted account leaves its events, without the link to it', async (t) => {
  const databaseUrl = await createTestDatabase(t);
  const app = await buildTestApp(t, { databaseUrl });
  const hr = await signedInAs(app, { subject: 'hr', name: 'Matthias Keller' });
  await recordAudit(app.orm.em, { action: 'programme.created', actorId: hr.userId });
  await sql(databaseUrl, 'DELETE FROM app_user WHERE id = $1', [hr.userId]);
  t.match(await sql(databaseUrl, 'SELECT action, actor_id FROM audit_event'), [
    { action: 'programme.created', actor_id: null },
  ]);
});

t.test('the nightly purge removes only events past the retention period', async (t) => {
  const databaseUrl = await createTestDatabase(t);
  const app = await buildTestApp(t, {
    databaseUrl,
    env: { WORKER_IN_PROCESS: 'true', AUDIT_RETENTION_DAYS: '30' },
  });
  await eventAt(databaseUrl, 400, 'programme.created');
  await eventAt(databaseUrl, 31, 'programme.updated');
  await eventAt(databaseUrl, 29, 'matching.published');
  await eventAt(databaseUrl, 0, 'auth.login');
  await app.worker?.addJob(PURGE_AUDIT_EVENTS, {});
  let purged: { data: { events: number; retentionDays: number } }[] = [];
  for (let i = 0; i < 300 && purged.length === 0; i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    purged = await sql(databaseUrl, "SELECT data FROM audit_event WHERE action = 'audit.purged'");
  }
  t.match(purged, [{ data: { events: 2, retentionDays: 30 } }], 'the purge is itself audited');
  t.same(await actions(databaseUrl), ['matching.published', 'auth.login', 'audit.purged']);
  await t.rejects(sql(databaseUrl, 'DELETE FROM audit_event'), { message: /append-only/ });
});

t.test('AUDIT_RETENTION_DAYS is a whole number of days, at least 30', async (t) => {
  t.rejects(buildTestApp(t, { env: { AUDIT_RETENTION_DAYS: '7' } }), {
    message: /AUDIT_RETENTION_DAYS must be a whole number from 30 to 7300 \(got "7"\)/,
  });
});

async function auditApi(t: Test) {
  const databaseUrl = await createTestDatabase(t);
  const app = await buildTestApp(t, { databaseUrl });
  const hr = await signedInAs(app, {
    subject: 'hr',
    name: 'Matthias Keller',
    roles: ['admin'],
  });
  const lena = await signedInAs(app, { subject: 'lena', name: 'Lena Vogt' });
  const list = async (query: Record<string, string> = {}, cookies = hr.cookies) =>
    app.inject({ url: '/api/admin/audit', query, cookies });
  return { app, databaseUrl, hr, lena, list };
}

t.test('admins read the audit log, newest first, filtered and in pages', async (t) => {
  const { app, databaseUrl, hr, lena, list } = await auditApi(t);
  await eventAt(databaseUrl, 3, 'programme.created', hr.userId);
  await eventAt(databaseUrl, 2, 'auth.login-failed');
  await eventAt(databaseUrl, 1, 'auth.login', lena.userId);
  await recordAudit(app.orm.em, {
    action: 'matching.published',
    actorId: hr.userId,
    targetType: 'programme',
    targetId: 'p-2',
    data: { pairs: 4 },
  });

  const all = (await list()).json();
  t.equal(all.total, 4);
  t.same(
    all.events.map((event: { action: string }) => event.action),
    ['matching.published', 'auth.login', 'auth.login-failed', 'programme.created'],
  );
  t.match(all.events[0], {
    actor: { id: hr.userId, name: 'Matthias Keller' },
    targetType: 'programme',
    targetId: 'p-2',
    data: { pairs: 4 },
  });
  t.equal(all.events[2].actor, null, 'a failed sign-in has no actor');

  const names = async (query: Record<string, string>) =>
    (await list(query)).json().events.map((event: { action: string }) => event.action);
  t.same(await names({ action: 'auth.' }), ['auth.login', 'auth.login-failed'], 'action prefix');
  t.same(await names({ action: 'auth.login-' }), ['auth.login-failed']);
  t.same(await names({ action: 'auth_' }), [], 'an underscore is literal, not a wildcard');
  t.same(await names({ actorId: hr.userId }), ['matching.published', 'programme.created']);
  t.same(await names({ targetType: 'programme', targetId: 'p-2' }), ['matching.published']);
  const day = 24 * 3_600_000;
  t.same(
    await names({
      from: new Date(Date.now() - 2.5 * day).toISOString(),
      to: new Date(Date.now() - 0.5 * day).toISOString(),
    }),
    ['auth.login', 'auth.login-failed'],
    'from (inclusive) and to (exclusive)',
  );
  const page = (await list({ limit: '2', offset: '2' })).json();
  t.equal(page.total, 4, 'the total counts every page');
  t.same(
    page.events.map((event: { action: string }) => event.action),
    ['auth.login-failed', 'programme.created'],
  );
  t.equal((await list({ limit: '500' })).statusCode, 400);
  t.equal((await list({ actorId: 'nobody' })).statusCode, 400);
});

t.test('participants and strangers cannot read the audit log', async (t) => {
  const { app, databaseUrl, lena, list } = await auditApi(t);
  t.equal((await list({}, lena.cookies)).statusCode, 403);
  t.equal((await app.inject({ url: '/api/admin/audit' })).statusCode, 401);
  t.match(
    await sql(databaseUrl, "SELECT actor_id, data FROM audit_event WHERE action LIKE 'auth.%'"),
    [{ actor_id: lena.userId, data: { method: 'GET', route: '/api/admin/audit' } }],
    'the refusal is itself a security event',
  );
  const forged = await app.inject({
    method: 'POST',
    url: '/api/admin/programmes',
    headers: { origin: 'https://evil.example' },
    cookies: lena.cookies,
    payload: {},
  });
  t.equal(forged.statusCode, 403);
  t.equal(
    (await sql(databaseUrl, "SELECT 1 FROM audit_event WHERE action = 'auth.cross-site-refused'"))
      .length,
    1,
  );
});
