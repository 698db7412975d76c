import type { TSchema } from '@sinclair/typebox';
import { type ConfigSchema, resolvePluginConfig } from '@tandem/plugin-sdk';
import type { PluginConfigFile } from './plugin-config-file.js';

/** Where plugin settings come from: `TANDEM_PLUGIN_*` variables and the optional file. */
export interface PluginConfigSources {
  env: NodeJS.ProcessEnv;
  file?: PluginConfigFile | undefined;
}

/**
 * A plugin's configuration: the plugin's object in the config file, overridden field by field
 * by `TANDEM_PLUGIN_<NAME>_<FIELD>` variables — `<NAME>` the plugin name and `<FIELD>` a
 * top-level property of its config schema, both in upper snake case (`email` + `smtpPort` →
 * `TANDEM_PLUGIN_EMAIL_SMTP_PORT`). Values are converted to the schema's types, defaults
 * filled in, then validated.
 *
 * @throws Error naming the first invalid field and where it can be set.
 */
export function pluginConfig(
  name: string,
  schema: ConfigSchema,
  sources: PluginConfigSources,
): unknown {
  const properties = (schema.properties ?? {}) as Record<string, TSchema>;
  const raw: Record<string, unknown> = { ...sources.file?.plugins[name] };
  for (const field of Object.keys(properties)) {
    const value = sources.env[pluginVariable(name, field)]?.trim();
    if (value) raw[field] = parseValue(value, properties[field]);
  }
  const resolved = resolvePluginConfig(schema, raw);
  if (!resolved.problem) return resolved.config;
  const { field, message } = resolved.problem;
  const file = sources.file ? ` or "${name}"."${field}" in ${sources.file.path}` : '';
  const where = field ? `config field ${field} (${pluginVariable(name, field)}${file})` : 'config';
  throw new Error(`${where}: ${message}`);
}

/** The variable that sets one field of a plugin's config. */
export function pluginVariable(name: string, field: string): string {
  return `${pluginVariablePrefix(name)}${snake(field)}`;
}

/** What every variable of a plugin's config starts with, e.g. `TANDEM_PLUGIN_EMAIL_`. */
export function pluginVariablePrefix(name: string): string {
  return `TANDEM_PLUGIN_${snake(name)}_`;
}

function snake(text: string): string {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .toUpperCase();
}

/** Arrays and objects are written as JSON in a variable; everything else as plain text. */
function parseValue(value: string, schema: TSchema | undefined): unknown {
  if (schema?.type !== 'array' && schema?.type !== 'object') return value;
  try {
    return JSON.parse(value);
  } catch {
    return value; // validation then says what is wrong
  }
}
