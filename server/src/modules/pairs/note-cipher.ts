import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { NoteKeyring } from './note-keyring.js';

/**
 * A note's or question's text as stored: which key, the 96-bit IV, and the ciphertext with the
 * GCM tag last.
 */
export interface SealedNote {
  keyId: string;
  iv: Uint8Array;
  ciphertext: Uint8Array;
}

/**
 * Which note or question of which pair a ciphertext belongs to: bound in as additional
 * authenticated data, so it opens on no other row, in no other pair, and not as the other kind.
 */
export interface NotePlace {
  kind: 'note' | 'question';
  id: string;
  pairId: string;
}

const TAG_BYTES = 16;

/** Encrypts with the keyring's first key, AES-256-GCM, a fresh random IV each time. */
export function sealNote(keyring: NoteKeyring, place: NotePlace, body: string): SealedNote {
  const [key] = keyring.keys;
  if (!key) throw new Error('The note keyring has no key.');
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key.secret, iv);
  cipher.setAAD(additionalData(place));
  const ciphertext = Buffer.concat([
    cipher.update(body, 'utf8'),
    cipher.final(),
    cipher.getAuthTag(),
  ]);
  return { keyId: key.id, iv, ciphertext };
}

/**
 * The body, or undefined when it cannot be read: its key is no longer configured, or the
 * ciphertext was changed or moved to another note or pair (GCM's tag no longer checks out).
 */
export function openNote(
  keyring: NoteKeyring,
  place: NotePlace,
  sealed: SealedNote,
): string | undefined {
  const key = keyring.keys.find((candidate) => candidate.id === sealed.keyId);
  if (!key || sealed.iv.length !== 12 || sealed.ciphertext.length < TAG_BYTES) return undefined;
  const decipher = createDecipheriv('aes-256-gcm', key.secret, sealed.iv);
  decipher.setAAD(additionalData(place));
  decipher.setAuthTag(sealed.ciphertext.subarray(-TAG_BYTES));
  try {
    return Buffer.concat([
      decipher.update(sealed.ciphertext.subarray(0, -TAG_BYTES)),
      decipher.final(),
    ]).toString('utf8');
  } catch {
    return undefined;
  }
}

function additionalData({ kind, id, pairId }: NotePlace): Buffer {
  // For a note this is what it was before questions were encrypted: stored notes still open.
  return Buffer.from(`tandem-pair-${kind}\n${id}\n${pairId}`, 'utf8');
}
