import type { Static } from '@sinclair/typebox';
import type {
  ChannelInstanceSchema,
  ChannelPluginSchema,
  CreateChannelInstanceSchema,
  UpdateChannelInstanceSchema,
} from '@tandem/server/schemas/modules/channels/channel-instance-schemas';
import { api } from './api-client.js';

export type ChannelInstance = Static<typeof ChannelInstanceSchema>;
export type ChannelPlugin = Static<typeof ChannelPluginSchema>;
export type CreateChannelInstance = Static<typeof CreateChannelInstanceSchema>;
export type UpdateChannelInstance = Static<typeof UpdateChannelInstanceSchema>;

/** The active channel plugins, with the config schema their instances follow. */
export const readChannelPlugins = (signal?: AbortSignal) =>
  api<ChannelPlugin[]>('/api/admin/channels', signal ? { signal } : {});

export const readChannelInstances = (signal?: AbortSignal) =>
  api<ChannelInstance[]>('/api/admin/channel-instances', signal ? { signal } : {});

export const createChannelInstance = (instance: CreateChannelInstance) =>
  api<ChannelInstance>('/api/admin/channel-instances', { method: 'POST', body: instance });

export const updateChannelInstance = (id: string, change: UpdateChannelInstance) =>
  api<ChannelInstance>(`/api/admin/channel-instances/${encodeURIComponent(id)}`, {
    method: 'PATCH',
    body: change,
  });

export const deleteChannelInstance = (id: string) =>
  api<null>(`/api/admin/channel-instances/${encodeURIComponent(id)}`, { method: 'DELETE' });
