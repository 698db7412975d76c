import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { createdAt, updatedAt, uuidPrimaryKey } from '../../db/common-properties.js';
import { Match } from '../matching/match.js';
import { User } from '../users/user.js';

/**
 * A private note of a pair: only the two partners ever read it, no admin route returns it. The
 * body is stored encrypted (note-cipher.ts), bound to this note and this pair.
 */
export const PairNote = defineEntity({
  name: 'PairNote',
  tableName: 'pair_note',
  indexes: [{ properties: ['match'] }],
  properties: {
    id: uuidPrimaryKey(),
    match: () => p.manyToOne(Match).deleteRule('cascade'),
    author: () => p.manyToOne(User).deleteRule('cascade'),
    /** Which of NOTES_ENCRYPTION_KEYS encrypted it. */
    keyId: p.string().nullable(),
    iv: p.blob().nullable(),
    /** AES-256-GCM ciphertext of the body, the 16-byte tag at its end. */
    ciphertext: p.blob().nullable(),
    /**
     * The body of a note written before notes were encrypted, until `tandem start` or
     * `tandem notes rotate` encrypts it; null on every other note.
     */
    legacyBody: p.text().nullable(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
});
export type PairNote = InferEntity<typeof PairNote>;
