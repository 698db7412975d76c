import type { EntityManager } from '@mikro-orm/postgresql';
import { recordAudit } from '../audit/audit-log.js';
import { sealNote } from './note-cipher.js';
import type { NoteKeyring } from './note-keyring.js';
import { PairNote } from './pair-note.js';
import { readBody } from './pair-notes.js';

export interface RotationProgress {
  /** Notes looked at so far. */
  seen: number;
  /** Of those, re-encrypted with the current key. */
  rotated: number;
  /** Of those, left as they were because no configured key opens them. */
  unreadable: number;
}

export interface RotationOptions {
  /** Only the notes still in plaintext (from before encryption), not those under an older key. */
  legacyOnly?: boolean;
  batchSize?: number;
  onProgress?: (progress: RotationProgress) => void;
}

/**
 * Re-encrypts with the keyring's first key every note under another key or still in plaintext,
 * a batch per transaction, so that an older key can then be removed from NOTES_ENCRYPTION_KEYS.
 * A note's `updatedAt` stays: nobody changed what it says.
 */
export async function rotateNotes(
  em: EntityManager,
  keyring: NoteKeyring,
  { legacyOnly = false, batchSize = 200, onProgress }: RotationOptions = {},
): Promise<RotationProgress> {
  const current = keyring.keys[0]?.id;
  const progress: RotationProgress = { seen: 0, rotated: 0, unreadable: 0 };
  const due = legacyOnly
    ? { legacyBody: { $ne: null } }
    : { $or: [{ keyId: { $ne: current } }, { keyId: null }, { legacyBody: { $ne: null } }] };
  let after = '';
  for (;;) {
    const fork = em.fork();
    const batch = await fork.find(
      PairNote,
      { $and: [due, { id: { $gt: after || '00000000-0000-0000-0000-000000000000' } }] },
      { orderBy: { id: 'asc' }, limit: batchSize },
    );
    if (batch.length === 0) break;
    await fork.transactional(async (tx) => {
      for (const note of batch) await reseal(tx, keyring, note, progress);
    });
    after = batch[batch.length - 1]?.id ?? after;
    onProgress?.({ ...progress });
  }
  if (progress.seen > 0)
    await recordAudit(em, {
      action: legacyOnly ? 'notes.encrypted' : 'notes.rotated',
      data: { keyId: current, ...progress },
    });
  return progress;
}

async function reseal(
  em: EntityManager,
  keyring: NoteKeyring,
  note: PairNote,
  progress: RotationProgress,
): Promise<void> {
  progress.seen += 1;
  const body = readBody(keyring, note);
  if (body === undefined) {
    progress.unreadable += 1;
    return;
  }
  progress.rotated += 1;
  const sealed = sealNote(keyring, { noteId: note.id, pairId: note.match.id }, body);
  // A native update: the ORM's update hook would move `updatedAt`.
  await em.nativeUpdate(PairNote, { id: note.id }, { ...sealed, legacyBody: null });
}
