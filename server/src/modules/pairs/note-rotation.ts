import type { EntityManager } from '@mikro-orm/postgresql';
import { recordAudit } from '../audit/audit-log.js';
import { type SealedNote, sealNote } from './note-cipher.js';
import type { NoteKeyring } from './note-keyring.js';
import { PairNote } from './pair-note.js';
import { readBody } from './pair-notes.js';
import { PairQuestion } from './pair-question.js';
import { readText } from './pair-questions.js';

/** Counts over notes and questions together. */
export interface RotationProgress {
  /** Notes and questions looked at so far. */
  seen: number;
  /** Of those, re-encrypted with the current key. */
  rotated: number;
  /** Of those, left as they were because no configured key opens them. */
  unreadable: number;
}

export interface RotationOptions {
  /** Only the texts still in plaintext (from before encryption), not those under an older key. */
  legacyOnly?: boolean;
  batchSize?: number;
  onProgress?: (progress: RotationProgress) => void;
}

const FIRST_ID = '00000000-0000-0000-0000-000000000000';

/**
 * Re-encrypts with the keyring's first key every pair note and question under another key or
 * still in plaintext, a batch per transaction, so that an older key can then be removed from
 * NOTES_ENCRYPTION_KEYS. Their `updatedAt` stays: nobody changed what they say.
 */
export async function rotateNotes(
  em: EntityManager,
  keyring: NoteKeyring,
  { legacyOnly = false, batchSize = 200, onProgress }: RotationOptions = {},
): Promise<RotationProgress> {
  const current = keyring.keys[0]?.id;
  const progress: RotationProgress = { seen: 0, rotated: 0, unreadable: 0 };
  const stale = [{ keyId: { $ne: current } }, { keyId: null }];
  const notesDue = legacyOnly
    ? { legacyBody: { $ne: null } }
    : { $or: [...stale, { legacyBody: { $ne: null } }] };
  const questionsDue = legacyOnly
    ? { legacyText: { $ne: null } }
    : { $or: [...stale, { legacyText: { $ne: null } }] };
  const inBatches = async <T extends { id: string }>(
    find: (fork: EntityManager, after: string) => Promise<T[]>,
    reseal: (tx: EntityManager, row: T) => Promise<void>,
  ): Promise<void> => {
    for (let after = FIRST_ID; ; ) {
      const fork = em.fork();
      const batch = await find(fork, after);
      if (batch.length === 0) return;
      await fork.transactional(async (tx) => {
        for (const row of batch) await reseal(tx, row);
      });
      after = batch[batch.length - 1]?.id ?? after;
      onProgress?.({ ...progress });
    }
  };
  const page = { orderBy: { id: 'asc' }, limit: batchSize } as const;
  await inBatches(
    (fork, after) => fork.find(PairNote, { $and: [notesDue, { id: { $gt: after } }] }, page),
    async (tx, note) => {
      const sealed = reseal(keyring, progress, 'note', note, readBody(keyring, note));
      // A native update: the ORM's update hook would move `updatedAt`.
      if (sealed) await tx.nativeUpdate(PairNote, { id: note.id }, { ...sealed, legacyBody: null });
    },
  );
  await inBatches(
    (fork, after) =>
      fork.find(PairQuestion, { $and: [questionsDue, { id: { $gt: after } }] }, page),
    async (tx, question) => {
      const sealed = reseal(keyring, progress, 'question', question, readText(keyring, question));
      if (sealed)
        await tx.nativeUpdate(PairQuestion, { id: question.id }, { ...sealed, legacyText: null });
    },
  );
  if (progress.seen > 0)
    await recordAudit(em, {
      action: legacyOnly ? 'notes.encrypted' : 'notes.rotated',
      data: { keyId: current, ...progress },
    });
  return progress;
}

/** The text sealed anew, or undefined (and counted unreadable) when no key opens it. */
function reseal(
  keyring: NoteKeyring,
  progress: RotationProgress,
  kind: 'note' | 'question',
  row: { id: string; match: { id: string } },
  text: string | undefined,
): SealedNote | undefined {
  progress.seen += 1;
  if (text === undefined) {
    progress.unreadable += 1;
    return undefined;
  }
  progress.rotated += 1;
  return sealNote(keyring, { kind, id: row.id, pairId: row.match.id }, text);
}
