import { PLUGIN_KINDS, type PluginKind } from './common.js';

/**
 * The key under which a definition made by a `define*` helper carries its kind. It is a
 * registered symbol (`Symbol.for('tandem.plugin')`), so a plugin built against another copy of
 * the SDK is still recognised.
 */
export const PLUGIN_BRAND: unique symbol = Symbol.for('tandem.plugin');

/** The mark a `define*` helper puts on a definition: its kind, under {@link PLUGIN_BRAND}. */
export interface PluginBrand<K extends PluginKind = PluginKind> {
  /** The plugin's kind; a non-enumerable property, so it stays out of JSON and spreads. */
  readonly [PLUGIN_BRAND]: K;
}

/**
 * Tells which kind of plugin a value is, by its brand. The host calls it on a package's default
 * export to check that it really came from `defineMatchingStrategy`, `defineCurriculum` or
 * `defineNotificationChannel`.
 *
 * @returns the kind, or `undefined` for anything that is not a branded plugin definition.
 */
export function pluginKind(value: unknown): PluginKind | undefined {
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return;
  if (!Object.hasOwn(value, PLUGIN_BRAND)) return;
  const kind: unknown = (value as Record<symbol, unknown>)[PLUGIN_BRAND];
  return PLUGIN_KINDS.find((known) => known === kind);
}

/** Copies a definition, brands the copy with its kind and freezes it. */
export function brand<K extends PluginKind, D extends object>(
  kind: K,
  definition: D,
): Readonly<D> & PluginBrand<K> {
  const branded = { ...definition };
  Object.defineProperty(branded, PLUGIN_BRAND, {
    value: kind,
    enumerable: false,
    writable: false,
    configurable: false,
  });
  return Object.freeze(branded) as Readonly<D> & PluginBrand<K>;
}
