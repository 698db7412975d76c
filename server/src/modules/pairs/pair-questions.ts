import { randomUUID } from 'node:crypto';
import { ServiceError } from '../../service-error.js';
import type { NoteKeyring } from './note-keyring.js';
import { membership } from './pair-membership.js';
import type { NoteDependencies } from './pair-notes.js';
import { PairQuestion } from './pair-question.js';
import { openForView, seal } from './sealed-text.js';

export interface QuestionView {
  id: string;
  /** Empty when the question cannot be decrypted. */
  text: string;
  /** False when its key is gone or its ciphertext was tampered with or moved. */
  readable: boolean;
  answered: boolean;
  mine: boolean;
  createdAt: string;
}

/** The pair's question list, open questions first. */
export async function listQuestions(
  deps: NoteDependencies,
  userId: string,
  matchId: string,
): Promise<QuestionView[]> {
  const fork = deps.em.fork();
  const { match } = await membership(fork, userId, matchId);
  const questions = await fork.find(
    PairQuestion,
    { match },
    { orderBy: { answered: 'asc', createdAt: 'asc', id: 'asc' } },
  );
  return questions.map((question) => view(deps, question, userId));
}

export async function addQuestion(
  deps: NoteDependencies,
  userId: string,
  matchId: string,
  text: string,
): Promise<QuestionView> {
  const fork = deps.em.fork();
  const { match } = await membership(fork, userId, matchId);
  // The id is part of the encryption's additional data, so it is needed before the flush.
  const question = fork.create(PairQuestion, { id: randomUUID(), match, author: userId });
  writeText(deps.keyring, question, text);
  await fork.flush();
  return view(deps, question, userId);
}

/**
 * Either partner marks a question answered (or open again); only its author rewrites it.
 *
 * @throws ServiceError not-found, forbidden.
 */
export async function changeQuestion(
  deps: NoteDependencies,
  userId: string,
  matchId: string,
  questionId: string,
  change: { text?: string; answered?: boolean },
): Promise<QuestionView> {
  const fork = deps.em.fork();
  const { match } = await membership(fork, userId, matchId);
  const question = await fork.findOne(PairQuestion, { id: questionId, match });
  if (!question) throw new ServiceError('not-found', 'No such question.');
  if (change.text !== undefined && question.author.id !== userId)
    throw new ServiceError(
      'forbidden',
      'Only who asked a question can reword it.',
      'question.not-author',
    );
  if (change.answered !== undefined) question.answered = change.answered;
  if (change.text !== undefined) writeText(deps.keyring, question, change.text);
  await fork.flush();
  return view(deps, question, userId);
}

/**
 * Takes a question off the list; only who asked it may, as with a note.
 *
 * @throws ServiceError not-found, forbidden.
 */
export async function deleteQuestion(
  deps: NoteDependencies,
  userId: string,
  matchId: string,
  questionId: string,
): Promise<void> {
  const fork = deps.em.fork();
  const { match } = await membership(fork, userId, matchId);
  const question = await fork.findOne(PairQuestion, { id: questionId, match });
  if (!question) throw new ServiceError('not-found', 'No such question.');
  if (question.author.id !== userId)
    throw new ServiceError('forbidden', 'Only who asked a question can delete it.');
  fork.remove(question);
  await fork.flush();
}

/** Encrypts `text` into the question with the current key; the question needs its id already. */
function writeText(keyring: NoteKeyring, question: PairQuestion, text: string): void {
  Object.assign(question, seal(keyring, 'question', question, text), { legacyText: null });
}

function view(deps: NoteDependencies, question: PairQuestion, userId: string): QuestionView {
  const text = openForView(deps, 'question', question, question.legacyText);
  return {
    id: question.id,
    text: text ?? '',
    readable: text !== undefined,
    answered: question.answered,
    mine: question.author.id === userId,
    createdAt: question.createdAt.toISOString(),
  };
}
