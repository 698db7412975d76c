import type { Log } from '../../logger.js';
import type { PluginRegistry } from '../../plugin-host/plugin-registry.js';

/** Why an address can never be delivered to on a channel, or undefined when it may be. */
export type ChannelAddressProblem = (channel: string, address: string) => string | undefined;

/**
 * Asks each active channel plugin about its addresses, where it offers to judge them. A plugin's
 * broken check must not block saving preferences (its send still judges): a throw is logged,
 * naming the plugin, and an answer that is not a sentence counts as no problem.
 */
export function channelAddressProblem(plugins: PluginRegistry, log: Log): ChannelAddressProblem {
  return (channel, address) => {
    const active = plugins.get('notification-channel', channel);
    let problem: unknown;
    try {
      problem = active?.definition.addressProblem?.(address, active.config);
    } catch (error) {
      log.warn({ err: error, plugin: channel }, `channel plugin ${channel}: addressProblem failed`);
      return undefined;
    }
    return typeof problem === 'string' && problem !== '' ? problem : undefined;
  };
}
