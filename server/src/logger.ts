import { type LogFn, pino } from 'pino';
import type { Config } from './config.js';

/**
 * What Tandem's code needs of a logger. Both pino's logger and Fastify's `app.log` fit, so
 * services and jobs log without depending on either.
 */
export interface Log {
  fatal: LogFn;
  error: LogFn;
  warn: LogFn;
  info: LogFn;
  debug: LogFn;
  trace: LogFn;
  child(bindings: Record<string, unknown>): Log;
}

/** The process's structured log: JSON lines on stdout. */
export function createLogger(config: Pick<Config, 'logLevel'>) {
  return pino({ name: 'tandem', level: config.logLevel });
}
