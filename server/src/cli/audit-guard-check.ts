import pg from 'pg';
import type { Config } from '../config.js';
import { type DoctorCheck, failed, NETWORK_TIMEOUT_MS } from './doctor-checks.js';

const name = 'audit log';

const TWO_ROLES =
  'Connect the app as a role that owns nothing (CREATE ROLE tandem_app LOGIN PASSWORD …), set DATABASE_URL to it and MIGRATION_DATABASE_URL to the owner, and run `tandem migrate` (docs/operators/security.md, "Two database roles").';

/** What the app's own connection could do to the audit log's append-only guard. */
interface Guard {
  role: string;
  superuser: boolean;
  owner: string | null;
  /** Owns the table, its schema or the trigger function, or may become a role that does. */
  owns: boolean | null;
  /** The append-only triggers present and enabled: 2 of 2. */
  triggers: number;
}

/**
 * The audit log is append-only by a trigger, which the role owning the table (or a superuser)
 * can drop or disable. The app's role must be neither: a warning outside production, a failure
 * in it. The embedded PostgreSQL has one role only, which doctor does not start.
 */
export async function auditGuardCheck(config: Config): Promise<DoctorCheck> {
  if (!config.databaseUrl)
    return {
      name,
      status: 'warning',
      detail:
        'the embedded PostgreSQL has one role, which owns the audit table and so could drop its append-only trigger',
      fix: `For production, run PostgreSQL as a server of its own with two roles. ${TWO_ROLES}`,
    };
  const guard = await readGuard(config.databaseUrl).catch(() => undefined);
  if (!guard || guard.owner === null)
    return { name, status: 'skipped', detail: 'no audit table to check (see database)' };
  if (guard.triggers < 2)
    return failed(
      name,
      'the append-only triggers on audit_event are missing or disabled',
      'Someone with the owner role removed them: restore them as that role (migration audit_append_only), and find out who.',
    );
  if (!guard.superuser && !guard.owns)
    return {
      name,
      status: 'ok',
      detail: `${guard.role} adds and reads events, and cannot drop or disable the append-only trigger`,
    };
  const why = guard.superuser
    ? `${guard.role} is a superuser`
    : `${guard.role} owns the audit table, its schema or its trigger function, or is a member of a role that does (the table's owner is ${guard.owner})`;
  return {
    name,
    status: config.env === 'production' ? 'failed' : 'warning',
    detail: `${why}: the app's own connection could drop or disable the append-only trigger`,
    fix: TWO_ROLES,
  };
}

async function readGuard(url: string): Promise<Guard | undefined> {
  const client = new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: NETWORK_TIMEOUT_MS,
  });
  await client.connect();
  try {
    const { rows } = await client.query<Guard>(
      `SELECT current_user AS role, r.rolsuper AS superuser, pg_get_userbyid(c.relowner) AS owner,
              pg_has_role(current_user, c.relowner, 'MEMBER')
                OR pg_has_role(current_user, n.nspowner, 'MEMBER')
                OR coalesce(pg_has_role(current_user, f.proowner, 'MEMBER'), false) AS owns,
              (SELECT count(*) FROM pg_trigger g
                WHERE g.tgrelid = c.oid AND g.tgenabled <> 'D'
                  AND g.tgname IN ('audit_event_no_change', 'audit_event_no_truncate'))::int AS triggers
         FROM pg_roles r
         LEFT JOIN pg_class c ON c.oid = to_regclass('public.audit_event')
         LEFT JOIN pg_namespace n ON n.oid = c.relnamespace
         LEFT JOIN pg_proc f ON f.oid = to_regproc('public.audit_event_append_only')
        WHERE r.rolname = current_user`,
    );
    return rows[0];
  } finally {
    await client.end();
  }
}
