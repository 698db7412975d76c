import t from 'tap';
import { entities } from '../src/db/entities.js';
import { migrate, pendingMigrations } from '../src/db/migrate.js';
import { migrationsList } from '../src/db/migrations/index.js';
import { openOrm } from '../src/db/orm.js';
import { buildTestApp } from './helpers/build-test-app.js';
import { createEmptyDatabase, sql } from './helpers/database.js';

const silent = {
  fatal() {},
  error() {},
  warn() {},
  info() {},
  debug() {},
  trace() {},
  child: () => silent,
};

t.test('migrations bring an empty database up to the full schema', async (t) => {
  const url = await createEmptyDatabase(t);
  const orm = await openOrm(url);
  t.teardown(() => orm.close());
  t.same(
    await pendingMigrations(orm),
    migrationsList.map((m) => m.name),
    'every migration is pending at first',
  );

  const applied = await migrate(url, silent);
  t.same(
    applied,
    migrationsList.map((m) => m.name),
  );
  t.same(await pendingMigrations(orm), [], 'nothing pending afterwards');

  const tables = (
    await sql<{ table_name: string }>(
      url,
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'",
    )
  ).map((row) => row.table_name);
  for (const entity of entities) {
    t.ok(tables.includes(entity.meta.tableName), `table ${entity.meta.tableName} exists`);
  }
  const [jobs] = await sql<{ exists: boolean }>(
    url,
    "SELECT to_regclass('graphile_worker._private_jobs') IS NOT NULL AS exists",
  );
  t.ok(jobs?.exists, 'graphile-worker has its schema');
  t.same(await sql(url, 'SELECT 1 FROM organisation'), [], 'and no data is made up');
});

t.test('running migrate again, or twice at once, changes nothing', async (t) => {
  const url = await createEmptyDatabase(t);
  const [first, second] = await Promise.all([migrate(url, silent), migrate(url, silent)]);
  t.equal(
    (first?.length ?? 0) + (second?.length ?? 0),
    migrationsList.length,
    'each migration applied once in all',
  );
  t.same(await migrate(url, silent), [], 'a later run finds nothing to do');
});

t.test('the app is not ready on a database that was never migrated', async (t) => {
  const url = await createEmptyDatabase(t);
  const app = await buildTestApp(t, { databaseUrl: url });
  const before = await app.inject('/health/ready');
  t.equal(before.statusCode, 503);
  t.match(before.json(), {
    status: 'not-ready',
    checks: {
      database: { ok: true },
      migrations: { ok: false, reason: /pending migrations: Migration/ },
    },
  });

  await migrate(url, silent);
  const after = await app.inject('/health/ready');
  t.equal(after.statusCode, 200);
  t.equal(after.json().status, 'ready');
});
