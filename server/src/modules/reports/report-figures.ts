import type { EntityManager } from '@mikro-orm/postgresql';
import { goalAttainment } from './goal-attainment.js';
import type { RawDataset, RawRow } from './suppress-small-groups.js';
import { competence, programmeGoals, recommendation, satisfaction } from './survey-figures.js';

/**
 * The programme's active enrolments, each with the groups it falls into. Nothing of it leaves
 * the database: every query below groups it and returns counts.
 */
const PEOPLE = `
  WITH latest_run AS (
    SELECT unmatched FROM matching_run
     WHERE programme_id = :programme AND state = 'succeeded'
     ORDER BY created_at DESC LIMIT 1),
  left_out AS (
    SELECT DISTINCT ON (item->>'enrolmentId') item->>'enrolmentId' AS enrolment_id,
           item->>'reason' AS reason, item->>'code' AS code
      FROM latest_run, jsonb_array_elements(latest_run.unmatched) AS item),
  people AS (
    SELECT e.role, e.experience_years, u.department,
           EXISTS (SELECT 1 FROM match_member mm JOIN match m ON m.id = mm.match_id
                    WHERE mm.enrolment_id = e.id AND m.state IN ('published', 'ended')) AS matched,
           EXISTS (SELECT 1 FROM match_member mm JOIN match m ON m.id = mm.match_id
                    WHERE mm.enrolment_id = e.id AND m.state = 'dissolved') AS was_dissolved,
           left_out.reason, left_out.code
      FROM enrolment e
      JOIN app_user u ON u.id = e.user_id
      LEFT JOIN left_out ON left_out.enrolment_id = CAST(e.id AS text)
     WHERE e.programme_id = :programme AND e.state = 'active')`;

/** Pairs that were ever published, with how many of their meetings were held. */
const PAIRS = `
  WITH pairs AS (
    SELECT m.state,
           (SELECT count(*) FROM meeting mt WHERE mt.match_id = m.id AND mt.state = 'held') AS held
      FROM match m
     WHERE m.programme_id = :programme AND m.state IN ('published', 'ended', 'dissolved'))`;

const EXPERIENCE_BANDS = ['0-5', '6-10', '11-20', '21-30', '31+', 'unknown'];
const EXPERIENCE_BAND = `CASE WHEN experience_years IS NULL THEN 'unknown'
  WHEN experience_years <= 5 THEN '0-5' WHEN experience_years <= 10 THEN '6-10'
  WHEN experience_years <= 20 THEN '11-20' WHEN experience_years <= 30 THEN '21-30'
  ELSE '31+' END`;

interface Counted {
  key: string | null;
  size: string | number;
}

/**
 * Every dataset of a programme's report, aggregated by SQL and not yet checked for small
 * groups: the caller passes them through suppressSmallGroups before anyone sees them.
 *
 * @param timeZone the organisation's, in which months begin.
 * @param goals the programme's goals, which the surveys ask about as `goal.<index>`.
 */
export async function reportFigures(
  em: EntityManager,
  programmeId: string,
  timeZone: string,
  goals: readonly string[],
): Promise<RawDataset[]> {
  const params = { programme: programmeId, timeZone };
  const query = async <T extends object>(sql: string): Promise<T[]> =>
    em.execute<T[]>(em.getKnex().raw(sql, params));
  const counted = async (sql: string, order?: readonly string[] | 'numeric') =>
    sortRows(
      (await query<Counted>(sql)).map((row) => countRow(row.key ?? 'unknown', row.size)),
      order,
    );
  const people = (key: string, where = 'true') =>
    `${PEOPLE} SELECT ${key} AS key, count(*) AS size FROM people WHERE ${where} GROUP BY 1`;
  const [enrolled] = await query<Counted>(
    `${PEOPLE} SELECT 'all' AS key, count(*) AS size FROM people`,
  );
  const [pairs] = await query<Counted>(`${PAIRS} SELECT 'all' AS key, count(*) AS size FROM pairs`);
  const everyone = countRow('total', enrolled?.size ?? 0);
  const allPairs = countRow('total', pairs?.size ?? 0);
  const participation = await counted(
    people(`CASE WHEN matched THEN 'matched' ELSE 'unmatched' END`),
    ['matched', 'unmatched'],
  );
  const partition = (
    id: RawDataset['id'],
    dimension: string,
    unit: 'people' | 'pairs',
    rows: RawRow[],
  ): RawDataset => ({
    id,
    dimension,
    measures: [unit],
    kind: 'partition',
    rows,
    total: unit === 'people' ? everyone : allPairs,
  });
  const unmatched = participation.find((row) => row.key === 'unmatched');
  return [
    partition('participation', 'status', 'people', participation),
    {
      ...partition(
        'unmatched-reasons',
        'reason',
        'people',
        await counted(
          people(
            // The strategy's code, worded by the reader's app; the sentence of a strategy without codes.
            `coalesce(code, reason, CASE WHEN was_dissolved THEN 'after-dissolving' ELSE 'not-yet-matched' END)`,
            'NOT matched',
          ),
        ),
      ),
      total: countRow('total', unmatched?.size ?? 0),
      within: { dataset: 'participation', row: 'unmatched' },
    },
    await sessions(query),
    await feedback(query),
    partition(
      'rematches',
      'outcome',
      'pairs',
      await counted(
        `${PAIRS} SELECT CASE WHEN state = 'dissolved' THEN 'dissolved' ELSE 'continued' END AS key,
                count(*) AS size FROM pairs GROUP BY 1`,
        ['continued', 'dissolved'],
      ),
    ),
    partition(
      'retention',
      'sessions-held',
      'pairs',
      await counted(
        `${PAIRS} SELECT CAST(held AS text) AS key, count(*) AS size FROM pairs GROUP BY held`,
        'numeric',
      ),
    ),
    partition('departments', 'department', 'people', await counted(people('department'))),
    partition(
      'generations',
      'experience',
      'people',
      await counted(people(EXPERIENCE_BAND), EXPERIENCE_BANDS),
    ),
    partition(
      'roles',
      'role',
      'people',
      await counted(people('role'), ['mentor', 'mentee', 'either']),
    ),
    await competence(query),
    await programmeGoals(query, goals),
    await satisfaction(query),
    await recommendation(query),
    await goalAttainment(query),
  ];
}

/** Runs one aggregate query with the programme and time zone bound. */
export type Query = <T extends object>(sql: string) => Promise<T[]>;

/**
 * Meetings per month and over all: planned (all not cancelled) and held. The threshold applies
 * to the pairs behind each figure, and to those behind the planned-but-not-held difference.
 */
async function sessions(query: Query): Promise<RawDataset> {
  const select = (month: string) =>
    `SELECT ${month} AS key,
            count(*) AS planned,
            count(*) FILTER (WHERE mt.state = 'held') AS held,
            count(DISTINCT mt.match_id) AS pairs,
            count(DISTINCT mt.match_id) FILTER (WHERE mt.state = 'held') AS held_pairs,
            count(DISTINCT mt.match_id) FILTER (WHERE mt.state <> 'held') AS other_pairs
       FROM meeting mt JOIN match m ON m.id = mt.match_id
      WHERE m.programme_id = :programme AND mt.state <> 'cancelled'`;
  const months = await query<Planned>(
    `${select(`to_char(mt.starts_at AT TIME ZONE :timeZone, 'YYYY-MM')`)} GROUP BY 1 ORDER BY 1`,
  );
  const [all] = await query<Planned>(select(`'total'`));
  const row = (r: Planned): RawRow => ({
    key: r.key,
    label: r.key,
    size: Number(r.pairs),
    values: [Number(r.planned), Number(r.held)],
    part: { cell: 1, size: Number(r.held_pairs), restSize: Number(r.other_pairs) },
  });
  return {
    id: 'sessions',
    dimension: 'month',
    measures: ['planned', 'held'],
    kind: 'series',
    rows: months.map(row),
    total: all && months.length > 0 ? row(all) : null,
  };
}

interface Planned {
  key: string;
  planned: string;
  held: string;
  pairs: string;
  held_pairs: string;
  other_pairs: string;
}

/**
 * The average rating (1–5) per month the feedback was given, and over all: the threshold
 * applies to the distinct people who rated. How many ratings each average rests on is left
 * out, so that a withheld month cannot be worked out from the overall average.
 */
async function feedback(query: Query): Promise<RawDataset> {
  const select = (month: string) =>
    `SELECT ${month} AS key, round(avg(f.rating), 1) AS average,
            count(DISTINCT f.author_id) AS size
       FROM session_feedback f
       JOIN pair_session s ON s.id = f.session_id
       JOIN match m ON m.id = s.match_id
      WHERE m.programme_id = :programme`;
  const months = await query<{ key: string; average: string; size: string }>(
    `${select(`to_char(f.created_at AT TIME ZONE :timeZone, 'YYYY-MM')`)} GROUP BY 1 ORDER BY 1`,
  );
  const [all] = await query<{ key: string; average: string | null; size: string }>(
    select(`'total'`),
  );
  const row = (r: { key: string; average: string | null; size: string }): RawRow => ({
    key: r.key,
    label: r.key,
    size: Number(r.size),
    values: [Number(r.average ?? 0)],
  });
  return {
    id: 'feedback',
    dimension: 'month',
    measures: ['average'],
    kind: 'partition',
    rows: months.map(row),
    // No ratings yet: no average at all, rather than a zero.
    total: all && Number(all.size) > 0 ? row(all) : null,
  };
}

function countRow(key: string, size: string | number): RawRow {
  return { key, label: key, size: Number(size), values: [Number(size)] };
}

/**
 * Fixed categories in their natural order, counts by number, others (departments, reasons)
 * alphabetically: never by size, which would tell how withheld rows compare.
 */
function sortRows(rows: RawRow[], order?: readonly string[] | 'numeric'): RawRow[] {
  if (order === 'numeric') return rows.sort((a, b) => Number(a.key) - Number(b.key));
  if (order) return rows.sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key));
  return rows.sort((a, b) => a.key.localeCompare(b.key, 'de'));
}
