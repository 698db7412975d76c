import type { Query } from './report-figures.js';
import type { RawDataset, RawRow } from './suppress-small-groups.js';

/** The DigComp competence areas the baseline and end surveys ask about, scale 1–5. */
export const COMPETENCE_AREAS = [
  'digcomp.information',
  'digcomp.communication',
  'digcomp.content',
  'digcomp.safety',
  'digcomp.problem-solving',
] as const;

/**
 * Every scale answer (1–5) of the baseline and end surveys, as a number, one row per response
 * and question. A value of another type (a changed question) is left out rather than cast.
 */
const SCALE_ANSWERS = `
  WITH answers AS (
    SELECT r.survey, a.key,
           CASE WHEN jsonb_typeof(a.value) = 'number' THEN CAST(a.value AS numeric) END AS value
      FROM survey_response r, jsonb_each(r.answers) AS a
     WHERE r.programme_id = :programme AND r.survey IN ('baseline', 'end'))`;

interface Averaged {
  key: string;
  before: string | null;
  before_size: string;
  after: string | null;
  after_size: string;
}

/**
 * Average self-ratings before (baseline survey) and after (end survey) per question, and
 * the change: one row per key, each value resting on the responses that answered it.
 */
async function beforeAfter(
  query: Query,
  id: 'competence' | 'programme-goals',
  dimension: string,
  questions: readonly { key: string; label: string }[],
): Promise<RawDataset> {
  const averaged = await query<Averaged>(
    `${SCALE_ANSWERS}
     SELECT key,
            round(avg(value) FILTER (WHERE survey = 'baseline'), 1) AS before,
            count(*) FILTER (WHERE survey = 'baseline') AS before_size,
            round(avg(value) FILTER (WHERE survey = 'end'), 1) AS after,
            count(*) FILTER (WHERE survey = 'end') AS after_size
       FROM answers WHERE value BETWEEN 1 AND 5 GROUP BY key`,
  );
  const byKey = new Map(averaged.map((row) => [row.key, row]));
  const rows = questions.map(({ key, label }): RawRow => {
    const row = byKey.get(key);
    const before = Number(row?.before ?? 0);
    const after = Number(row?.after ?? 0);
    const sizes = [Number(row?.before_size ?? 0), Number(row?.after_size ?? 0)];
    // The change of the averages shown, so that the table adds up as the reader checks it.
    const change = Math.round((after - before) * 10) / 10;
    return {
      key,
      label,
      size: Math.min(...sizes),
      values: [before, after, change],
      sizes: [...sizes, Math.min(...sizes)],
    };
  });
  return {
    id,
    dimension,
    measures: ['before', 'after', 'change'],
    kind: 'averages',
    // No answers at all yet: no figures, rather than a row of withheld ones.
    rows: questions.some(({ key }) => byKey.has(key)) ? rows : [],
    total: null,
  };
}

/** Self-rated DigComp competence before and after, per area. */
export const competence = (query: Query) =>
  beforeAfter(
    query,
    'competence',
    'competence',
    COMPETENCE_AREAS.map((key) => ({ key, label: key })),
  );

/** Self-rated progress on each of the programme's goals (`goal.<index>`), before and after. */
export const programmeGoals = (query: Query, goals: readonly string[]) =>
  beforeAfter(
    query,
    'programme-goals',
    'goal',
    goals.map((label, index) => ({ key: `goal.${index}`, label })),
  );

/**
 * End-survey responses by satisfaction (1–5), every rating a row (zero included), with the
 * average: the threshold applies to the responses behind each.
 */
export async function satisfaction(query: Query): Promise<RawDataset> {
  const ratings = await query<{ key: string; size: string }>(
    `SELECT CAST(CAST(answers->'satisfaction' AS numeric) AS int) AS key, count(*) AS size
       FROM survey_response
      WHERE programme_id = :programme AND survey = 'end'
        AND answers->'satisfaction' IN ('1', '2', '3', '4', '5')
      GROUP BY 1`,
  );
  const rows = ['1', '2', '3', '4', '5'].map((key) =>
    responses(key, ratings.find((row) => String(row.key) === key)?.size),
  );
  const total = rows.reduce((sum, row) => sum + row.size, 0);
  const sum = rows.reduce((all, row) => all + Number(row.key) * row.size, 0);
  return {
    id: 'satisfaction',
    dimension: 'rating',
    measures: ['responses'],
    kind: 'partition',
    rows: total ? rows : [],
    total: total ? responses('total', total) : null,
    ...(total ? { average: Math.round((sum / total) * 10) / 10 } : {}),
  };
}

/** End-survey responses by whether they would recommend the programme: yes, maybe, no. */
export async function recommendation(query: Query): Promise<RawDataset> {
  const answers = await query<{ key: string; size: string }>(
    `SELECT answers->>'recommend' AS key, count(*) AS size
       FROM survey_response
      WHERE programme_id = :programme AND survey = 'end'
        AND answers->'recommend' IN ('"yes"', '"maybe"', '"no"')
      GROUP BY 1`,
  );
  const rows = ['yes', 'maybe', 'no'].map((key) =>
    responses(key, answers.find((row) => row.key === key)?.size),
  );
  const total = rows.reduce((sum, row) => sum + row.size, 0);
  return {
    id: 'recommendation',
    dimension: 'answer',
    measures: ['responses'],
    kind: 'partition',
    rows: total ? rows : [],
    total: total ? responses('total', total) : null,
  };
}

function responses(key: string, size: string | number | undefined): RawRow {
  return { key, label: key, size: Number(size ?? 0), values: [Number(size ?? 0)] };
}
