import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { PLUGIN_KINDS, type PluginKind, pluginKind, type TandemPlugin } from '@tandem/plugin-sdk';
import semver from 'semver';
import { type PluginConfigSources, pluginConfig } from './plugin-config.js';

export interface LoadedPlugin {
  kind: PluginKind;
  definition: TandemPlugin;
  config: unknown;
}

interface PackageJson {
  name?: string;
  main?: string;
  exports?: unknown;
  tandem?: { kind?: string };
}

/** A plugin that did not load, with the best name known for it so far. */
export class PluginLoadError extends Error {
  override readonly name = 'PluginLoadError';

  constructor(
    readonly plugin: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Loads one plugin: an absolute path to its folder, or a package name resolvable from the
 * server. Checks that its package.json declares a known `tandem.kind`, that its default export
 * came from the matching define* helper, that its `host` range admits this server, and that
 * its configuration is valid.
 *
 * @throws PluginLoadError naming the plugin (its name once known, else its package or specifier).
 */
export async function loadPlugin(
  specifier: string,
  serverVersion: string,
  sources: PluginConfigSources,
): Promise<LoadedPlugin> {
  let label = specifier;
  const named = (name: string) => {
    label = name;
  };
  try {
    return await load(specifier, serverVersion, sources, named);
  } catch (error) {
    throw new PluginLoadError(label, error instanceof Error ? error.message : String(error));
  }
}

async function load(
  specifier: string,
  serverVersion: string,
  sources: PluginConfigSources,
  named: (name: string) => void,
): Promise<LoadedPlugin> {
  const { manifest, entry } = isAbsolute(specifier)
    ? await fromFolder(specifier)
    : await fromPackage(specifier);
  if (manifest.name) named(manifest.name);
  const declared = manifest.tandem?.kind;
  if (!declared || !(PLUGIN_KINDS as readonly string[]).includes(declared)) {
    throw new Error(
      `package.json must declare "tandem": { "kind": ${PLUGIN_KINDS.map((k) => `"${k}"`).join(' | ')} }`,
    );
  }

  const module = (await import(entry)) as { default?: unknown };
  const definition = module.default;
  const kind = pluginKind(definition);
  if (!kind)
    throw new Error('its default export does not come from a define* helper of @tandem/plugin-sdk');
  if (kind !== declared)
    throw new Error(`package.json says ${declared}, the default export is a ${kind}`);
  const plugin = definition as TandemPlugin;
  named(plugin.name);
  if (!semver.satisfies(serverVersion, plugin.host, { includePrerelease: true })) {
    throw new Error(`it supports Tandem ${plugin.host}; this server is ${serverVersion}`);
  }
  return {
    kind,
    definition: plugin,
    config: pluginConfig(plugin.name, plugin.configSchema, sources),
  };
}

interface PluginModule {
  manifest: PackageJson;
  /** URL of the module to import. */
  entry: string;
}

/** A plugin folder as an author has it: its package.json says which module to import. */
async function fromFolder(folder: string): Promise<PluginModule> {
  const manifest = await readManifest(join(folder, 'package.json'));
  return { manifest, entry: pathToFileURL(join(folder, entryOf(manifest))).href };
}

/**
 * A package resolved by Node from the server's location, with the process's conditions (so
 * the built-ins run from source under `tandem-source`); its package.json is the nearest one
 * above the resolved module.
 */
async function fromPackage(name: string): Promise<PluginModule> {
  const entry = import.meta.resolve(name);
  let folder = dirname(fileURLToPath(entry));
  while (!existsSync(join(folder, 'package.json'))) {
    const parent = dirname(folder);
    if (parent === folder) throw new Error(`no package.json above ${fileURLToPath(entry)}`);
    folder = parent;
  }
  return { manifest: await readManifest(join(folder, 'package.json')), entry };
}

async function readManifest(path: string): Promise<PackageJson> {
  return JSON.parse(await readFile(path, 'utf8')) as PackageJson;
}

/** The module a plugin folder exports as `.`: exports (import or default condition), else main, else index.js. */
function entryOf(manifest: PackageJson): string {
  const exported = manifest.exports;
  const root =
    typeof exported === 'object' && exported !== null && '.' in exported
      ? (exported as Record<string, unknown>)['.']
      : exported;
  if (typeof root === 'string') return root;
  if (typeof root === 'object' && root !== null) {
    const conditions = root as Record<string, unknown>;
    const target = conditions.import ?? conditions.default;
    if (typeof target === 'string') return target;
  }
  return manifest.main ?? 'index.js';
}
