import type { PluginContext } from '@tandem/plugin-sdk';
import { createMemoryStore, type MemoryStore } from './memory-store.js';
import { createRecordingLogger, type LogEntry } from './recording-logger.js';
import { createTestClock, type TestClock } from './test-clock.js';

/** Options of {@link createTestContext}. */
export interface TestContextOptions<C> {
  /** The plugin's configuration, as `ctx.config` (used as given: see `pluginConfig` for defaults). */
  config?: C;
  /** Where the clock starts; `TEST_CLOCK_START` (Monday 2026-01-05 09:00 UTC) when omitted. */
  now?: Date | string | number;
  /** A clock to share with another context; a new one (starting at `now`) when omitted. */
  clock?: TestClock;
  /**
   * A store to share with another context, as the host shares one plugin's store between its
   * calls; a new empty one on the context's clock when omitted.
   */
  store?: MemoryStore;
}

/** What {@link createTestContext} returns: the context and the handles to look into it. */
export interface TestContext<C> {
  /** The context to pass to the plugin. */
  readonly ctx: PluginContext<C>;
  /** Every line the plugin logged through `ctx.log`, oldest first. */
  readonly logs: LogEntry[];
  /** The clock behind `ctx.now()`. */
  readonly clock: TestClock;
  /** The store behind `ctx.store`. */
  readonly store: MemoryStore;
}

/** A plugin configuration with no fields, for contexts created without one. */
export type EmptyConfig = Record<never, never>;

/**
 * Makes a {@link PluginContext} for calling a plugin in a test, with a logger that records, a
 * clock that stands still until moved, and an in-memory store that expires entries against
 * that clock. The context is frozen, like the host's.
 *
 * @example
 * const { ctx, logs, clock, store } = createTestContext({ config: { url: 'https://x.test' } });
 * await channel.send(sampleMessage(), ctx);
 */
export function createTestContext(
  options?: Omit<TestContextOptions<EmptyConfig>, 'config'>,
): TestContext<EmptyConfig>;
export function createTestContext<C>(
  options: TestContextOptions<C> & { config: C },
): TestContext<C>;
export function createTestContext<C>(options: TestContextOptions<C> = {}): TestContext<C> {
  const clock = options.clock ?? createTestClock(options.now);
  const store = options.store ?? createMemoryStore(clock);
  const { log, entries } = createRecordingLogger();
  const ctx: PluginContext<C> = Object.freeze({
    // Only the overload without config gets here without one, and there C is EmptyConfig.
    config: options.config ?? ({} as C),
    log,
    now: () => clock.now(),
    store,
  });
  return { ctx, logs: entries, clock, store };
}
