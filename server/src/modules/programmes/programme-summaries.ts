import { type EntityManager, raw } from '@mikro-orm/postgresql';
import { Enrolment } from '../enrolment/enrolment.js';
import { type PROGRAMME_KINDS, type PROGRAMME_STATES, Programme } from './programme.js';

export interface ProgrammeSummary {
  name: string;
  kind: (typeof PROGRAMME_KINDS)[number];
  state: (typeof PROGRAMME_STATES)[number];
  participants: number;
}

/** Every programme, newest first, with how many people take part (withdrawn ones not counted). */
export async function listProgrammeSummaries(em: EntityManager): Promise<ProgrammeSummary[]> {
  const programmes = await em.find(Programme, {}, { orderBy: { createdAt: 'desc', name: 'asc' } });
  const counts = await participantCounts(em);
  return programmes.map(({ id, name, kind, state }) => ({
    name,
    kind,
    state,
    participants: counts.get(id) ?? 0,
  }));
}

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
