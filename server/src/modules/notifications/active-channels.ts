import type { PluginRegistry } from '../../plugin-host/plugin-registry.js';
import { IN_APP } from './notify.js';

/** The channels this server can deliver over: the inbox and every active channel plugin. */
export function activeChannels(plugins: PluginRegistry): ReadonlySet<string> {
  return new Set([
    IN_APP,
    ...plugins.list('notification-channel').map((channel) => channel.definition.name),
  ]);
}
