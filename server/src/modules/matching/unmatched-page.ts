import type { EntityManager } from '@mikro-orm/postgresql';
import type { ReviewPageQuery } from './match-review-schemas.js';

/**
 * The programme's active participants in no current match: none proposed, pinned or published
 * holds them (a dissolved pair or an ended lunch round leaves its members free). An anti-join
 * in the database: nobody and no match is loaded to find them.
 */
const UNMATCHED = `e.programme_id = ? AND e.state = 'active' AND NOT EXISTS (
    SELECT 1 FROM match_member mm JOIN match m ON m.id = mm.match_id
     WHERE mm.enrolment_id = e.id AND m.programme_id = e.programme_id
       AND m.state IN ('proposed', 'pinned', 'published'))`;

export interface UnmatchedPerson {
  id: string;
  name: string;
  department: string | null;
}

/** One page of the unmatched participants, earliest enrolment first. */
export function unmatchedPage(
  em: EntityManager,
  programmeId: string,
  page: Pick<ReviewPageQuery, 'unmatchedOffset' | 'unmatchedLimit'>,
): Promise<UnmatchedPerson[]> {
  return em.execute<UnmatchedPerson[]>(
    `SELECT e.id, u.name, u.department FROM enrolment e JOIN app_user u ON u.id = e.user_id
      WHERE ${UNMATCHED} ORDER BY e.created_at, e.id LIMIT ? OFFSET ?`,
    [programmeId, page.unmatchedLimit, page.unmatchedOffset],
  );
}

/** How many participants of the programme are unmatched. */
export async function countUnmatched(em: EntityManager, programmeId: string): Promise<number> {
  const [row] = await em.execute<{ total: number }[]>(
    `SELECT count(*)::int AS total FROM enrolment e WHERE ${UNMATCHED}`,
    [programmeId],
  );
  return row?.total ?? 0;
}
