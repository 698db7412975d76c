import type { EntityManager } from '@mikro-orm/postgresql';
import type { PluginContext, PluginLogger } from '@tandem/plugin-sdk';
import type { Log } from '../logger.js';
import { pluginStore } from './plugin-store.js';

export interface PluginContextDependencies {
  em: EntityManager;
  log: Log;
  now?: () => Date;
}

/**
 * What a plugin gets on each call: its validated config, a logger that tags every line with
 * the plugin's name, the clock, and its own key-value store. Never the ORM or Fastify.
 */
export function pluginContext<C>(
  plugin: { name: string; config: C },
  { em, log, now = () => new Date() }: PluginContextDependencies,
): PluginContext<C> {
  return Object.freeze({
    config: plugin.config,
    log: pluginLogger(log.child({ plugin: plugin.name })),
    now,
    store: pluginStore(plugin.name, em, now),
  });
}

function pluginLogger(log: Log): PluginLogger {
  return {
    debug: (message, data) => log.debug(data ?? {}, message),
    info: (message, data) => log.info(data ?? {}, message),
    warn: (message, data) => log.warn(data ?? {}, message),
    error: (message, data) => log.error(data ?? {}, message),
  };
}
