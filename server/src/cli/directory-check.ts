import type { Config } from '../config.js';
import { openOrm } from '../db/orm.js';
import { directorySyncStatus } from '../modules/directory/directory-sync-run.js';
import { type DoctorCheck, failed } from './doctor-checks.js';

const name = 'directory';

/**
 * How the directory sync stands, from the runs the worker recorded: doctor does not search
 * the directory itself (a full sync is the worker's; `tandem directory sync --dry-run` tries
 * one). Failing is a failed check: people who left keep their pairs until it works again.
 */
export async function directoryCheck(config: Config): Promise<DoctorCheck> {
  if (!config.directory)
    return {
      name,
      status: 'skipped',
      detail: 'LDAP_URL not set: people are not synced from a directory',
    };
  if (!config.databaseUrl)
    return {
      name,
      status: 'skipped',
      detail: `${config.directory.url}: sync results are in the embedded database`,
    };
  const orm = await openOrm(config.databaseUrl);
  try {
    const status = await directorySyncStatus(orm.em);
    const since = (date: Date) => date.toISOString();
    if (status.lastFailure)
      return failed(
        name,
        `${config.directory.url}: failing since ${since(status.failingSince ?? status.lastFailure.startedAt)}: ${status.lastFailure.error}${status.lastSuccess ? ` (last sync ok at ${since(status.lastSuccess.finishedAt)})` : ''}`,
        'Check LDAP_URL, LDAP_BIND_DN, LDAP_BIND_PASSWORD, LDAP_BASE_DN and that this host reaches the directory; `tandem directory sync --dry-run` tries at once. Meanwhile people stay as the last sync left them.',
      );
    if (!status.lastSuccess)
      return {
        name,
        status: 'warning',
        detail: `${config.directory.url}: not synced yet`,
        fix: 'Run `tandem directory sync`, or wait for the worker (LDAP_SYNC_CRON).',
      };
    const counts = status.lastSuccess.counts;
    return {
      name,
      status: 'ok',
      detail: `${config.directory.url}: last sync ok at ${since(status.lastSuccess.finishedAt)} (${counts.entries ?? 0} entries)`,
    };
  } catch (error) {
    return {
      name,
      status: 'skipped',
      detail: `sync results unreadable: ${(error as Error).message} (see database)`,
    };
  } finally {
    await orm.close();
  }
}
