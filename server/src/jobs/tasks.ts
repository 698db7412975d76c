import type { TaskList } from 'graphile-worker';
import type { Config } from '../config.js';
import { PURGE_EXPIRED_AUTH, purgeExpiredAuth } from './purge-expired-auth.js';

/** What tasks need from the configuration. */
export interface TaskSettings {
  sessionIdleTimeoutMs: number;
}

export function taskSettings(config: Config): TaskSettings {
  return { sessionIdleTimeoutMs: config.session.idleTimeoutMs };
}

/** Every background task, by identifier; one task per file in this folder. */
export function taskList(settings: TaskSettings): TaskList {
  return {
    [PURGE_EXPIRED_AUTH]: purgeExpiredAuth(settings.sessionIdleTimeoutMs),
  };
}

/**
 * Recurring work, in crontab syntax (minute hour day month weekday, then the task). A run
 * missed while no worker was up is not caught up: each of these only tidies.
 */
export const crontab = [`17 * * * * ${PURGE_EXPIRED_AUTH}`].join('\n');
