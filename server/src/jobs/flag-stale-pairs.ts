import type { Task } from 'graphile-worker';

/** Identifier of the task; the crontab runs it every morning. */
export const FLAG_STALE_PAIRS = 'flag-stale-pairs';

/**
 * Flags published pairs of running programmes that have shown no sign of life (publishing, a
 * session marked done, "we go on") for their programme's `staleAfterWeeks` (6 unless set), so
 * that they are asked whether to go on or rematch. A flag clears with the next sign of life.
 */
export const flagStalePairs: Task = async (_payload, helpers) => {
  const { rowCount } = await helpers.query(
    `UPDATE match m SET stale_since = now()
       FROM programme p
      WHERE m.programme_id = p.id AND m.state = 'published' AND p.state = 'running'
        AND m.stale_since IS NULL
        AND COALESCE(m.active_at, m.published_at)
            < now() - make_interval(weeks => COALESCE((p.settings->>'staleAfterWeeks')::int, 6))`,
  );
  if (rowCount) helpers.logger.info(`flagged ${rowCount} pairs without a session for weeks`);
};
