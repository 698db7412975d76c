import type { Task } from 'graphile-worker';

/** Identifier of the task; the crontab runs it every hour. */
export const PURGE_EXPIRED_AUTH = 'purge-expired-auth';

/**
 * Deletes sessions past their idle or absolute lifetime, sign-ins never finished and passed
 * rate-limit windows, so that no table grows with abandoned browsers. Sessions that are used
 * again are ended at that moment anyway (session-service.ts); this catches the ones nobody
 * comes back to.
 */
export function purgeExpiredAuth(idleTimeoutMs: number): Task {
  return async (_payload, helpers) => {
    const sessions = await helpers.query(
      `DELETE FROM session
        WHERE expires_at <= now() OR last_seen_at <= now() - make_interval(secs => $1)`,
      [idleTimeoutMs / 1000],
    );
    const attempts = await helpers.query('DELETE FROM login_attempt WHERE expires_at <= now()');
    // Rate-limit windows of clients that did not come back (a returning one resets its row).
    await helpers.query('DELETE FROM rate_limit_counter WHERE expires_at <= now()');
    if (!sessions.rowCount) return;
    await helpers.query(
      `INSERT INTO audit_event (at, action, data) VALUES (now(), 'session.purged', json_build_object('sessions', $1::int))`,
      [sessions.rowCount],
    );
    helpers.logger.info(
      `purged ${sessions.rowCount} expired sessions and ${attempts.rowCount ?? 0} stale sign-ins`,
    );
  };
}
