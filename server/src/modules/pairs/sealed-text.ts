import type { Log } from '../../logger.js';
import { type NotePlace, openNote, type SealedNote, sealNote } from './note-cipher.js';
import type { NoteKeyring } from './note-keyring.js';

/** What a pair writes for itself and Tandem stores encrypted. */
export type SealedKind = NotePlace['kind'];

/** A note or question as stored: its place and, once encrypted, its key, IV and ciphertext. */
export interface SealedRow {
  id: string;
  match: { id: string };
  keyId?: string | null;
  iv?: Uint8Array | null;
  ciphertext?: Uint8Array | null;
}

/** A table of sealed texts: its entity, and the column that holds a text from before encryption. */
export interface SealedTable {
  kind: SealedKind;
  entity: 'PairNote' | 'PairQuestion';
  legacy: 'legacyBody' | 'legacyText';
}

/** The pair's notes and its questions. */
export const SEALED_TABLES: readonly SealedTable[] = [
  { kind: 'note', entity: 'PairNote', legacy: 'legacyBody' },
  { kind: 'question', entity: 'PairQuestion', legacy: 'legacyText' },
];

/** A row of either table. */
export type SealedTableRow = SealedRow & { legacyBody?: string | null; legacyText?: string | null };

/** The row's place, bound into its ciphertext: its kind, its id and its pair. */
export function sealedPlace(kind: SealedKind, row: SealedRow): NotePlace {
  return { kind, id: row.id, pairId: row.match.id };
}

/** The text encrypted for the row with the keyring's current key; the row needs its id already. */
export function seal(
  keyring: NoteKeyring,
  kind: SealedKind,
  row: SealedRow,
  text: string,
): SealedNote {
  return sealNote(keyring, sealedPlace(kind, row), text);
}

/**
 * The row's text: `legacy` (its plaintext from before encryption) where it still has one, else
 * decrypted; undefined when it does not decrypt.
 */
export function open(
  keyring: NoteKeyring,
  kind: SealedKind,
  row: SealedRow,
  legacy: string | null | undefined,
): string | undefined {
  if (legacy !== null && legacy !== undefined) return legacy;
  const { keyId, iv, ciphertext } = row;
  if (!keyId || !iv || !ciphertext) return undefined;
  return openNote(keyring, sealedPlace(kind, row), { keyId, iv, ciphertext });
}

/**
 * {@link open} for a partner's screen: a text that does not open is logged, so that the operator
 * learns why from the log while the partners only see which one is lost.
 */
export function openForView(
  deps: { keyring: NoteKeyring; log: Log },
  kind: SealedKind,
  row: SealedRow,
  legacy: string | null | undefined,
): string | undefined {
  const text = open(deps.keyring, kind, row, legacy);
  if (text === undefined)
    deps.log.error(
      { [`${kind}Id`]: row.id, pairId: row.match.id, keyId: row.keyId },
      `a pair ${kind} does not decrypt: its key is not in NOTES_ENCRYPTION_KEYS, or the stored ciphertext was changed or moved`,
    );
  return text;
}

/** {@link open} for a row of one of the {@link SEALED_TABLES}. */
export function openRow(
  keyring: NoteKeyring,
  table: SealedTable,
  row: SealedTableRow,
): string | undefined {
  return open(keyring, table.kind, row, row[table.legacy]);
}
