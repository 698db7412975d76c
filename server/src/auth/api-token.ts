import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { createdAt, uuidPrimaryKey } from '../db/common-properties.js';
import { User } from '../modules/users/user.js';

/**
 * A personal API token of an admin, for scripts and HR systems. Like a session cookie, only the
 * SHA-256 of the secret is stored; the secret is shown once, when the token is made. The
 * token acts as its owner, within its scopes, until it expires or is revoked.
 */
export const ApiToken = defineEntity({
  name: 'ApiToken',
  tableName: 'api_token',
  indexes: [{ properties: ['owner'] }],
  uniques: [{ properties: ['tokenHash'] }],
  properties: {
    id: uuidPrimaryKey(),
    owner: () => p.manyToOne(User).deleteRule('cascade'),
    name: p.string(),
    scopes: p.array(),
    /** SHA-256 of the whole token, hex. */
    tokenHash: p.string(),
    /** The token's first characters (`tdm_` and a few more), so its owner can recognise it. */
    prefix: p.string(),
    createdAt: createdAt(),
    lastUsedAt: p.datetime().nullable(),
    expiresAt: p.datetime().nullable(),
    revokedAt: p.datetime().nullable(),
  },
});
export type ApiToken = InferEntity<typeof ApiToken>;
