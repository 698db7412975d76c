import type { Static } from '@sinclair/typebox';
import type { PluginStatusSchema } from '@tandem/server/schemas/plugin-host/plugin-schemas';
import { api } from './api-client.js';

export type PluginStatus = Static<typeof PluginStatusSchema>;

export const readPlugins = (signal?: AbortSignal) =>
  api<PluginStatus[]>('/api/admin/plugins', signal ? { signal } : {});

/** The names of the matching strategies a programme can use: the active ones. */
export const activeStrategies = (plugins: PluginStatus[]): string[] =>
  plugins.flatMap((p) => (p.status === 'active' && p.kind === 'matching-strategy' ? [p.name] : []));
