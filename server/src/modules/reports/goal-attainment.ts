import type { Query } from './report-figures.js';
import type { RawDataset, RawRow } from './suppress-small-groups.js';

/** A pair goal's levels, 0 to 4, as row keys. */
export const GOAL_LEVELS = ['not-started', 'started', 'halfway', 'nearly', 'reached'] as const;

/**
 * The goals of the programme's pairs (those ever published, removed goals left out) by their
 * current level: the latest mark, none meaning not started. A pair usually has several goals,
 * so the threshold applies to the distinct pairs behind each row, and withheld rows must
 * stand for that many distinct pairs together.
 */
export async function goalAttainment(query: Query): Promise<RawDataset> {
  const levels = await query<{ level: number; goals: string; pairs: string[] }>(
    `WITH goals AS (
       SELECT g.match_id,
              coalesce((SELECT p.level FROM pair_goal_progress p WHERE p.goal_id = g.id
                         ORDER BY p.created_at DESC, p.id DESC LIMIT 1), 0) AS level
         FROM pair_goal g JOIN match m ON m.id = g.match_id
        WHERE m.programme_id = :programme AND g.removed_at IS NULL
          AND m.state IN ('published', 'ended', 'dissolved'))
     SELECT level, count(*) AS goals, array_agg(DISTINCT CAST(match_id AS text)) AS pairs
       FROM goals GROUP BY level`,
  );
  const rows = GOAL_LEVELS.map((key, level): RawRow => {
    const found = levels.find((row) => Number(row.level) === level);
    const members = found?.pairs ?? [];
    return { key, label: key, size: members.length, values: [Number(found?.goals ?? 0)], members };
  });
  const pairs = new Set(rows.flatMap((row) => row.members ?? []));
  const goals = rows.reduce((sum, row) => sum + (row.values[0] ?? 0), 0);
  return {
    id: 'goal-attainment',
    dimension: 'level',
    measures: ['goals'],
    kind: 'partition',
    rows: goals ? rows : [],
    total: goals ? { key: 'total', label: 'total', size: pairs.size, values: [goals] } : null,
  };
}
