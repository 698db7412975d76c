import type { EntityManager } from '@mikro-orm/postgresql';
import { Match } from '../matching/match.js';
import type { NoteKeyring } from '../pairs/note-keyring.js';
import { openRow, SEALED_TABLES, type SealedTableRow, seal } from '../pairs/sealed-text.js';
import type { Replacement } from './identifying-values.js';
import { scrubStoredText } from './stored-text.js';

/**
 * Replaces the person's identifying values in the notes and questions left in the pairs they
 * were in (their partners'): these are stored encrypted, so the search of every stored text
 * (scrub-stored-texts.ts) sees only ciphertext. Each is opened, scrubbed as plain text and
 * sealed again where it changed; one no configured key opens stays as it is. Its `updatedAt`
 * stays: its author did not change it.
 */
export async function scrubSealedTexts(
  tx: EntityManager,
  keyring: NoteKeyring,
  userId: string,
  replacements: readonly Replacement[],
): Promise<void> {
  const pairs = await tx.find(Match, { members: { enrolment: { user: userId } } });
  const ids = pairs.map((pair) => pair.id);
  for (const table of SEALED_TABLES) {
    const rows = await tx.find<SealedTableRow>(table.entity, { match: { id: { $in: ids } } });
    for (const row of rows) {
      const text = openRow(keyring, table, row);
      if (text === undefined) continue;
      const scrubbed = scrubStoredText(text, replacements);
      if (scrubbed === text) continue;
      // A native update: the ORM's update hook would move `updatedAt`.
      await tx.nativeUpdate<SealedTableRow>(
        table.entity,
        { id: row.id },
        { ...seal(keyring, table.kind, row, scrubbed), [table.legacy]: null },
      );
    }
  }
}
