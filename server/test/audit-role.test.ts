import t, { type Test } from 'tap';
import { doctorChecks } from '../src/cli/doctor-checks.js';
import { doctorLine } from '../src/cli/doctor-command.js';
import { migrate, migrateFor } from '../src/db/migrate.js';
import { OperatorError } from '../src/errors.js';
import { PURGE_AUDIT_EVENTS } from '../src/jobs/purge-audit-events.js';
import { createLogger } from '../src/logger.js';
import { recordAudit } from '../src/modules/audit/audit-log.js';
import { buildTestApp } from './helpers/build-test-app.js';
import { createAppRole, createTestDatabase, sql } from './helpers/database.js';
import { personWithHistory } from './helpers/privacy-fixture.js';
import { signedInAs } from './helpers/sessions.js';

const log = createLogger({ logLevel: 'silent' });
const PRODUCTION = {
  NODE_ENV: 'production',
  NOTES_ENCRYPTION_KEYS: 'k1:x0HyLFef04UKNLhemBFQq0g1DaxQToAimUZ3uXFxQQo=',
};

/** The two-role install: the tables' owner migrates and grants, the app connects as `appUrl`. */
async function twoRoles(t: Test) {
  const ownerUrl = await createTestDatabase(t);
  const appUrl = await createAppRole(t, ownerUrl);
  await migrateFor({ migrationDatabaseUrl: ownerUrl }, appUrl, log);
  return { ownerUrl, appUrl };
}

const auditCheck = async (env: Record<string, string>) => {
  const check = (await doctorChecks(env)).find((c) => c.name === 'audit log');
  return { ...check, line: check ? doctorLine(check) : '' };
};

t.test(
  'doctor: a connection that owns the audit table is a warning, in production a failure',
  async (t) => {
    const ownerUrl = await createTestDatabase(t);
    const development = await auditCheck({ DATABASE_URL: ownerUrl });
    t.match(development, {
      status: 'warning',
      detail:
        /is a superuser: the app's own connection could drop or disable the append-only trigger/,
    });
    t.match(development.line, /^! audit log: .*\n {4}fix: .*MIGRATION_DATABASE_URL/);
    t.match(await auditCheck({ DATABASE_URL: ownerUrl, ...PRODUCTION }), { status: 'failed' });

    const embedded = await auditCheck({ TANDEM_DATA_DIR: t.testdir() });
    t.match(embedded, { status: 'warning', detail: /embedded PostgreSQL has one role/ });
  },
);

t.test('doctor: an app role that owns nothing passes; a disabled trigger fails', async (t) => {
  const { ownerUrl, appUrl } = await twoRoles(t);
  t.match(await auditCheck({ DATABASE_URL: appUrl, ...PRODUCTION }), {
    status: 'ok',
    detail: /cannot drop or disable the append-only trigger/,
  });
  await sql(ownerUrl, 'ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_change');
  t.match(await auditCheck({ DATABASE_URL: appUrl }), {
    status: 'failed',
    detail: 'the append-only triggers on audit_event are missing or disabled',
  });
});

t.test('doctor: an app role owning the database, so the schema public, fails', async (t) => {
  const { ownerUrl, appUrl } = await twoRoles(t);
  const database = new URL(ownerUrl).pathname.slice(1);
  const role = new URL(appUrl).username;
  // From PostgreSQL 15 the schema public belongs to pg_database_owner, the database's owner.
  await sql(ownerUrl, `ALTER DATABASE ${database} OWNER TO ${role}`);
  t.teardown(() => sql(ownerUrl, `ALTER DATABASE ${database} OWNER TO CURRENT_USER`));
  t.match(await auditCheck({ DATABASE_URL: appUrl, ...PRODUCTION }), {
    status: 'failed',
    detail: new RegExp(`^${role} owns the audit table, its schema or its trigger function`),
  });
  await sql(appUrl, 'DROP TABLE audit_event');
  t.pass('and indeed it could drop the audit table');
});

t.test('the app role can neither lift the guard nor change events', async (t) => {
  const { appUrl } = await twoRoles(t);
  await sql(appUrl, `INSERT INTO audit_event (at, action) VALUES (now(), 'programme.created')`);
  for (const statement of [
    'ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_change',
    'ALTER TABLE audit_event DISABLE TRIGGER ALL',
    'DROP TRIGGER audit_event_no_change ON audit_event',
    'DROP TABLE audit_event',
  ])
    await t.rejects(sql(appUrl, statement), { message: /must be owner/ }, statement);
  await t.rejects(
    sql(
      appUrl,
      'CREATE OR REPLACE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN new; END $$',
    ),
    { message: /permission denied for schema public|must be owner/ },
    'nor replace the trigger function',
  );
  for (const statement of [
    `UPDATE audit_event SET action = 'programme.nothing'`,
    'DELETE FROM audit_event',
    'TRUNCATE audit_event',
    `DELETE FROM mikro_orm_migrations`,
  ])
    await t.rejects(sql(appUrl, statement), { message: /permission denied/ }, statement);
  t.same(await sql(appUrl, 'SELECT action FROM audit_event'), [{ action: 'programme.created' }]);
});

t.test('as the app role Tandem works: audit, account deletion, the worker, start', async (t) => {
  const { appUrl } = await twoRoles(t);
  t.same(await migrate(appUrl, log), [], '`tandem start` finds nothing to migrate');
  const app = await buildTestApp(t, {
    databaseUrl: appUrl,
    env: { WORKER_IN_PROCESS: 'true', AUDIT_RETENTION_DAYS: '30' },
  });
  const hr = await signedInAs(app, { subject: 'hr', name: 'Matthias Keller', roles: ['admin'] });
  await recordAudit(app.orm.em, { action: 'programme.created', actorId: hr.userId });
  const audit = await app.inject({ url: '/api/admin/audit', cookies: hr.cookies });
  t.same(
    audit.json().events.map((event: { action: string }) => event.action),
    ['programme.created'],
  );

  const { cookies } = await personWithHistory(app);
  const deleted = await app.inject({
    method: 'POST',
    url: '/api/me/delete',
    cookies,
    payload: { confirm: 'DELETE' },
  });
  t.equal(deleted.statusCode, 200, 'delete my account takes her off the audit log');

  await sql(
    appUrl,
    `INSERT INTO audit_event (at, action) VALUES (now() - interval '400 days', 'auth.login')`,
  );
  await app.worker?.addJob(PURGE_AUDIT_EVENTS, {});
  let purged: unknown[] = [];
  for (let i = 0; i < 300 && purged.length === 0; i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    purged = await sql(appUrl, "SELECT data FROM audit_event WHERE action = 'audit.purged'");
  }
  t.match(purged, [{ data: { events: 1 } }], 'the nightly purge runs as the app role');
});

t.test('as the app role, the purge refuses a cutoff later than 30 days ago', async (t) => {
  const { appUrl } = await twoRoles(t);
  await sql(
    appUrl,
    `INSERT INTO audit_event (at, action) VALUES (now(), 'programme.created'),
       (now() - interval '31 days', 'auth.login')`,
  );
  for (const cutoff of ['now()', "now() - interval '29 days'"])
    await t.rejects(
      sql(appUrl, `SELECT audit_purge_before(${cutoff})`),
      { message: /later than 30 days ago/, code: '42501' },
      cutoff,
    );
  t.same(await sql(appUrl, 'SELECT count(*)::int AS events FROM audit_event'), [{ events: 2 }]);
  t.same(await sql(appUrl, "SELECT audit_purge_before(now() - interval '30 days') AS purged"), [
    { purged: '1' },
  ]);
  t.same(await sql(appUrl, 'SELECT action FROM audit_event'), [{ action: 'programme.created' }]);
});

t.test('migrating as the app role says to run `tandem migrate` as the owner', async (t) => {
  const { ownerUrl, appUrl } = await twoRoles(t);
  await sql(ownerUrl, "DELETE FROM mikro_orm_migrations WHERE name LIKE '%_find_a_time'");
  const error = await migrate(appUrl, log).catch((e: unknown) => e);
  t.type(error, OperatorError);
  t.equal(
    (error as Error).message,
    'The database refused a migration (permission denied for schema public): this role may not change the schema. Run `tandem migrate` with MIGRATION_DATABASE_URL (the owner role) and DATABASE_URL (the app role) before starting the new version (docs/operators/security.md, "Two database roles").',
  );
});
