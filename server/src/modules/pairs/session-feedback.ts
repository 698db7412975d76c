import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { createdAt, updatedAt, uuidPrimaryKey } from '../../db/common-properties.js';
import { User } from '../users/user.js';
import { PairSession } from './pair-session.js';

/** How a session went for one of the partners: 1–5 and an optional comment. */
export const SessionFeedback = defineEntity({
  name: 'SessionFeedback',
  tableName: 'session_feedback',
  uniques: [{ properties: ['session', 'author'] }],
  properties: {
    id: uuidPrimaryKey(),
    session: () => p.manyToOne(PairSession).deleteRule('cascade'),
    author: () => p.manyToOne(User).deleteRule('cascade'),
    rating: p.integer(),
    comment: p.text().nullable(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
});
export type SessionFeedback = InferEntity<typeof SessionFeedback>;
