import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * When each round of a lunch programme was published, oldest first: round n is the n-th. All
 * groups of a round are published in one transaction at one time, so the distinct publication
 * times are the rounds.
 */
export async function lunchRoundDates(em: EntityManager, programmeId: string): Promise<Date[]> {
  const rows: { published_at: Date }[] = await em.execute(
    `SELECT DISTINCT published_at FROM match
      WHERE programme_id = ? AND published_at IS NOT NULL
      ORDER BY published_at`,
    [programmeId],
  );
  return rows.map((row) => new Date(row.published_at));
}

/** The number the next round of a lunch programme gets when it is drawn. */
export async function nextLunchRound(em: EntityManager, programmeId: string): Promise<number> {
  return (await lunchRoundDates(em, programmeId)).length + 1;
}
