import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { createdAt, updatedAt, uuidPrimaryKey } from '../../db/common-properties.js';
import { Match } from '../matching/match.js';
import { User } from '../users/user.js';

/**
 * An entry of a pair's question list: what one of them (usually the mentee) wants to ask next
 * time. Private to the pair, so that no question feels too naive to write down; its text is
 * stored encrypted like a note's (note-cipher.ts), bound to this question and this pair.
 */
export const PairQuestion = defineEntity({
  name: 'PairQuestion',
  tableName: 'pair_question',
  indexes: [{ properties: ['match'] }],
  properties: {
    id: uuidPrimaryKey(),
    match: () => p.manyToOne(Match).deleteRule('cascade'),
    author: () => p.manyToOne(User).deleteRule('cascade'),
    /** Which of NOTES_ENCRYPTION_KEYS encrypted it. */
    keyId: p.string().nullable(),
    iv: p.blob().nullable(),
    /** AES-256-GCM ciphertext of the text, the 16-byte tag at its end. */
    ciphertext: p.blob().nullable(),
    /**
     * The text of a question written before questions were encrypted, until `tandem start` or
     * `tandem notes rotate` encrypts it; null on every other question.
     */
    legacyText: p.text().nullable(),
    answered: p.boolean().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
});
export type PairQuestion = InferEntity<typeof PairQuestion>;
