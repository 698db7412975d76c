/** One key for private pair notes: its id is stored beside each note it encrypted. */
export interface NoteKey {
  id: string;
  /** 32 bytes for AES-256-GCM. */
  secret: Buffer;
}

/** The keys for pair notes: the first encrypts, every one decrypts (so an old key can retire). */
export interface NoteKeyring {
  keys: NoteKey[];
  /** True when no key was configured and the fixed development key stands in. */
  development: boolean;
}

/**
 * Stands in when NOTES_ENCRYPTION_KEYS is unset outside production. It is public (it is in this
 * file), so notes written with it are protected against nothing but a casual look at the table.
 */
export const DEVELOPMENT_NOTE_KEY: NoteKey = {
  id: 'development',
  secret: Buffer.from('tandem-development-notes-key-32b', 'utf8'),
};

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const KEY_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * Reads `keyId:base64key,keyId:base64key`.
 *
 * @returns the keys, or the reason the value is wrong (one sentence, no key material in it).
 */
export function parseNoteKeys(value: string): NoteKey[] | string {
  const keys: NoteKey[] = [];
  for (const entry of value.split(',').map((part) => part.trim())) {
    const colon = entry.indexOf(':');
    const id = entry.slice(0, colon);
    const encoded = entry.slice(colon + 1);
    if (colon < 1 || !KEY_ID.test(id))
      return `each entry must be keyId:base64key with a key id of letters, digits, '.', '_' or '-' (entry ${keys.length + 1})`;
    if (!BASE64.test(encoded)) return `the key ${id} is not valid base64`;
    const secret = Buffer.from(encoded, 'base64');
    if (secret.length !== 32)
      return `the key ${id} must be 32 bytes (openssl rand -base64 32), it has ${secret.length}`;
    if (keys.some((key) => key.id === id)) return `the key id ${id} appears twice`;
    keys.push({ id, secret });
  }
  return keys;
}
