import type { Static } from '@sinclair/typebox';
import type {
  ApiTokenSchema,
  CreatedApiTokenSchema,
  NewApiTokenSchema,
} from '@tandem/server/schemas/auth/api-token-schemas';
import { api } from './api-client.js';

export type ApiToken = Static<typeof ApiTokenSchema>;
export type NewApiToken = Static<typeof NewApiTokenSchema>;
export type CreatedApiToken = Static<typeof CreatedApiTokenSchema>;
export type ApiScope = ApiToken['scopes'][number];

/** The admin's own tokens, newest first; never a secret. */
export const readApiTokens = (signal?: AbortSignal) =>
  api<ApiToken[]>('/api/admin/tokens', signal ? { signal } : {});

/** Makes a token; the answer holds its secret, this once. */
export const createApiToken = (token: NewApiToken) =>
  api<CreatedApiToken>('/api/admin/tokens', { method: 'POST', body: token });

export const revokeApiToken = (id: string) =>
  api<ApiToken>(`/api/admin/tokens/${encodeURIComponent(id)}`, { method: 'DELETE' });
