import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Test } from 'tap';

/**
 * A fresh database for one test, copied from the run's migrated template (see test/run.ts),
 * dropped again when the test ends. Returns its connection URL.
 */
export function createTestDatabase(t: Test): Promise<string> {
  return createDatabase(t, runSetting('TANDEM_TEST_TEMPLATE'));
}

/** A database with no tables at all, for watching migrations run from nothing. */
export function createEmptyDatabase(t: Test): Promise<string> {
  return createDatabase(t, 'template0');
}

/**
 * A login role of its own on the test server, owning nothing, dropped when the test ends; the
 * two-role install of docs/operators/security.md grants it its privileges (`tandem migrate`
 * with MIGRATION_DATABASE_URL). Returns `url` signed in as that role.
 */
export async function createAppRole(t: Test, url: string): Promise<string> {
  const adminUrl = runSetting('TANDEM_TEST_DATABASE_URL');
  const role = `${runSetting('TANDEM_TEST_PREFIX')}app_${randomBytes(6).toString('hex')}`;
  await sql(adminUrl, `CREATE ROLE ${role} LOGIN`);
  t.teardown(async () => {
    // Its privileges go with the test's database, unless that is still there.
    await sql(url, `DROP OWNED BY ${role}`).catch(() => undefined);
    await sql(adminUrl, `DROP ROLE ${role}`);
  });
  const app = new URL(url);
  app.username = role;
  app.password = '';
  return app.toString();
}

/** Runs one statement against the database at `url` on a connection of its own. */
export async function sql<Row extends pg.QueryResultRow = pg.QueryResultRow>(
  url: string,
  text: string,
  values: unknown[] = [],
): Promise<Row[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<Row>(text, values)).rows;
  } finally {
    await client.end();
  }
}

async function createDatabase(t: Test, template: string): Promise<string> {
  const adminUrl = runSetting('TANDEM_TEST_DATABASE_URL');
  const name = `${runSetting('TANDEM_TEST_PREFIX')}${randomBytes(6).toString('hex')}`;
  await sql(adminUrl, `CREATE DATABASE ${name} TEMPLATE ${template}`);
  t.teardown(() => sql(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

function runSetting(name: string): string {
  const value = process.env[name];
  if (!value)
    throw new Error(
      `${name} is not set: run the tests with \`pnpm test\` (test/run.ts prepares the database).`,
    );
  return value;
}
