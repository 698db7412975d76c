import type { Task } from 'graphile-worker';

/** Identifier of the task; the crontab runs it every hour. */
export const PURGE_PLUGIN_STORE = 'purge-plugin-store';

/** Deletes plugin store entries past their time to live; reads already treat them as gone. */
export const purgePluginStore: Task = async (_payload, helpers) => {
  const { rowCount } = await helpers.query(
    'DELETE FROM plugin_store_entry WHERE expires_at <= now()',
  );
  if (rowCount) helpers.logger.info(`purged ${rowCount} expired plugin store entries`);
};
