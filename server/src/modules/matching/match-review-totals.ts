import type { EntityManager } from '@mikro-orm/postgresql';
import type { MatchReview } from './match-review-schemas.js';
import { countUnmatched } from './unmatched-page.js';

/** The programme's matches that are not ended, counted by state, with their scores summed. */
const BY_STATE_SQL = `SELECT state, count(*)::int AS matches, count(score)::int AS scored,
    coalesce(sum(score), 0)::float8 AS score_sum
  FROM match WHERE programme_id = ? AND state <> 'ended' GROUP BY state`;

/** The people in proposed and pinned matches, each once: a mentor of two mentees is one. */
const PEOPLE_SQL = `SELECT count(DISTINCT mm.enrolment_id)::int AS people
  FROM match_member mm JOIN match m ON m.id = mm.match_id
  WHERE m.programme_id = ? AND m.state IN ('proposed', 'pinned')`;

type ByState = MatchReview['page']['matches']['byState'];

export interface ReviewTotals {
  /** The matches that are not ended, by state. */
  byState: ByState;
  summary: MatchReview['summary'];
  /** How many people publishing tells. */
  people: number;
}

/**
 * The review's figures over the whole programme, whatever page is shown: counted by the
 * database rather than from loaded matches, which a round of 3,000 groups makes slow.
 */
export async function reviewTotals(em: EntityManager, programmeId: string): Promise<ReviewTotals> {
  const rows = await em.execute<
    { state: keyof ByState; matches: number; scored: number; score_sum: number }[]
  >(BY_STATE_SQL, [programmeId]);
  const byState: ByState = { proposed: 0, pinned: 0, published: 0, dissolved: 0 };
  for (const row of rows) byState[row.state] = row.matches;
  const open = rows.filter((row) => row.state === 'proposed' || row.state === 'pinned');
  const pairs = byState.proposed + byState.pinned;
  const scored = open.reduce((sum, row) => sum + row.scored, 0);
  const scoreSum = open.reduce((sum, row) => sum + row.score_sum, 0);
  const [people] = await em.execute<{ people: number }[]>(PEOPLE_SQL, [programmeId]);
  return {
    byState,
    summary: {
      pairs,
      averageScore: scored ? scoreSum / scored : null,
      unscored: pairs - scored,
      unmatched: await countUnmatched(em, programmeId),
    },
    people: people?.people ?? 0,
  };
}
