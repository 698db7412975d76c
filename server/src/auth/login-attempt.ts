import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { createdAt } from '../db/common-properties.js';

/**
 * A sign-in under way: what the callback must find again. Bound to the browser through a
 * cookie whose token's SHA-256 is the id, used once (deleted by the callback), short-lived.
 */
export const LoginAttempt = defineEntity({
  name: 'LoginAttempt',
  tableName: 'login_attempt',
  properties: {
    /** SHA-256 of the cookie token, hex. */
    id: p.string().primary(),
    state: p.string(),
    nonce: p.string(),
    codeVerifier: p.string(),
    /** Same-origin path to go to after sign-in. */
    returnTo: p.text(),
    createdAt: createdAt(),
    expiresAt: p.datetime(),
  },
});
export type LoginAttempt = InferEntity<typeof LoginAttempt>;
