import type { PluginLogger } from '@tandem/plugin-sdk';

/** The level of a {@link LogEntry}: the method of {@link PluginLogger} that wrote it. */
export type LogLevel = keyof PluginLogger;

/** One line a plugin logged through a {@link RecordingLogger}. */
export interface LogEntry {
  /** Which method wrote it. */
  readonly level: LogLevel;
  /** The message. */
  readonly message: string;
  /** The fields passed along; absent when none were, so `{ level, message }` compares equal. */
  readonly data?: Record<string, unknown>;
}

/** A {@link PluginLogger} that writes nowhere and keeps every entry for assertions. */
export interface RecordingLogger {
  /** The logger to hand the plugin. */
  readonly log: PluginLogger;
  /** Everything logged so far, oldest first. */
  readonly entries: LogEntry[];
}

/** Makes a {@link RecordingLogger} with no entries. */
export function createRecordingLogger(): RecordingLogger {
  const entries: LogEntry[] = [];
  const writer = (level: LogLevel) => (message: string, data?: Record<string, unknown>) => {
    // A shallow copy: a plugin that reuses its data object must not rewrite earlier entries.
    entries.push(data === undefined ? { level, message } : { level, message, data: { ...data } });
  };
  const log: PluginLogger = Object.freeze({
    debug: writer('debug'),
    info: writer('info'),
    warn: writer('warn'),
    error: writer('error'),
  });
  return { log, entries };
}
