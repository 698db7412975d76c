import type { EntityManager } from '@mikro-orm/postgresql';
import { ServiceError } from '../../service-error.js';
import { membership } from './pair-membership.js';
import { PairSession } from './pair-session.js';
import { SessionFeedback } from './session-feedback.js';

/**
 * Records how a session went for one partner (1–5, an optional comment), once per session,
 * changeable. The partner never sees it; HR sees it only in aggregate.
 *
 * @throws ServiceError not-found, or conflict for a session that has not taken place.
 */
export async function giveFeedback(
  em: EntityManager,
  userId: string,
  matchId: string,
  sessionId: string,
  input: { rating: number; comment?: string },
): Promise<{ rating: number; comment: string | null }> {
  const fork = em.fork();
  const { match } = await membership(fork, userId, matchId);
  const session = await fork.findOne(PairSession, { id: sessionId, match });
  if (!session)
    throw new ServiceError('not-found', 'No such session in this pair.', 'session.not-found');
  if (session.status !== 'done')
    throw new ServiceError(
      'conflict',
      'Feedback follows a session that took place: mark it done first.',
      'feedback.not-done',
    );
  const comment = input.comment?.trim() || null;
  const earlier = await fork.findOne(SessionFeedback, { session, author: userId });
  if (earlier) fork.assign(earlier, { rating: input.rating, comment });
  else fork.create(SessionFeedback, { session, author: userId, rating: input.rating, comment });
  await fork.flush();
  return { rating: input.rating, comment };
}
