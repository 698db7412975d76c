import { defineEntity, type InferEntity, p } from '@mikro-orm/core';

/**
 * Requests one client made to one rate-limited route in the current window, shared by every
 * web process on the database (rate-limit-store.ts writes it with plain SQL). A row whose window
 * has passed starts over at its next request; the hourly purge deletes the ones nobody resumes.
 */
export const RateLimitCounter = defineEntity({
  name: 'RateLimitCounter',
  tableName: 'rate_limit_counter',
  properties: {
    /** Route and client address, e.g. `GET/auth/login-203.0.113.7`. */
    key: p.text().primary(),
    count: p.integer(),
    expiresAt: p.datetime().index(),
  },
});
export type RateLimitCounter = InferEntity<typeof RateLimitCounter>;
