/**
 * What `pnpm bench season` (./season.ts) counts: the pairs left without a next step each
 * simulated day, and at the end its sessions, meetings, searches and messages. One query each,
 * however many pairs.
 */
import type { FastifyInstance } from 'fastify';

const DAY_MS = 86_400_000;
/** A pair without a next step for longer than this is what the target counts. */
export const GAP_LIMIT_DAYS = 7;

function query<R>(app: FastifyInstance, sql: string, params: unknown[] = []): Promise<R[]> {
  return app.orm.em.fork().getConnection().execute<R[]>(sql, params);
}

/**
 * Published pairs with a session still to hold but no next step: no meeting planned, no open
 * "find a time together", and not on the admin's needs-attention list. That list (the review's
 * `attention`, match-review.ts) holds a pair while it searches for a time (the open search
 * already counts) or once flag-stale-pairs set its `stale_since`. That flag never comes up in
 * the benchmark: the task runs from the crontab, which the season does not run, and compares
 * with the database's clock, not the simulated one. It could not save a pair here anyway: it
 * flags a pair only after the programme's staleAfterWeeks (6) without a sign of life.
 */
export async function pairsWithoutNextStep(app: FastifyInstance): Promise<string[]> {
  const rows = await query<{ id: string }>(
    app,
    `SELECT m.id FROM match m
      WHERE m.state = 'published' AND m.stale_since IS NULL
        AND EXISTS (SELECT 1 FROM pair_session s WHERE s.match_id = m.id AND s.status = 'planned'
              AND NOT EXISTS (SELECT 1 FROM meeting h
                               WHERE h.session_id = s.id AND h.state = 'held'))
        AND NOT EXISTS (SELECT 1 FROM meeting x WHERE x.match_id = m.id AND x.state = 'planned')
        AND NOT EXISTS (SELECT 1 FROM scheduling_request r
                         WHERE r.match_id = m.id AND r.state = 'open')`,
  );
  return rows.map((row) => row.id);
}

export interface Gaps {
  /** Pairs that were without a next step for more than GAP_LIMIT_DAYS at some point. */
  pairs: number;
  /** The longest stretch any pair went without one, in days (still running ones included). */
  longestDays: number;
  /** Pairs without a next step at the last check, however briefly. */
  now: number;
}

/** Follows each pair's stretch without a next step from one check to the next. */
export function gapWatch(): { observe(ids: readonly string[], at: Date): void; gaps(): Gaps } {
  const since = new Map<string, number>();
  const over = new Set<string>();
  let longest = 0;
  return {
    observe(ids, at) {
      const current = new Set(ids);
      for (const id of since.keys()) if (!current.has(id)) since.delete(id);
      for (const id of ids) {
        const start = since.get(id) ?? at.getTime();
        since.set(id, start);
        const days = (at.getTime() - start) / DAY_MS;
        longest = Math.max(longest, days);
        if (days > GAP_LIMIT_DAYS) over.add(id);
      }
    },
    gaps: () => ({ pairs: over.size, longestDays: longest, now: since.size }),
  };
}

export interface SeasonFigures {
  sessions: { planned: number; held: number; skipped: number; toCome: number };
  meetings: { held: number; ahead: number; cancelled: number; moved: number };
  searches: { opened: number; settled: number; open: number };
  /** Notifications (each lands in the in-app inbox) by kind. */
  notifications: Record<string, number>;
  /** Deliveries by channel, then state. */
  deliveries: Record<string, Record<string, number>>;
}

export async function seasonFigures(app: FastifyInstance): Promise<SeasonFigures> {
  const [sessions] = await query<Record<keyof SeasonFigures['sessions'], string>>(
    app,
    `SELECT count(*) AS planned,
            count(*) FILTER (WHERE EXISTS (SELECT 1 FROM meeting h
                                            WHERE h.session_id = s.id AND h.state = 'held')) AS held,
            count(*) FILTER (WHERE s.status = 'skipped') AS skipped
       FROM pair_session s`,
  );
  const [meetings] = await query<Record<keyof SeasonFigures['meetings'], string>>(
    app,
    `SELECT count(*) FILTER (WHERE state = 'held') AS held,
            count(*) FILTER (WHERE state = 'planned') AS ahead,
            count(*) FILTER (WHERE state = 'cancelled') AS cancelled,
            count(*) FILTER (WHERE calendar_sequence > 0) AS moved
       FROM meeting`,
  );
  const [searches] = await query<Record<keyof SeasonFigures['searches'], string>>(
    app,
    `SELECT count(*) AS opened, count(*) FILTER (WHERE state = 'settled') AS settled,
            count(*) FILTER (WHERE state = 'open') AS open
       FROM scheduling_request`,
  );
  const kinds = await query<{ kind: string; count: string }>(
    app,
    'SELECT kind, count(*) FROM notification GROUP BY kind ORDER BY count(*) DESC',
  );
  const states = await query<{ channel: string; state: string; count: string }>(
    app,
    'SELECT channel, state, count(*) FROM delivery GROUP BY channel, state ORDER BY channel, state',
  );
  const deliveries: SeasonFigures['deliveries'] = {};
  for (const { channel, state, count } of states)
    deliveries[channel] = { ...deliveries[channel], [state]: Number(count) };
  const planned = Number(sessions?.planned);
  const held = Number(sessions?.held);
  const skipped = Number(sessions?.skipped);
  return {
    sessions: { planned, held, skipped, toCome: planned - held - skipped },
    meetings: numbers(meetings),
    searches: numbers(searches),
    notifications: Object.fromEntries(kinds.map(({ kind, count }) => [kind, Number(count)])),
    deliveries,
  };
}

function numbers<K extends string>(row: Record<K, string> | undefined): Record<K, number> {
  return Object.fromEntries(
    Object.entries(row ?? {}).map(([key, value]) => [key, Number(value)]),
  ) as Record<K, number>;
}
