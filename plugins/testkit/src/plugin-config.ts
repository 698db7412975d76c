import { type ConfigOf, type ConfigSchema, resolvePluginConfig } from '@tandem/plugin-sdk';

/**
 * What a test passes as a plugin's configuration: the fields it sets. Fields the schema gives a
 * default for may be left out, as an admin may leave them out.
 */
export type PluginConfigInput<S extends ConfigSchema> = Partial<ConfigOf<S>>;

/** The part of a plugin definition its configuration is checked against. */
export interface ConfiguredPlugin<S extends ConfigSchema> {
  /** The plugin's name, for messages. */
  readonly name: string;
  /** The schema the configuration must fit. */
  readonly configSchema: S;
}

/** A configuration as {@link prepareConfig} made it, or what kept it from being usable. */
export type PreparedConfig<C> = { config: C; problem?: never } | { problem: string };

/**
 * Prepares a configuration the way the host does before a plugin sees it (the SDK's
 * `resolvePluginConfig`): a copy of `given` (an empty object when omitted), with the schema's
 * defaults filled in and text converted to the declared types, then validated.
 *
 * @returns the configuration, typed from the plugin's `configSchema`.
 * @throws TypeError naming the plugin and the first problem when the configuration does not fit.
 */
export function pluginConfig<S extends ConfigSchema>(
  plugin: ConfiguredPlugin<S>,
  given?: PluginConfigInput<S>,
): ConfigOf<S> {
  const prepared = prepareConfig(plugin.configSchema, given);
  if (prepared.problem !== undefined)
    throw new TypeError(`the config of "${plugin.name}" ${prepared.problem}`);
  return prepared.config;
}

/**
 * {@link pluginConfig} without the throw, for callers that word the problem themselves. The
 * problem reads on from "the config": `does not fit configSchema: /port must be integer`.
 */
export function prepareConfig<S extends ConfigSchema>(
  configSchema: S,
  given?: PluginConfigInput<S>,
): PreparedConfig<ConfigOf<S>> {
  const resolved = resolvePluginConfig(configSchema, given as Record<string, unknown> | undefined);
  if (!resolved.problem) return { config: resolved.config };
  const { path, message } = resolved.problem;
  return { problem: `does not fit configSchema: ${path} ${message}` };
}
