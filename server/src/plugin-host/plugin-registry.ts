import type {
  Curriculum,
  MatchingStrategy,
  NotificationChannel,
  PluginKind,
} from '@tandem/plugin-sdk';
import { OperatorError } from '../errors.js';
import type { Log } from '../logger.js';
import { type LoadedPlugin, loadPlugin, PluginLoadError } from './load-plugin.js';
import type { PluginConfigFile } from './plugin-config-file.js';
import type { PluginStatus } from './plugin-schemas.js';

interface PluginsByKind {
  'matching-strategy': MatchingStrategy;
  curriculum: Curriculum;
  'notification-channel': NotificationChannel;
}

/** A loaded plugin of one kind, with its validated configuration. */
export interface ActivePlugin<K extends PluginKind> {
  kind: K;
  definition: PluginsByKind[K];
  config: unknown;
}

export interface PluginRegistry {
  readonly statuses: readonly PluginStatus[];
  /** The active plugin of that kind and name, or undefined. */
  get<K extends PluginKind>(kind: K, name: string): ActivePlugin<K> | undefined;
  /** Every active plugin of a kind. */
  list<K extends PluginKind>(kind: K): ActivePlugin<K>[];
}

export interface LoadPluginsOptions {
  specifiers: string[];
  /** Names (or specifiers) of plugins whose failure must stop start-up. */
  required: string[];
  serverVersion: string;
  env: NodeJS.ProcessEnv;
  configFile?: PluginConfigFile | undefined;
  log: Log;
}

/**
 * Loads every configured plugin. One that fails is logged and listed as failed, and the others
 * go on, unless it is required: then start-up stops with one line naming it and the reason.
 */
export async function loadPlugins(options: LoadPluginsOptions): Promise<PluginRegistry> {
  const active = new Map<string, LoadedPlugin>();
  const statuses: PluginStatus[] = [];
  for (const specifier of options.specifiers) {
    try {
      const loaded = await loadPlugin(specifier, options.serverVersion, {
        env: options.env,
        file: options.configFile,
      });
      const { name, version } = loaded.definition;
      if (active.has(name))
        throw new PluginLoadError(name, `another plugin named ${name} is already loaded`);
      active.set(name, loaded);
      statuses.push({ name, kind: loaded.kind, version, status: 'active' });
      options.log.debug({ plugin: name, kind: loaded.kind, version }, 'plugin loaded');
    } catch (error) {
      const plugin = error instanceof PluginLoadError ? error.plugin : specifier;
      const reason = error instanceof Error ? error.message : String(error);
      const required = options.required.includes(plugin) || options.required.includes(specifier);
      if (required) throw new OperatorError(`Required plugin ${plugin} did not load: ${reason}`);
      statuses.push({ name: plugin, status: 'failed', error: reason, required });
      options.log.error({ plugin, reason }, `plugin ${plugin} did not load and is skipped`);
    }
  }
  const loadedNames = statuses.filter((s) => s.status === 'active').map((s) => s.name);
  options.log.info({ plugins: loadedNames }, `${loadedNames.length} plugins loaded`);
  return {
    statuses,
    get(kind, name) {
      const loaded = active.get(name);
      return loaded?.kind === kind ? (loaded as ActivePlugin<typeof kind>) : undefined;
    },
    list(kind) {
      return [...active.values()].filter((loaded) => loaded.kind === kind) as ActivePlugin<
        typeof kind
      >[];
    },
  };
}
