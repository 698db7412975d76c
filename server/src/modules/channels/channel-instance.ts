import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { createdAt, updatedAt, uuidPrimaryKey } from '../../db/common-properties.js';
import { User } from '../users/user.js';

/**
 * One configuration of a channel plugin, made by an admin at run time: e.g. the webhook channel
 * once for the sales team's chat and once for IT's. A programme chooses one per channel; without
 * a choice the plugin's configuration from the environment applies. `config` holds the plugin's
 * fields as its configSchema says, except secret ones, which hold a reference (`{ "env": … }` or
 * `{ "file": … }`) resolved at each send, never the secret itself.
 */
export const ChannelInstance = defineEntity({
  name: 'ChannelInstance',
  tableName: 'channel_instance',
  uniques: [{ properties: ['channel', 'name'] }],
  properties: {
    id: uuidPrimaryKey(),
    /** The channel plugin's name, e.g. `webhook`. */
    channel: p.string(),
    /** What admins call it, e.g. "Sales chat". */
    name: p.string(),
    config: p.json<Record<string, unknown>>(),
    createdBy: () => p.manyToOne(User).nullable().deleteRule('set null'),
    updatedBy: () => p.manyToOne(User).nullable().deleteRule('set null'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
});
export type ChannelInstance = InferEntity<typeof ChannelInstance>;
