import type { TaskList } from 'graphile-worker';
import type { Config } from '../config.js';
import type { MikroORM } from '../db/orm.js';
import type { Log } from '../logger.js';
import type { PluginRegistry } from '../plugin-host/plugin-registry.js';
import { CREATE_PAIR_PLAN, createPairPlanTask } from './create-pair-plan.js';
import { EXPIRE_TANDEM_REQUESTS, expireTandemRequests } from './expire-tandem-requests.js';
import { FLAG_STALE_PAIRS, flagStalePairs } from './flag-stale-pairs.js';
import { PURGE_EXPIRED_AUTH, purgeExpiredAuth } from './purge-expired-auth.js';
import { PURGE_PLUGIN_STORE, purgePluginStore } from './purge-plugin-store.js';
import { REMATCH, rematchTask } from './rematch.js';
import { RUN_MATCHING, runMatching } from './run-matching.js';

/** What tasks need from the configuration. */
export interface TaskSettings {
  sessionIdleTimeoutMs: number;
  matchingTimeLimitMs: number;
}

export function taskSettings(config: Config): TaskSettings {
  return {
    sessionIdleTimeoutMs: config.session.idleTimeoutMs,
    matchingTimeLimitMs: config.matchingTimeLimitMs,
  };
}

/** What every task may use: settings, the ORM, the loaded plugins and the worker's log. */
export interface TaskDependencies {
  settings: TaskSettings;
  orm: MikroORM;
  plugins: PluginRegistry;
  log: Log;
}

/** Every background task, by identifier; one task per file in this folder. */
export function taskList(deps: TaskDependencies): TaskList {
  return {
    [PURGE_EXPIRED_AUTH]: purgeExpiredAuth(deps.settings.sessionIdleTimeoutMs),
    [PURGE_PLUGIN_STORE]: purgePluginStore,
    [RUN_MATCHING]: runMatching(deps),
    [CREATE_PAIR_PLAN]: createPairPlanTask(deps),
    [FLAG_STALE_PAIRS]: flagStalePairs,
    [EXPIRE_TANDEM_REQUESTS]: expireTandemRequests,
    [REMATCH]: rematchTask(deps),
  };
}

/**
 * Recurring work, in crontab syntax (minute hour day month weekday, then the task). A run
 * missed while no worker was up is not caught up: each of these only tidies or flags, and the
 * next run does it.
 */
export const crontab = [
  `17 * * * * ${PURGE_EXPIRED_AUTH}`,
  `47 * * * * ${PURGE_PLUGIN_STORE}`,
  `13 6 * * * ${FLAG_STALE_PAIRS}`,
  `29 * * * * ${EXPIRE_TANDEM_REQUESTS}`,
].join('\n');
