import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { createdAt, updatedAt, uuidPrimaryKey } from '../../db/common-properties.js';
import { Match } from '../matching/match.js';
import { User } from '../users/user.js';

/** A private note of a pair: only the two partners ever read it, no admin route returns it. */
export const PairNote = defineEntity({
  name: 'PairNote',
  tableName: 'pair_note',
  indexes: [{ properties: ['match'] }],
  properties: {
    id: uuidPrimaryKey(),
    match: () => p.manyToOne(Match).deleteRule('cascade'),
    author: () => p.manyToOne(User).deleteRule('cascade'),
    body: p.text(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
});
export type PairNote = InferEntity<typeof PairNote>;
