import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { createdAt, updatedAt, uuidPrimaryKey } from '../../db/common-properties.js';
import { Match } from '../matching/match.js';
import { User } from '../users/user.js';

/**
 * An entry of a pair's question list: what one of them (usually the mentee) wants to ask next
 * time. Private to the pair, so that no question feels too naive to write down.
 */
export const PairQuestion = defineEntity({
  name: 'PairQuestion',
  tableName: 'pair_question',
  indexes: [{ properties: ['match'] }],
  properties: {
    id: uuidPrimaryKey(),
    match: () => p.manyToOne(Match).deleteRule('cascade'),
    author: () => p.manyToOne(User).deleteRule('cascade'),
    text: p.text(),
    answered: p.boolean().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
});
export type PairQuestion = InferEntity<typeof PairQuestion>;
