import { Counter, Gauge } from 'prom-client';
import type { MikroORM } from '../db/orm.js';
import type { Log } from '../logger.js';
import { directorySyncStatus } from '../modules/directory/directory-sync-run.js';
import type { Metrics } from './metrics.js';

/**
 * How the directory sync stands, read from its recorded runs on scrape, so every process
 * reports the same figures (aggregate with max). All read 0 until the first run.
 */
export function addDirectoryGauges(
  metrics: Metrics,
  read: () => Promise<Awaited<ReturnType<typeof directorySyncStatus>> | undefined>,
): void {
  const registers = [metrics.registry];
  new Gauge({
    name: 'tandem_directory_last_success_timestamp_seconds',
    help: 'When the last directory sync that went well finished (Unix time).',
    registers,
    async collect() {
      const status = await read();
      this.reset();
      if (status?.lastSuccess) this.set(status.lastSuccess.finishedAt.getTime() / 1000);
    },
  });
  new Gauge({
    name: 'tandem_directory_sync_failing',
    help: 'Whether the last directory sync failed (1) or went well (0); people stay as the last good sync left them.',
    registers,
    async collect() {
      const status = await read();
      this.reset();
      if (status?.lastFailure) this.set(1);
    },
  });
  new Counter({
    name: 'tandem_directory_sync_failures_total',
    help: 'Directory syncs that failed: directory out of reach, bind refused, or too many leavers at once.',
    registers,
    async collect() {
      const status = await read();
      this.reset();
      if (status) this.inc(status.failures);
    },
  });
}

/** The status, at most once every few seconds for several gauges and scrapers. */
export function directoryStatusReader(orm: MikroORM, log: Log) {
  let last: { at: number; value: ReturnType<typeof read> } | undefined;
  const read = () =>
    directorySyncStatus(orm.em).catch((error: unknown) => {
      log.warn({ err: error }, 'metrics: reading the directory sync status failed');
      return undefined;
    });
  return () => {
    if (last && Date.now() - last.at < 5_000) return last.value;
    last = { at: Date.now(), value: read() };
    return last.value;
  };
}
