import { type Static, type TSchema, Type } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';

/** Plugin names: lowercase words of letters and digits joined by single hyphens. */
export const PLUGIN_NAME_PATTERN = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

// Semantic Versioning 2.0.0, the regular expression suggested at semver.org.
const SEMVER_PATTERN =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

/** A plugin's name: kebab-case, e.g. `weighted` or `half-year`. */
export const PluginNameSchema = Type.String({
  pattern: PLUGIN_NAME_PATTERN.source,
  description: 'kebab-case: lowercase letters and digits, words joined by single hyphens',
});

/** What every plugin definition says about itself, whatever its kind. */
export const PluginMetadataSchema = Type.Object({
  name: PluginNameSchema,
  version: Type.String({
    pattern: SEMVER_PATTERN.source,
    description: "The plugin's own version (semver), usually its package.json version.",
  }),
  host: Type.String({
    minLength: 1,
    description: 'The semver range of @tandem/server the plugin works with, e.g. `^0.1.0`.',
  }),
});

/** What every plugin definition says about itself: name, version, supported host range. */
export type PluginMetadata = Static<typeof PluginMetadataSchema>;

/** A JSON Schema written as a plain object, for plugins that do not use TypeBox. */
export interface JsonSchemaObject {
  readonly [keyword: string]: unknown;
}

/** A plugin's configuration schema: a TypeBox schema, or a plain JSON Schema object. */
export type ConfigSchema = TSchema | JsonSchemaObject;

/**
 * The configuration type a schema describes: `Static<S>` for a TypeBox schema, and a record of
 * unknown values for a plain JSON Schema object (its shape is not known to the compiler).
 */
export type ConfigOf<S extends ConfigSchema> = S extends TSchema
  ? Static<S>
  : Record<string, unknown>;

/** The part every plugin definition has, whatever its kind. */
export interface PluginDefinitionBase<S extends ConfigSchema = ConfigSchema> {
  /** Unique among the plugins of one server; kebab-case, e.g. `weighted`. */
  readonly name: string;
  /** The plugin's own version (semver), e.g. `1.2.0`. */
  readonly version: string;
  /** The semver range of `@tandem/server` the plugin works with, e.g. `^0.1.0`. */
  readonly host: string;
  /**
   * The schema the host validates the plugin's configuration against before the plugin is
   * used (defaults applied). Use `Type.Object({})` for a plugin without settings.
   */
  readonly configSchema: S;
}

/**
 * Checks the parts of a definition every kind has plus the given functions and extra schema,
 * throwing a TypeError that names the helper, the plugin and the problem.
 */
export function checkDefinition(
  helper: string,
  definition: unknown,
  functions: readonly string[],
  schema?: TSchema,
): void {
  if (typeof definition !== 'object' || definition === null)
    throw new TypeError(`${helper}: expected a definition object, got ${describe(definition)}`);
  const fields = definition as Record<string, unknown>;
  const { name } = fields;
  if (typeof name !== 'string' || !PLUGIN_NAME_PATTERN.test(name))
    throw new TypeError(
      `${helper}: name must be kebab-case (lowercase letters and digits, words joined by single hyphens, e.g. "half-year"), got ${describe(name)}`,
    );
  const where = `${helper}("${name}")`;
  if (typeof fields.version !== 'string' || !SEMVER_PATTERN.test(fields.version))
    throw new TypeError(
      `${where}: version must be a semver version such as "1.0.0", got ${describe(fields.version)}`,
    );
  if (typeof fields.host !== 'string' || fields.host.trim() === '')
    throw new TypeError(
      `${where}: host must be the semver range of @tandem/server the plugin supports, such as "^0.1.0", got ${describe(fields.host)}`,
    );
  const { configSchema } = fields;
  if (typeof configSchema !== 'object' || configSchema === null || Array.isArray(configSchema))
    throw new TypeError(
      `${where}: configSchema must be a TypeBox schema or a JSON Schema object, got ${describe(configSchema)}`,
    );
  for (const key of functions)
    if (typeof fields[key] !== 'function')
      throw new TypeError(`${where}: ${key} must be a function, got ${describe(fields[key])}`);
  if (schema && !Value.Check(schema, definition)) {
    const error = Value.Errors(schema, definition).First();
    const path = error?.path.slice(1).replaceAll('/', '.') || 'definition';
    throw new TypeError(`${where}: ${path}: ${error?.message ?? 'is invalid'}`);
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return typeof value;
}
