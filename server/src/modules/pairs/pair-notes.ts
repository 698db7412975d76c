import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Log } from '../../logger.js';
import { ServiceError } from '../../service-error.js';
import type { NoteKeyring } from './note-keyring.js';
import { membership } from './pair-membership.js';
import { PairNote } from './pair-note.js';
import { openForView, seal } from './sealed-text.js';

/**
 * What the note and question services need: the database, the keys, and a log for texts that
 * do not open.
 */
export interface NoteDependencies {
  em: EntityManager;
  keyring: NoteKeyring;
  log: Log;
}

export interface NoteView {
  id: string;
  /** Empty when the note cannot be decrypted. */
  body: string;
  /** False when its key is gone or its ciphertext was tampered with or moved. */
  readable: boolean;
  mine: boolean;
  createdAt: string;
  updatedAt: string;
}

/** The pair's private notes, oldest first; only its members get here. */
export async function listNotes(
  deps: NoteDependencies,
  userId: string,
  matchId: string,
): Promise<NoteView[]> {
  const fork = deps.em.fork();
  const { match } = await membership(fork, userId, matchId);
  const notes = await fork.find(PairNote, { match }, { orderBy: { createdAt: 'asc', id: 'asc' } });
  return notes.map((note) => view(deps, note, userId));
}

export async function addNote(
  deps: NoteDependencies,
  userId: string,
  matchId: string,
  body: string,
): Promise<NoteView> {
  const fork = deps.em.fork();
  const { match } = await membership(fork, userId, matchId);
  // The id is part of the encryption's additional data, so it is needed before the flush.
  const note = fork.create(PairNote, { id: randomUUID(), match, author: userId });
  writeBody(deps.keyring, note, body);
  await fork.flush();
  return view(deps, note, userId);
}

/** Changes one's own note; `body` undefined deletes it. @throws ServiceError not-found, forbidden. */
export async function changeNote(
  deps: NoteDependencies,
  userId: string,
  matchId: string,
  noteId: string,
  body: string | undefined,
): Promise<NoteView | undefined> {
  const fork = deps.em.fork();
  const { match } = await membership(fork, userId, matchId);
  const note = await fork.findOne(PairNote, { id: noteId, match });
  if (!note) throw new ServiceError('not-found', 'No such note.');
  if (note.author.id !== userId)
    throw new ServiceError(
      'forbidden',
      'Only its author can change or delete a note.',
      'note.not-author',
    );
  if (body === undefined) fork.remove(note);
  else writeBody(deps.keyring, note, body);
  await fork.flush();
  return body === undefined ? undefined : view(deps, note, userId);
}

/** Encrypts `body` into the note with the current key; the note needs its id already. */
function writeBody(keyring: NoteKeyring, note: PairNote, body: string): void {
  Object.assign(note, seal(keyring, 'note', note, body), { legacyBody: null });
}

function view(deps: NoteDependencies, note: PairNote, userId: string): NoteView {
  const body = openForView(deps, 'note', note, note.legacyBody);
  return {
    id: note.id,
    body: body ?? '',
    readable: body !== undefined,
    mine: note.author.id === userId,
    createdAt: note.createdAt.toISOString(),
    updatedAt: note.updatedAt.toISOString(),
  };
}
