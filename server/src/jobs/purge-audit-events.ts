import type { Task } from 'graphile-worker';

/** Identifier of the task; the crontab runs it every night. */
export const PURGE_AUDIT_EVENTS = 'purge-audit-events';

/**
 * Deletes audit events older than AUDIT_RETENTION_DAYS through `audit_purge_before`, the one
 * way past the table's append-only trigger (migration audit_append_only), and records that it
 * did, so the log itself shows where it begins.
 */
export function purgeAuditEvents(retentionDays: number): Task {
  return async (_payload, helpers) => {
    const { rows } = await helpers.query<{ purged: string; cutoff: Date }>(
      `SELECT audit_purge_before(cutoff) AS purged, cutoff
         FROM (SELECT now() - make_interval(days => $1::int) AS cutoff) AS retention`,
      [retentionDays],
    );
    const purged = Number(rows[0]?.purged ?? 0);
    if (purged === 0) return;
    await helpers.query(
      `INSERT INTO audit_event (at, action, data)
       VALUES (now(), 'audit.purged', json_build_object('events', $1::int, 'before', $2::timestamptz, 'retentionDays', $3::int))`,
      [purged, rows[0]?.cutoff, retentionDays],
    );
    helpers.logger.info(`purged ${purged} audit events older than ${retentionDays} days`);
  };
}
