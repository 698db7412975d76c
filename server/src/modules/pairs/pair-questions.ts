import type { EntityManager } from '@mikro-orm/postgresql';
import { ServiceError } from '../../service-error.js';
import { membership } from './pair-membership.js';
import { PairQuestion } from './pair-question.js';

export interface QuestionView {
  id: string;
  text: string;
  answered: boolean;
  mine: boolean;
  createdAt: string;
}

/** The pair's question list, open questions first. */
export async function listQuestions(
  em: EntityManager,
  userId: string,
  matchId: string,
): Promise<QuestionView[]> {
  const fork = em.fork();
  const { match } = await membership(fork, userId, matchId);
  const questions = await fork.find(
    PairQuestion,
    { match },
    { orderBy: { answered: 'asc', createdAt: 'asc', id: 'asc' } },
  );
  return questions.map((question) => view(question, userId));
}

export async function addQuestion(
  em: EntityManager,
  userId: string,
  matchId: string,
  text: string,
): Promise<QuestionView> {
  const fork = em.fork();
  const { match } = await membership(fork, userId, matchId);
  const question = fork.create(PairQuestion, { match, author: userId, text });
  await fork.flush();
  return view(question, userId);
}

/**
 * Either partner marks a question answered (or open again); only its author rewrites it.
 *
 * @throws ServiceError not-found, forbidden.
 */
export async function changeQuestion(
  em: EntityManager,
  userId: string,
  matchId: string,
  questionId: string,
  change: { text?: string; answered?: boolean },
): Promise<QuestionView> {
  const fork = em.fork();
  const { match } = await membership(fork, userId, matchId);
  const question = await fork.findOne(PairQuestion, { id: questionId, match });
  if (!question) throw new ServiceError('not-found', 'No such question.');
  if (change.text !== undefined && question.author.id !== userId)
    throw new ServiceError('forbidden', 'Only who asked a question can reword it.');
  fork.assign(question, change);
  await fork.flush();
  return view(question, userId);
}

function view(question: PairQuestion, userId: string): QuestionView {
  return {
    id: question.id,
    text: question.text,
    answered: question.answered,
    mine: question.author.id === userId,
    createdAt: question.createdAt.toISOString(),
  };
}
