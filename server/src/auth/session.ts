import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { createdAt } from '../db/common-properties.js';
import { User } from '../modules/users/user.js';

/**
 * A signed-in browser. The cookie carries a random token; only its SHA-256 is stored, so the
 * table cannot be used to take over a session. Ending a session deletes the row.
 */
export const Session = defineEntity({
  name: 'Session',
  tableName: 'session',
  indexes: [{ properties: ['user'] }, { properties: ['idpSessionId'] }],
  properties: {
    /** SHA-256 of the cookie token, hex. */
    id: p.string().primary(),
    user: () => p.manyToOne(User).deleteRule('cascade'),
    createdAt: createdAt(),
    lastSeenAt: p.datetime(),
    /** The absolute end, however active the session is. */
    expiresAt: p.datetime(),
    /** The IdP's session (`sid` claim), for back-channel logout. */
    idpSessionId: p.string().nullable(),
    /** The ID token of the sign-in, sent back as `id_token_hint` at logout. */
    idToken: p.text().nullable(),
  },
});
export type Session = InferEntity<typeof Session>;
