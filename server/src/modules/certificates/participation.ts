import type { EntityManager } from '@mikro-orm/postgresql';
import type { Locale } from '@tandem/plugin-sdk';

/** What a person did in a programme, as a certificate states it. */
export interface Participation {
  userId: string;
  /** First and last day with a held meeting, in the organisation's time zone (YYYY-MM-DD). */
  periodStart: string;
  periodEnd: string;
  sessionsHeld: number;
  minutes: number;
  /** Titles of the sessions held or marked done, in the order they took place. */
  topics: string[];
}

/**
 * The pairs a person was shown in a programme: published, ended, or dissolved later (what
 * they held before counts). Proposals the admins never published are no participation.
 */
const THEIR_PAIRS = `
  SELECT e.user_id, m.id AS match_id, m.state
    FROM enrolment e
    JOIN match_member mm ON mm.enrolment_id = e.id
    JOIN match m ON m.id = mm.match_id
   WHERE e.programme_id = :programme AND m.state IN ('published', 'ended', 'dissolved')
     AND (CAST(:user AS uuid) IS NULL OR e.user_id = CAST(:user AS uuid))`;

/**
 * Who may have a certificate: at least one meeting held, and done with it — the programme
 * closed, or none of their pairs still running.
 */
const FIGURES = `
  WITH theirs AS (${THEIR_PAIRS})
  SELECT theirs.user_id,
         to_char(min(mt.starts_at) AT TIME ZONE :timeZone, 'YYYY-MM-DD') AS period_start,
         to_char(max(mt.starts_at) AT TIME ZONE :timeZone, 'YYYY-MM-DD') AS period_end,
         count(mt.id) AS sessions_held,
         round(sum(extract(epoch FROM mt.ends_at - mt.starts_at)) / 60) AS minutes
    FROM theirs
    JOIN meeting mt ON mt.match_id = theirs.match_id AND mt.state = 'held'
   GROUP BY theirs.user_id
  HAVING (SELECT state FROM programme WHERE id = :programme) = 'closed'
      -- Any pair still running counts, also a new one that has not met yet.
      OR NOT EXISTS (SELECT 1 FROM theirs running
                      WHERE running.user_id = theirs.user_id AND running.state = 'published')`;

/**
 * The sessions each person's pairs held (a meeting for them took place) or marked done: the
 * session's current title in every language the curriculum gave it, the meeting's title when
 * the pair removed the session from its plan.
 */
const TOPICS = `
  WITH theirs AS (${THEIR_PAIRS}),
  covered AS (
    SELECT theirs.user_id, mt.session_id, mt.title, mt.starts_at AS at
      FROM theirs JOIN meeting mt ON mt.match_id = theirs.match_id AND mt.state = 'held'
    UNION ALL
    SELECT theirs.user_id, ps.id, ps.title, ps.updated_at
      FROM theirs JOIN pair_session ps ON ps.match_id = theirs.match_id AND ps.status = 'done')
  SELECT covered.user_id, coalesce(ps.title, covered.title) AS title,
         ps.translations -> 'title' AS titles, min(covered.at) AS at
    FROM covered LEFT JOIN pair_session ps ON ps.id = covered.session_id
   GROUP BY covered.user_id, covered.session_id, coalesce(ps.title, covered.title),
            ps.translations -> 'title'
   ORDER BY at, title`;

interface FigureRow {
  user_id: string;
  period_start: string;
  period_end: string;
  sessions_held: string | number;
  minutes: string | number;
}

interface TopicRow {
  user_id: string;
  title: string;
  titles: Partial<Record<Locale, string>> | null;
}

/**
 * Everyone in the programme (or just `userId`) who may have a certificate, with what it would
 * state; topics in each person's language (`localeOf`), else as the pair's plan has them.
 *
 * @param timeZone the organisation's, in which the period's days are counted.
 */
export async function participations(
  em: EntityManager,
  programmeId: string,
  options: { userId?: string; timeZone: string; localeOf?: (userId: string) => Locale },
): Promise<Participation[]> {
  const params = {
    programme: programmeId,
    user: options.userId ?? null,
    timeZone: options.timeZone,
  };
  const query = async <T extends object>(sql: string) =>
    em.execute<T[]>(em.getKnex().raw(sql, params));
  const figures = await query<FigureRow>(FIGURES);
  if (figures.length === 0) return [];
  const topics = await query<TopicRow>(TOPICS);
  return figures.map((row) => ({
    userId: row.user_id,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    sessionsHeld: Number(row.sessions_held),
    minutes: Number(row.minutes),
    topics: topicsOf(
      topics.filter((topic) => topic.user_id === row.user_id),
      options.localeOf?.(row.user_id),
    ),
  }));
}

/** Each title once (two pairs of one person may have held the same session), in their language. */
function topicsOf(rows: readonly TopicRow[], locale: Locale | undefined): string[] {
  return [...new Set(rows.map((row) => (locale && row.titles?.[locale]) || row.title))];
}
