import type { Static } from '@sinclair/typebox';
import type { PreferencesSchema } from '@tandem/server/schemas/modules/users/preferences-schema';
import type { Me as MeSchema } from '@tandem/server/schemas/modules/users/user-schemas';
import { ApiError, api } from './api-client.js';

export type Me = Static<typeof MeSchema>;
export type Preferences = Static<typeof PreferencesSchema>;

/** The signed-in person, or null when nobody is signed in. */
export async function readMe(signal?: AbortSignal): Promise<Me | null> {
  try {
    return await api<Me>('/api/me', signal ? { signal } : {});
  } catch (error) {
    if (error instanceof ApiError && error.signedOut) return null;
    throw error;
  }
}

export const readPreferences = () => api<Preferences>('/api/me/preferences');

export const savePreferences = (preferences: Preferences) =>
  api<Preferences>('/api/me/preferences', { method: 'PUT', body: preferences });
