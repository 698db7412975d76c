import type { EntityManager } from '@mikro-orm/postgresql';
import type { JsonValue, KeyValueStore, KeyValueStoreSetOptions } from '@tandem/plugin-sdk';
import { PluginStoreEntry } from './plugin-store-entry.js';

/** Longest key a plugin may use: the column's width. */
export const MAX_STORE_KEY_LENGTH = 255;

/**
 * A plugin's key-value store in the `plugin_store_entry` table. Every call works on its own
 * fork of the entity manager, so a plugin sees what another process wrote a moment ago.
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
      const entry = await em.fork().findOne(PluginStoreEntry, { plugin, key: checked(key) });
      if (!entry || (entry.expiresAt && entry.expiresAt <= now())) return undefined;
      return entry.value as T;
    },
    async set(key: string, value: JsonValue, options: KeyValueStoreSetOptions = {}) {
      const { ttlSeconds } = options;
      if (value === undefined)
        throw new TypeError(
          `plugin ${plugin}: store.set needs a value; use store.delete to remove`,
        );
      await em.fork().upsert(PluginStoreEntry, {
        plugin,
        key: checked(key),
        // Stored as JSON: what the plugin reads back is what JSON can carry, nothing more.
        value: JSON.parse(JSON.stringify(value)),
        expiresAt: ttlSeconds === undefined ? null : new Date(now().getTime() + ttlSeconds * 1000),
        updatedAt: now(),
      });
    },
    async delete(key: string) {
      await em.fork().nativeDelete(PluginStoreEntry, { plugin, key: checked(key) });
    },
  };
}
