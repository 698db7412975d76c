import { Gauge } from 'prom-client';
import type { MikroORM } from '../db/orm.js';
import { TASKS } from '../jobs/tasks.js';
import type { Log } from '../logger.js';
import { DELIVERY_STATES } from '../modules/notifications/delivery.js';
import type { PluginRegistry } from '../plugin-host/plugin-registry.js';
import { addDirectoryGauges, directoryStatusReader } from './directory-gauges.js';
import type { Metrics } from './metrics.js';

/**
 * How long one count of the job queue or the deliveries serves scrapes: several Prometheus
 * servers, or a scrape of each gauge, cost the database one query per table in that time.
 */
const CACHE_MS = 5_000;

/** Jobs by task: due and waiting, waiting for a later time, and out of attempts. */
const JOBS_SQL = `
  SELECT task_identifier AS task,
    count(*) FILTER (WHERE attempts < max_attempts AND locked_at IS NULL AND run_at <= now())::int AS queued,
    count(*) FILTER (WHERE attempts < max_attempts AND locked_at IS NULL AND run_at > now())::int AS scheduled,
    count(*) FILTER (WHERE attempts >= max_attempts)::int AS failed
  FROM graphile_worker.jobs
  GROUP BY task_identifier`;

const DELIVERIES_SQL = `
  SELECT channel, state, count(*)::int AS count FROM delivery GROUP BY channel, state`;

interface JobCounts {
  task: string;
  queued: number;
  scheduled: number;
  failed: number;
}

interface DeliveryCount {
  channel: string;
  state: string;
  count: number;
}

/** What the gauges report even before anything happened, so that a dashboard reads 0. */
export interface KnownLabels {
  /** Every task of the code (jobs/tasks.ts). */
  tasks: readonly string[];
  /** The delivery channels active at scrape time (channel plugins). */
  channels: () => readonly string[];
}

/**
 * The code's tasks, and the channel plugins that `plugins()` returns at scrape time (the web app
 * loads its plugins after it sets up its metrics).
 */
export function knownLabels(plugins: () => PluginRegistry): KnownLabels {
  return {
    tasks: TASKS,
    channels: () =>
      plugins()
        .list('notification-channel')
        .map((channel) => channel.definition.name),
  };
}

/**
 * Gauges counted in the database on scrape: the job queue (shared by every process, so each
 * process reports the same figures: aggregate with max, not sum) and deliveries by channel and
 * state. Task names and channels are the code's and the plugins', so the labels stay few; each
 * known one reads 0 rather than nothing before its first job or delivery. When the database
 * does not answer, the gauges keep their last values and the failure is logged.
 */
export function addDatabaseGauges(
  metrics: Metrics,
  orm: MikroORM,
  log: Log,
  known: KnownLabels,
): void {
  const registers = [metrics.registry];
  const query = <T>(sql: string) => cached(() => orm.em.fork().execute<T[]>(sql), log);
  const jobs = query<JobCounts>(JOBS_SQL);
  const deliveries = query<DeliveryCount>(DELIVERIES_SQL);
  addDirectoryGauges(metrics, directoryStatusReader(orm, log));

  const jobGauge = (name: string, help: string, pick: (row: JobCounts) => number) =>
    new Gauge({
      name,
      help,
      labelNames: ['task'],
      registers,
      async collect() {
        const rows = await jobs();
        if (!rows) return;
        this.reset();
        for (const task of known.tasks) this.set({ task }, 0);
        for (const row of rows) this.set({ task: row.task }, pick(row));
      },
    });
  jobGauge(
    'tandem_jobs_queued',
    'Jobs due now and waiting for a worker, by task (the queue depth).',
    (row) => row.queued,
  );
  jobGauge(
    'tandem_jobs_scheduled',
    'Jobs waiting for a later time (reminders, retries after a back-off), by task.',
    (row) => row.scheduled,
  );
  jobGauge(
    'tandem_jobs_permanently_failed',
    'Jobs that used up their attempts and will not run again unless retried, by task.',
    (row) => row.failed,
  );

  new Gauge({
    name: 'tandem_deliveries',
    help: 'Notification deliveries by channel and state.',
    labelNames: ['channel', 'state'],
    registers,
    async collect() {
      const rows = await deliveries();
      if (!rows) return;
      this.reset();
      // Every state of a channel active or in use, so that a state empty reads 0, not nothing.
      for (const channel of new Set([...known.channels(), ...rows.map((row) => row.channel)]))
        for (const state of DELIVERY_STATES) this.set({ channel, state }, 0);
      for (const row of rows) this.set({ channel: row.channel, state: row.state }, row.count);
    },
  });
}

/** `read`, at most once every CACHE_MS; undefined when it failed (logged). */
function cached<T>(read: () => Promise<T>, log: Log): () => Promise<T | undefined> {
  let last: { at: number; value: Promise<T | undefined> } | undefined;
  return () => {
    if (last && Date.now() - last.at < CACHE_MS) return last.value;
    const value = read().catch((error: unknown) => {
      log.warn({ err: error }, 'metrics: counting in the database failed');
      return undefined;
    });
    last = { at: Date.now(), value };
    return value;
  };
}
