import { Logger as GraphileLogger, type LogLevel } from 'graphile-worker';
import type { Log } from '../logger.js';

const LEVELS: Record<LogLevel, 'error' | 'warn' | 'info' | 'debug'> = {
  error: 'error',
  warning: 'warn',
  info: 'info',
  debug: 'debug',
};

/** graphile-worker's logger, writing into our pino log with its scope (task, job, worker). */
export function graphileLogger(log: Log): GraphileLogger {
  return new GraphileLogger((scope) => {
    const scoped = log.child({ ...scope });
    return (level, message, meta) => scoped[LEVELS[level]](meta ?? {}, message);
  });
}
