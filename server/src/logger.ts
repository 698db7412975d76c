import { type LogFn, pino } from 'pino';
import type { Config } from './config.js';
import { humanLogStream } from './human-log.js';

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

/**
 * The process's log on stdout: JSON lines in production, for log collectors; human lines
 * anywhere else (NODE_ENV development or test), for the person at the terminal.
 */
export function createLogger(config: Pick<Config, 'logLevel'> & { env?: Config['env'] }) {
  const options = { name: 'tandem', level: config.logLevel };
  if (!config.env || config.env === 'production') return pino(options);
  const colour = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
  return pino(options, humanLogStream(process.stdout, { colour }));
}
