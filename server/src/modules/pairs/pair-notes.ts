import type { EntityManager } from '@mikro-orm/postgresql';
import { ServiceError } from '../../service-error.js';
import { membership } from './pair-membership.js';
import { PairNote } from './pair-note.js';

export interface NoteView {
  id: string;
  body: string;
  mine: boolean;
  createdAt: string;
  updatedAt: string;
}

/** The pair's private notes, oldest first; only its members get here. */
export async function listNotes(
  em: EntityManager,
  userId: string,
  matchId: string,
): Promise<NoteView[]> {
  const fork = em.fork();
  const { match } = await membership(fork, userId, matchId);
  const notes = await fork.find(PairNote, { match }, { orderBy: { createdAt: 'asc', id: 'asc' } });
  return notes.map((note) => view(note, userId));
}

export async function addNote(
  em: EntityManager,
  userId: string,
  matchId: string,
  body: string,
): Promise<NoteView> {
  const fork = em.fork();
  const { match } = await membership(fork, userId, matchId);
  const note = fork.create(PairNote, { match, author: userId, body });
  await fork.flush();
  return view(note, userId);
}

/** Changes one's own note; `body` undefined deletes it. @throws ServiceError not-found, forbidden. */
export async function changeNote(
  em: EntityManager,
  userId: string,
  matchId: string,
  noteId: string,
  body: string | undefined,
): Promise<NoteView | undefined> {
  const fork = em.fork();
  const { match } = await membership(fork, userId, matchId);
  const note = await fork.findOne(PairNote, { id: noteId, match });
  if (!note) throw new ServiceError('not-found', 'No such note.');
  if (note.author.id !== userId)
    throw new ServiceError('forbidden', 'Only its author can change or delete a note.');
  if (body === undefined) fork.remove(note);
  else note.body = body;
  await fork.flush();
  return body === undefined ? undefined : view(note, userId);
}

function view(note: PairNote, userId: string): NoteView {
  return {
    id: note.id,
    body: note.body,
    mine: note.author.id === userId,
    createdAt: note.createdAt.toISOString(),
    updatedAt: note.updatedAt.toISOString(),
  };
}
