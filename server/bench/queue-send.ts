/**
 * The queue path: notifications through the real `notify()` (a notification, one email
 * delivery and its graphile-worker job each), then a worker with the real deliver task sending
 * them through the email channel, loaded by the plugin host, to the sink.
 */
import { closeTransports } from '@tandem/channel-email';
import pg from 'pg';
import { type MikroORM, openOrm } from '../src/db/orm.js';
import { deliverNotificationTask } from '../src/jobs/deliver-notification.js';
import type { TaskDependencies } from '../src/jobs/task-dependencies.js';
import { startWorker } from '../src/jobs/worker.js';
import type { Log } from '../src/logger.js';
import { createMetrics } from '../src/metrics/metrics.js';
import { channelSecrets, DEFAULT_SECRETS_DIR } from '../src/modules/channels/secret-reference.js';
import { holidayCalendar } from '../src/modules/meetings/holiday-calendar.js';
import { activeChannels } from '../src/modules/notifications/active-channels.js';
import {
  DELIVER_NOTIFICATION,
  type NotificationDraft,
  notify,
} from '../src/modules/notifications/notify.js';
import { DEVELOPMENT_NOTE_KEY } from '../src/modules/pairs/note-keyring.js';
import { User } from '../src/modules/users/user.js';
import { loadPlugins } from '../src/plugin-host/plugin-registry.js';
import { version } from '../src/version.js';
import { FROM, invitationContent, PUBLIC_URL, person } from './invitation-content.js';
import { type Elapsed, progress, stopwatch } from './progress.js';
import type { RemoteSink } from './remote-sink.js';

/** Notifications per transaction while enqueuing. */
const BATCH = 500;
/** How often the delivery table is counted while the worker runs. */
const POLL_MS = 50;
/** A round that makes no progress for this long is stuck, not slow. */
const STALL_MS = 60_000;

export interface QueueBench {
  /** Inserts `count` invitations with their jobs; resolves with the milliseconds it took. */
  enqueue(round: number, count: number): Promise<number>;
  /** Runs a worker until every delivery is delivered and the sink has them; the time it took. */
  deliver(concurrency: number, count: number): Promise<Elapsed>;
  close(): Promise<void>;
}

/** Opens the ORM, loads the email channel for the sink and creates `count` recipients. */
export async function queueBench(
  databaseUrl: string,
  sink: RemoteSink,
  count: number,
  log: Log,
): Promise<QueueBench> {
  const orm = await openOrm(databaseUrl);
  const plugins = await loadPlugins({
    specifiers: ['@tandem/channel-email'],
    required: ['email'],
    serverVersion: version,
    env: {
      TANDEM_PLUGIN_EMAIL_HOST: sink.host,
      TANDEM_PLUGIN_EMAIL_PORT: String(sink.port),
      TANDEM_PLUGIN_EMAIL_FROM: FROM,
    },
    log,
  });
  await createRecipients(orm, count);
  const deps: TaskDependencies = {
    orm,
    plugins,
    log,
    metrics: createMetrics(),
    settings: {
      sessionIdleTimeoutMs: 3_600_000,
      auditRetentionDays: 730,
      retentionClosedProgrammeDays: 365,
      retentionLeaverDays: 90,
      matchingTimeLimitMs: 60_000,
      publicUrl: PUBLIC_URL,
      channelSecrets: channelSecrets({ secretsDir: DEFAULT_SECRETS_DIR }),
      holidays: holidayCalendar('DE'),
      noteKeyring: { keys: [DEVELOPMENT_NOTE_KEY], development: true },
    },
  };
  return {
    enqueue: (round, n) => enqueue(deps, round, n),
    deliver: (concurrency, n) => deliver(databaseUrl, deps, sink, concurrency, n),
    close: async () => {
      closeTransports();
      await orm.close();
    },
  };
}

async function createRecipients(orm: MikroORM, count: number): Promise<void> {
  for (let start = 0; start < count; start += 1000) {
    const em = orm.em.fork();
    for (let i = start; i < Math.min(start + 1000, count); i++) {
      const { subject, name, email } = person(i);
      em.create(User, { issuer: 'https://idp.bench.example', subject, name, email, locale: 'de' });
    }
    await em.flush();
  }
}

async function enqueue(deps: TaskDependencies, round: number, count: number): Promise<number> {
  const channels = activeChannels(deps.plugins);
  const report = progress('queue: enqueued', count);
  const started = performance.now();
  for (let start = 0; start < count; start += BATCH) {
    const end = Math.min(start + BATCH, count);
    await deps.orm.em.fork().transactional(async (em) => {
      const subjects = Array.from({ length: end - start }, (_, k) => person(start + k).subject);
      const users = await em.find(User, { subject: { $in: subjects } });
      await notify(
        em,
        users.map((user) => draft(user, round)),
        channels,
      );
    });
    report(end);
  }
  return performance.now() - started;
}

/** One invitation per round and person: a new subject each round, so none is skipped. */
function draft(user: User, round: number): NotificationDraft {
  const i = Number(user.subject.slice('bench-'.length));
  return {
    recipient: user,
    subject: `bench:${round}:invitation`,
    kind: 'invitation',
    render: () => invitationContent(i),
  };
}

async function deliver(
  databaseUrl: string,
  deps: TaskDependencies,
  sink: RemoteSink,
  concurrency: number,
  count: number,
): Promise<Elapsed> {
  const expected = sink.report.received + count;
  const elapsed = stopwatch();
  const runner = await startWorker({
    databaseUrl,
    concurrency,
    log: deps.log,
    deps,
    // Only the task measured: no crontab, no other job types.
    taskList: { [DELIVER_NOTIFICATION]: deliverNotificationTask(deps) },
  });
  try {
    await untilDelivered(databaseUrl, sink, expected, count);
    return elapsed();
  } finally {
    await runner.stop();
  }
}

/** Counts deliveries by state until none is left to send and the sink has every message. */
async function untilDelivered(
  databaseUrl: string,
  sink: RemoteSink,
  expected: number,
  count: number,
): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const report = progress('queue: delivered', count);
  let last = { open: -1, at: performance.now() };
  try {
    for (;;) {
      const states = await deliveryStates(client);
      const open = (states.pending ?? 0) + (states['retry-later'] ?? 0);
      report(count - open);
      if (states.failed || states['retry-later'])
        throw new Error(`deliveries not sent: ${JSON.stringify(states)} (see the log above)`);
      if (open === 0 && sink.report.received >= expected) return;
      if (open !== last.open) last = { open, at: performance.now() };
      else if (performance.now() - last.at > STALL_MS)
        throw new Error(`no progress for ${STALL_MS / 1000} s: ${JSON.stringify(states)}`);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  } finally {
    await client.end();
  }
}

async function deliveryStates(client: pg.Client): Promise<Record<string, number>> {
  const { rows } = await client.query<{ state: string; count: string }>(
    'SELECT state, count(*) FROM delivery GROUP BY state',
  );
  return Object.fromEntries(rows.map((row) => [row.state, Number(row.count)]));
}
