import type { EntityManager } from '@mikro-orm/postgresql';
import { ServiceError } from '../../service-error.js';
import { Programme } from '../programmes/programme.js';
import type { ReviewMatchesQuery, ReviewMatchList } from './match-review-schemas.js';
import { countMatches, matchPage } from './review-lists.js';
import { membersOf, openSearchesOf, reviewedView } from './reviewed-match.js';

/**
 * One page of one list of a programme's matches, without the rest of the review: the review
 * page pages its published and dissolved pairs with it, and the swap dialog finds any proposed
 * pair of the programme by a member's name, not only those on the page shown.
 *
 * @throws ServiceError not-found.
 */
export async function listReviewMatches(
  em: EntityManager,
  programmeId: string,
  query: ReviewMatchesQuery,
): Promise<ReviewMatchList> {
  const fork = em.fork();
  const programme = await fork.findOne(Programme, programmeId);
  if (!programme) throw new ServiceError('not-found', 'No such programme.');
  const matches = await matchPage(fork, programmeId, query);
  const ids = matches.map((match) => match.id);
  const view = reviewedView(programme, await membersOf(fork, ids), await openSearchesOf(fork, ids));
  return {
    matches: matches.map(view),
    page: {
      offset: query.offset,
      limit: query.limit,
      total: await countMatches(fork, programmeId, query),
    },
  };
}
