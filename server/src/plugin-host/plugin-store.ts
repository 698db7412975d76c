import type { EntityManager } from '@mikro-orm/postgresql';
import type { JsonValue, KeyValueStore, KeyValueStoreSetOptions } from '@tandem/plugin-sdk';
import { PluginStoreEntry } from './plugin-store-entry.js';

/** Longest key a plugin may use: the column's width. */
export const MAX_STORE_KEY_LENGTH = 255;

/**
 * A plugin's key-value store in the `plugin_store_entry` table. Every call is one statement of
 * its own, outside any unit of work, so a plugin sees what another process wrote a moment ago;
 * plain SQL, because channels call it twice per message sent (`pnpm bench invitations`).
 */
export function pluginStore(
  plugin: string,
  em: EntityManager,
  now: () => Date = () => new Date(),
): KeyValueStore {
  const checked = (key: string) => {
    if (typeof key !== 'string' || key.length === 0 || key.length > MAX_STORE_KEY_LENGTH)
      throw new TypeError(
        `plugin ${plugin}: store keys are strings of 1 to ${MAX_STORE_KEY_LENGTH} characters`,
      );
    return key;
  };
  return {
    async get<T = JsonValue>(key: string): Promise<T | undefined> {
      const [entry]: { value: T; expires_at: string | Date | null }[] = await em.execute(
        'SELECT value, expires_at FROM plugin_store_entry WHERE plugin = ? AND key = ?',
        [plugin, checked(key)],
      );
      if (!entry || (entry.expires_at && new Date(entry.expires_at) <= now())) return undefined;
      return entry.value;
    },
    async set(key: string, value: JsonValue, options: KeyValueStoreSetOptions = {}) {
      const { ttlSeconds } = options;
      if (value === undefined)
        throw new TypeError(
          `plugin ${plugin}: store.set needs a value; use store.delete to remove`,
        );
      const expiresAt =
        ttlSeconds === undefined ? null : new Date(now().getTime() + ttlSeconds * 1000);
      // Stored as JSON: what the plugin reads back is what JSON can carry, nothing more.
      await em.execute(
        `INSERT INTO plugin_store_entry (plugin, key, value, expires_at, updated_at)
         VALUES (?, ?, ?::jsonb, ?, ?)
         ON CONFLICT (plugin, key) DO UPDATE
           SET value = excluded.value, expires_at = excluded.expires_at, updated_at = excluded.updated_at`,
        [plugin, checked(key), JSON.stringify(value), expiresAt, now()],
      );
    },
    async delete(key: string) {
      await em.fork().nativeDelete(PluginStoreEntry, { plugin, key: checked(key) });
    },
  };
}
