import type { PluginRegistry } from '../../plugin-host/plugin-registry.js';

/** Why an address can never be delivered to on a channel, or undefined when it may be. */
export type ChannelAddressProblem = (channel: string, address: string) => string | undefined;

/** Asks each active channel plugin about its addresses, where it offers to judge them. */
export function channelAddressProblem(plugins: PluginRegistry): ChannelAddressProblem {
  return (channel, address) => {
    const active = plugins.get('notification-channel', channel);
    try {
      return active?.definition.addressProblem?.(address, active.config);
    } catch {
      // A plugin's broken check must not block saving preferences; its send still judges.
      return undefined;
    }
  };
}
