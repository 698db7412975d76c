/**
 * A value that survives `JSON.stringify` and `JSON.parse` unchanged: what a
 * {@link KeyValueStore} keeps.
 */
export type JsonValue =
  | string
  | number
  | boolean
  | null
  | JsonValue[]
  | { [key: string]: JsonValue | undefined };

/**
 * The log a plugin writes to. Entries go to the server's structured log, tagged with the
 * plugin's name; `data` is attached as fields (keep secrets and personal data out of it).
 */
export interface PluginLogger {
  /** Detail for finding a problem; off in production by default. */
  debug(message: string, data?: Record<string, unknown>): void;
  /** Something worth knowing happened. */
  info(message: string, data?: Record<string, unknown>): void;
  /** Something went wrong but the plugin carried on. */
  warn(message: string, data?: Record<string, unknown>): void;
  /** Something went wrong and the plugin could not do what it was asked. */
  error(message: string, data?: Record<string, unknown>): void;
}

/** Options of {@link KeyValueStore.set}. */
export interface KeyValueStoreSetOptions {
  /**
   * Seconds after which the entry reads as missing (and is purged within the hour); without it
   * the entry stays until deleted. Zero or less means already expired.
   */
  ttlSeconds?: number;
}

/**
 * A small persistent store of JSON values, private to one plugin (keys of different plugins
 * never collide). For tokens, cursors, delivery keys and caches — not for the programme's
 * data, which the host owns. Keys are strings of 1 to 255 characters. Values go through JSON:
 * what comes back is a copy holding what JSON carries (a `Date` becomes its ISO string,
 * `undefined` fields vanish); `set` refuses `undefined` itself (use `delete`).
 */
export interface KeyValueStore {
  /**
   * Reads an entry.
   *
   * @typeParam T - the type the caller expects; the store does not check it.
   * @returns the value, or `undefined` when there is no entry or it has expired.
   */
  get<T = JsonValue>(key: string): Promise<T | undefined>;
  /** Writes an entry, replacing an earlier one under the same key. */
  set(key: string, value: JsonValue, options?: KeyValueStoreSetOptions): Promise<void>;
  /** Removes an entry; removing one that does not exist is no error. */
  delete(key: string): Promise<void>;
}

/**
 * What the host hands a plugin on every call: its validated configuration, a logger, a clock
 * and a key-value store. Plugins never get the database or the HTTP server.
 *
 * @typeParam C - the type of the plugin's configuration, inferred from its `configSchema`.
 */
export interface PluginContext<C = unknown> {
  /** The plugin's configuration, validated against its `configSchema` with defaults applied. */
  readonly config: C;
  /** The plugin's log. */
  readonly log: PluginLogger;
  /** The current time. Use it instead of `new Date()` so tests can fix the clock. */
  now(): Date;
  /** The plugin's own key-value store. */
  readonly store: KeyValueStore;
}
