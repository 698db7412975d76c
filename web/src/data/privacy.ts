import type { Static } from '@sinclair/typebox';
import type {
  AccountDeletedSchema,
  AccountDeletionSchema,
} from '@tandem/server/schemas/modules/privacy/privacy-schemas';
import { api } from './api-client.js';

export type AccountDeleted = Static<typeof AccountDeletedSchema>;
type AccountDeletion = Static<typeof AccountDeletionSchema>;

/** Where the browser downloads everything Tandem holds about the signed-in person (JSON). */
export const MY_DATA_HREF = '/api/me/export';

/**
 * Deletes the signed-in account for good; the server also ends the session. The body is the
 * server's fixed word (type-checked against its schema), whatever word the person typed.
 */
export const deleteMyAccount = () => {
  const body: AccountDeletion = { confirm: 'DELETE' };
  return api<AccountDeleted>('/api/me/delete', { method: 'POST', body });
};
