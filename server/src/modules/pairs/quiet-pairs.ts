import type { EntityManager } from '@mikro-orm/postgresql';
import { ServiceError } from '../../service-error.js';
import { Match } from '../matching/match.js';
import { Programme } from '../programmes/programme.js';
import { programmeSettings } from '../programmes/programme-service.js';
import type { QuietPair } from './quiet-pair-schemas.js';

/**
 * The programme's quiet pairs, quiet longest first.
 *
 * @throws ServiceError not-found.
 */
export async function quietPairs(em: EntityManager, programmeId: string): Promise<QuietPair[]> {
  const fork = em.fork();
  const programme = await fork.findOne(Programme, programmeId);
  if (!programme) throw new ServiceError('not-found', 'No such programme.');
  const weeks = programmeSettings(programme).staleAfterWeeks;
  const matches = await fork.find(
    Match,
    { programme, state: 'published', staleSince: { $ne: null } },
    { populate: ['members.enrolment.user'], orderBy: { staleSince: 'asc', id: 'asc' } },
  );
  return matches.map((match) => ({
    id: match.id,
    members: match.members
      .getItems()
      .map((member) => ({ name: member.enrolment.user.name }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    quietSince: (match.staleSince ?? new Date(0)).toISOString(),
    weeks,
  }));
}
