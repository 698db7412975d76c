import type { EntityManager } from '@mikro-orm/postgresql';
import { ServiceError } from '../../service-error.js';
import { Match } from '../matching/match.js';
import type { MatchMember } from '../matching/match-member.js';

/** A published pair as one of its members sees it: the match, their place, their partners. */
export interface Membership {
  match: Match;
  me: MatchMember;
  partners: MatchMember[];
}

/**
 * The pair, if the person is one of its members and it is published. Anyone else — another
 * participant, an admin — is told there is no such pair, so a pair's existence does not leak.
 *
 * @throws ServiceError not-found.
 */
export async function membership(
  em: EntityManager,
  userId: string,
  matchId: string,
): Promise<Membership> {
  const match = await em.findOne(
    Match,
    { id: matchId, state: 'published' },
    { populate: ['programme', 'members.enrolment.user'] },
  );
  const members = match?.members.getItems() ?? [];
  const me = members.find((member) => member.enrolment.user.id === userId);
  if (!match || !me) throw new ServiceError('not-found', 'No such pair.');
  return { match, me, partners: members.filter((member) => member !== me) };
}
