import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { updatedAt } from '../db/common-properties.js';

/** One entry of a plugin's key-value store; the plugin name keeps plugins' keys apart. */
export const PluginStoreEntry = defineEntity({
  name: 'PluginStoreEntry',
  tableName: 'plugin_store_entry',
  indexes: [{ properties: ['expiresAt'] }],
  properties: {
    plugin: p.string().primary(),
    key: p.string().primary(),
    value: p.json<unknown>(),
    /** Past this moment the entry reads as missing; the purge job deletes it. */
    expiresAt: p.datetime().nullable(),
    updatedAt: updatedAt(),
  },
});
export type PluginStoreEntry = InferEntity<typeof PluginStoreEntry>;
