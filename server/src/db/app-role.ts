import pg from 'pg';

/**
 * What the application's role may do, granted by the role that owns the tables after each
 * migration run, so that a table a migration adds is covered at once. The app role owns
 * nothing, so it cannot drop or disable the audit log's append-only trigger nor replace its
 * function; on the audit table it may only add and read, and on the migration records only
 * read (the readiness probe compares them with the code). Retention and "delete my account"
 * change audit events only through the SECURITY DEFINER functions of the audit migrations.
 */
export async function grantAppRole(owner: pg.ClientBase, role: string): Promise<void> {
  const app = owner.escapeIdentifier(role);
  for (const schema of ['public', 'graphile_worker']) {
    await owner.query(`GRANT USAGE ON SCHEMA ${schema} TO ${app}`);
    await owner.query(
      `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${schema} TO ${app}`,
    );
    await owner.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${schema} TO ${app}`);
    await owner.query(`GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA ${schema} TO ${app}`);
  }
  await openJobTables(owner, role);
  await owner.query(`REVOKE UPDATE, DELETE, TRUNCATE ON public.audit_event FROM ${app}`);
  for (const records of ['public.mikro_orm_migrations', 'graphile_worker.migrations'])
    await owner.query(`REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON ${records} FROM ${app}`);
}

/**
 * graphile-worker turns on row-level security, without policies, on its private tables: only
 * their owner sees a row. The app role runs the jobs, so a policy lets it at every row.
 */
async function openJobTables(owner: pg.ClientBase, role: string): Promise<void> {
  const app = owner.escapeIdentifier(role);
  const { rows } = await owner.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'graphile_worker' AND c.relkind = 'r' AND c.relrowsecurity`,
  );
  for (const { name } of rows) {
    const table = `graphile_worker.${owner.escapeIdentifier(name)}`;
    await owner.query(`DROP POLICY IF EXISTS ${app} ON ${table}`);
    await owner.query(`CREATE POLICY ${app} ON ${table} TO ${app} USING (true) WITH CHECK (true)`);
  }
}

/** The role a connection URL signs in as, asked of the server (the URL may name none). */
export async function roleOf(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ role: string }>('SELECT current_user AS role');
    return rows[0]?.role ?? '';
  } finally {
    await client.end();
  }
}
