import t from 'tap';
import { tokenId } from '../src/auth/tokens.js';
import { ANONYMISE_FORMER_PARTICIPANTS } from '../src/jobs/anonymise-former-participants.js';
import { EXPIRE_MANAGER_APPROVALS } from '../src/jobs/expire-manager-approvals.js';
import { EXPIRE_TANDEM_REQUESTS } from '../src/jobs/expire-tandem-requests.js';
import { FLAG_STALE_PAIRS } from '../src/jobs/flag-stale-pairs.js';
import { PURGE_AUDIT_EVENTS } from '../src/jobs/purge-audit-events.js';
import { PURGE_EXPIRED_AUTH } from '../src/jobs/purge-expired-auth.js';
import { PURGE_PLUGIN_STORE } from '../src/jobs/purge-plugin-store.js';
import { REMIND_MANAGER_APPROVALS } from '../src/jobs/remind-manager-approvals.js';
import { SEND_SURVEYS } from '../src/jobs/send-surveys.js';
import { START_LUNCH_ROUNDS } from '../src/jobs/start-lunch-rounds.js';
import { buildTestApp } from './helpers/build-test-app.js';
import { createTestDatabase, sql } from './helpers/database.js';
import { signedInAs } from './helpers/sessions.js';

t.test(
  'the hourly purge removes sessions nobody comes back to, stale sign-ins and rate-limit windows',
  async (t) => {
    const databaseUrl = await createTestDatabase(t);
    const app = await buildTestApp(t, { databaseUrl, env: { WORKER_IN_PROCESS: 'true' } });
    const live = await signedInAs(app, { subject: 'live', name: 'Live' });
    const idle = await signedInAs(app, { subject: 'idle', name: 'Idle' });
    const old = await signedInAs(app, { subject: 'old', name: 'Old' });
    const idOf = (cookies: Record<string, string>) => tokenId(Object.values(cookies)[0] ?? '');
    await sql(
      databaseUrl,
      "UPDATE session SET last_seen_at = now() - interval '2 hours' WHERE id = $1",
      [idOf(idle.cookies)],
    );
    await sql(
      databaseUrl,
      "UPDATE session SET expires_at = now() - interval '1 minute' WHERE id = $1",
      [idOf(old.cookies)],
    );
    await sql(
      databaseUrl,
      `INSERT INTO login_attempt (id, state, nonce, code_verifier, return_to, created_at, expires_at) VALUES
       ('stale', 's', 'n', 'v', '/', now() - interval '1 hour', now() - interval '50 minutes'),
       ('fresh', 's', 'n', 'v', '/', now(), now() + interval '10 minutes')`,
    );
    await sql(
      databaseUrl,
      `INSERT INTO rate_limit_counter (key, count, expires_at) VALUES
       ('gone', 3, now() - interval '1 minute'), ('current', 1, now() + interval '1 minute')`,
    );

    await app.worker?.addJob(PURGE_EXPIRED_AUTH, {});
    let audit: { data: { sessions: number } }[] = [];
    for (let i = 0; i < 300 && audit.length === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      audit = await sql(
        databaseUrl,
        "SELECT data FROM audit_event WHERE action = 'session.purged'",
      );
    }

    t.same(audit, [{ data: { sessions: 2 } }], 'two sessions purged, and audited');
    t.same(
      (await sql<{ id: string }>(databaseUrl, 'SELECT id FROM session')).map((r) => r.id),
      [idOf(live.cookies)],
      'the live one stays',
    );
    t.same(await sql(databaseUrl, 'SELECT id FROM login_attempt'), [{ id: 'fresh' }]);
    t.same(await sql(databaseUrl, 'SELECT key FROM rate_limit_counter'), [{ key: 'current' }]);
    t.equal((await app.inject({ url: '/api/me', cookies: live.cookies })).statusCode, 200);
  },
);

t.test('a running worker has its recurring tasks on its schedule', async (t) => {
  const databaseUrl = await createTestDatabase(t);
  await buildTestApp(t, { databaseUrl, env: { WORKER_IN_PROCESS: 'true' } });
  let known: { identifier: string }[] = [];
  for (let i = 0; i < 300 && known.length < 10; i++) {
    known = await sql(
      databaseUrl,
      'SELECT identifier FROM graphile_worker._private_known_crontabs ORDER BY identifier',
    );
    if (known.length < 10) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  t.same(known, [
    { identifier: ANONYMISE_FORMER_PARTICIPANTS },
    { identifier: EXPIRE_MANAGER_APPROVALS },
    { identifier: EXPIRE_TANDEM_REQUESTS },
    { identifier: FLAG_STALE_PAIRS },
    { identifier: PURGE_AUDIT_EVENTS },
    { identifier: PURGE_EXPIRED_AUTH },
    { identifier: PURGE_PLUGIN_STORE },
    { identifier: REMIND_MANAGER_APPROVALS },
    { identifier: SEND_SURVEYS },
    { identifier: START_LUNCH_ROUNDS },
  ]);
});
