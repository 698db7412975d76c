import { readFileSync } from 'node:fs';
import { EXIT_CONFIG, OperatorError } from '../errors.js';

/** Plugin settings from a file: one object per plugin name, its fields as the plugin's schema says. */
export interface PluginConfigFile {
  path: string;
  plugins: Record<string, Record<string, unknown>>;
}

/**
 * Reads the JSON file TANDEM_PLUGIN_CONFIG names, e.g. `{ "email": { "smtpPort": 587 } }`.
 * Read at boot with the rest of the configuration, so a missing or malformed file stops
 * start-up with one line; whether each plugin's part is valid is for its own schema to say.
 */
export function readPluginConfigFile(path: string): PluginConfigFile {
  const fail = (problem: string): never => {
    throw new OperatorError(`Invalid configuration: TANDEM_PLUGIN_CONFIG ${problem}`, EXIT_CONFIG);
  };
  let text = '';
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    fail(`names ${path}, which cannot be read (${(error as NodeJS.ErrnoException).code})`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    fail(`names ${path}, which is not valid JSON: ${(error as Error).message}`);
  }
  if (!isObject(parsed)) return fail(`names ${path}, which must hold one object per plugin name`);
  for (const [name, settings] of Object.entries(parsed))
    if (!isObject(settings)) fail(`names ${path}, whose "${name}" must be an object of settings`);
  return { path, plugins: parsed as PluginConfigFile['plugins'] };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
