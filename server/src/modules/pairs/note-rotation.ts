import type { EntityManager } from '@mikro-orm/postgresql';
import { recordAudit } from '../audit/audit-log.js';
import type { NoteKeyring } from './note-keyring.js';
import {
  openRow,
  SEALED_TABLES,
  type SealedTable,
  type SealedTableRow,
  seal,
} from './sealed-text.js';

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
  for (const table of SEALED_TABLES) {
    const legacy = { [table.legacy]: { $ne: null } };
    const due = legacyOnly
      ? legacy
      : { $or: [{ keyId: { $ne: current } }, { keyId: null }, legacy] };
    for (let after = FIRST_ID; ; ) {
      const batch = await em
        .fork()
        .find<SealedTableRow>(
          table.entity,
          { $and: [due, { id: { $gt: after } }] },
          { orderBy: { id: 'asc' }, limit: batchSize },
        );
      if (batch.length === 0) break;
      await em.fork().transactional(async (tx) => {
        for (const row of batch) await reseal(tx, keyring, progress, table, row);
      });
      after = batch[batch.length - 1]?.id ?? after;
      onProgress?.({ ...progress });
    }
  }
  if (progress.seen > 0)
    await recordAudit(em, {
      action: legacyOnly ? 'notes.encrypted' : 'notes.rotated',
      data: { keyId: current, ...progress },
    });
  return progress;
}

/** Seals the row's text anew, or leaves it (counted unreadable) when no key opens it. */
async function reseal(
  tx: EntityManager,
  keyring: NoteKeyring,
  progress: RotationProgress,
  table: SealedTable,
  row: SealedTableRow,
): Promise<void> {
  progress.seen += 1;
  const text = openRow(keyring, table, row);
  if (text === undefined) {
    progress.unreadable += 1;
    return;
  }
  progress.rotated += 1;
  const sealed = seal(keyring, table.kind, row, text);
  // A native update: the ORM's update hook would move `updatedAt`.
  await tx.nativeUpdate<SealedTableRow>(
    table.entity,
    { id: row.id },
    { ...sealed, [table.legacy]: null },
  );
}
