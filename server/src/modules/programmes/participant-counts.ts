import { type EntityManager, raw } from '@mikro-orm/postgresql';
import { Enrolment } from '../enrolment/enrolment.js';

/** Active enrolments per programme id, for the given programmes or all. */
export async function participantCounts(
  em: EntityManager,
  programmeIds?: string[],
): Promise<Map<string, number>> {
  const counts = await em
    .createQueryBuilder(Enrolment, 'e')
    .select(['e.programme', raw('count(*) as participants')])
    .where({ state: 'active', ...(programmeIds ? { programme: { $in: programmeIds } } : {}) })
    .groupBy('e.programme')
    .execute<{ programme: string; participants: string }[]>();
  return new Map(counts.map((row) => [row.programme, Number(row.participants)]));
}
