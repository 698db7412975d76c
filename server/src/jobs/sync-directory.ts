import type { Task } from 'graphile-worker';
import { DirectoryUnavailable } from '../modules/directory/directory-reader.js';
import { syncDirectory } from '../modules/directory/directory-sync.js';
import { meetingDependencies, type TaskDependencies } from './task-dependencies.js';

/** Identifier of the task; the crontab runs it at LDAP_SYNC_CRON when LDAP_URL is set. */
export const SYNC_DIRECTORY = 'sync-directory';

/**
 * Syncs people from the directory. A directory out of reach is recorded (doctor and metrics
 * show it) and not retried: the next scheduled run tries again, and meanwhile everyone stays
 * as the last sync left them.
 */
export function syncDirectoryTask(deps: TaskDependencies): Task {
  return async (_payload, helpers) => {
    const { directory, issuer } = deps.settings;
    if (!directory || !issuer) return;
    try {
      const { counts, refused } = await syncDirectory(
        meetingDependencies(deps),
        directory,
        issuer,
        {
          dryRun: false,
        },
      );
      if (refused) deps.log.warn({ counts }, `directory sync: ${refused}`);
      else helpers.logger.info(`directory synced: ${JSON.stringify(counts)}`);
    } catch (error) {
      if (!(error instanceof DirectoryUnavailable)) throw error;
      deps.log.warn(`directory sync failed, people left as they were: ${error.message}`);
    }
  };
}
