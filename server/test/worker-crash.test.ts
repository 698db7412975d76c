import { type ReceivedMail, startSmtpSink } from '@tandem/plugin-testkit/smtp-sink';
import { pino } from 'pino';
import t, { type Test } from 'tap';
import { openOrm } from '../src/db/orm.js';
import { PoolLiveness } from '../src/jobs/worker-liveness.js';
import { notify } from '../src/modules/notifications/notify.js';
import { User } from '../src/modules/users/user.js';
import { createTestDatabase, sql } from './helpers/database.js';
import { FROM } from './helpers/proposed-pairs.js';
import { spawnTandem } from './helpers/tandem-process.js';

const PEOPLE = 250;
const MESSAGES = ['Welcome to Tandem', 'Your programme starts'];
const DELIVERIES = PEOPLE * MESSAGES.length;
/** Far enough that the worker is killed mid-run, with most messages still to go. */
const KILL_AFTER = 150;

/** PEOPLE people with an email address, each notified of every message: one email each. */
async function enqueueDeliveries(url: string): Promise<void> {
  const orm = await openOrm(url);
  try {
    const em = orm.em.fork();
    const people = Array.from({ length: PEOPLE }, (_, i) =>
      em.create(User, {
        issuer: 'https://idp.test',
        subject: `person-${i}`,
        name: `Person ${i}`,
        email: `person-${i}@agency.example`,
        locale: 'en',
      }),
    );
    await em.flush();
    // notify() writes one notification after the other; ten at once keep the test short.
    const chunks = Array.from({ length: 10 }, (_, c) => people.filter((_, i) => i % 10 === c));
    await Promise.all(chunks.map((chunk) => notify(em.fork(), drafts(chunk), new Set(['email']))));
  } finally {
    await orm.close();
  }
}

function drafts(people: User[]) {
  return people.flatMap((recipient) =>
    MESSAGES.map((title) => ({
      recipient,
      subject: title,
      kind: 'notice' as const,
      render: () => ({ title, text: `${title}, ${recipient.name}.` }),
    })),
  );
}

function startWorker(t: Test, url: string, sink: { host: string; port: number }) {
  return spawnTandem(t, ['worker'], {
    DATABASE_URL: url,
    WORKER_CONCURRENCY: '10',
    PUBLIC_URL: 'https://tandem.agency.example',
    TANDEM_PLUGIN_EMAIL_HOST: sink.host,
    TANDEM_PLUGIN_EMAIL_PORT: String(sink.port),
    TANDEM_PLUGIN_EMAIL_FROM: FROM,
  });
}

/** The deliveries whose jobs are locked right now: those a killed worker had in hand. */
async function lockedDeliveries(url: string) {
  return sql<{ owner: string; delivery: string; address: string; title: string }>(
    url,
    `SELECT j.locked_by AS owner, d.id AS delivery, u.email AS address, n.title
       FROM graphile_worker._private_jobs j
       JOIN delivery d ON d.id = (j.payload->>'deliveryId')::uuid
       JOIN notification n ON n.id = d.notification_id
       JOIN app_user u ON u.id = n.recipient_id
      WHERE j.locked_by IS NOT NULL`,
  );
}

async function deliveredCount(url: string): Promise<number> {
  const [row] = await sql<{ n: number }>(
    url,
    "SELECT count(*)::int AS n FROM delivery WHERE state = 'delivered'",
  );
  return row?.n ?? 0;
}

/** Polls until every delivery is delivered, or fails after `timeoutMs`. */
async function allDelivered(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await deliveredCount(url)) < DELIVERIES) {
    if (Date.now() > deadline)
      throw new Error(`only ${await deliveredCount(url)} of ${DELIVERIES} delivered`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const messageKey = (to: string, subject: string) => `${to} ${subject}`;

/** The messages by recipient and subject: one entry per delivery, every copy in it. */
function byDelivery(messages: ReceivedMail[]): Map<string, ReceivedMail[]> {
  const groups = new Map<string, ReceivedMail[]>();
  for (const message of messages) {
    const key = messageKey(message.envelope.to.join(','), message.subject);
    groups.set(key, [...(groups.get(key) ?? []), message]);
  }
  return groups;
}

t.test('a worker killed mid-run: after a restart each message reaches everyone once', async (t) => {
  const url = await createTestDatabase(t);
  const sink = await startSmtpSink();
  t.teardown(() => sink.close());
  const started = Date.now();
  await enqueueDeliveries(url);
  t.comment(`${DELIVERIES} deliveries queued in ${Date.now() - started} ms`);

  const first = startWorker(t, url, sink);
  await sink.waitFor(KILL_AFTER, 120_000);
  // Not in the instant the sink records a message: that would kill the worker before the sink
  // even answered 250, the worst case rather than a random moment.
  await new Promise((resolve) => setTimeout(resolve, 30));
  first.child.kill('SIGKILL');
  await first.exit;
  const inFlight = await lockedDeliveries(url);
  const receivedAtKill = sink.messages.length;
  t.ok(receivedAtKill < DELIVERIES, `killed after ${receivedAtKill} of ${DELIVERIES} messages`);
  t.ok(inFlight.length > 0, `the killed worker left ${inFlight.length} jobs locked`);

  const restartedAt = Date.now();
  const second = startWorker(t, url, sink);
  await second.waitFor(/unlocked the jobs of worker processes that died/, 60_000);
  const recoveredMs = Date.now() - restartedAt;
  await allDelivered(url, 120_000);
  t.comment(
    `restart to recovery ${recoveredMs} ms, to all delivered ${Date.now() - restartedAt} ms`,
  );
  // The sink records a message before it answers 250; wait a moment for any straggler.
  await new Promise((resolve) => setTimeout(resolve, 500));

  const groups = byDelivery(sink.messages);
  t.equal(groups.size, DELIVERIES, 'every recipient got every message');
  const ids = [...groups.values()].map((copies) => new Set(copies.map((m) => m.messageId)));
  t.ok(
    ids.every((set) => set.size === 1),
    'one Message-ID per delivery: a mail client shows each message once',
  );
  t.equal(new Set(sink.messages.map((m) => m.messageId)).size, DELIVERIES, 'no Message-ID shared');

  // SMTP cannot be made transactional: a worker killed after the server accepted a message but
  // before the channel recorded it sends that message again on the re-run, under the same
  // Message-ID. Only messages in hand at the kill can repeat; the count is reported, not hidden.
  const repeated = [...groups].filter(([, copies]) => copies.length > 1).map(([key]) => key);
  const inHand = new Set(inFlight.map((row) => messageKey(row.address, row.title)));
  t.comment(
    `raw duplicates: ${sink.messages.length - DELIVERIES} (${repeated.length} deliveries of ${inFlight.length} in hand at the kill)`,
  );
  t.same(
    repeated.filter((key) => !inHand.has(key)),
    [],
    'only a message the killed worker had in hand can arrive twice',
  );
  t.equal(await deliveredCount(url), DELIVERIES, 'the ledger shows every delivery delivered');
  t.same(
    await sql(
      url,
      "SELECT id FROM graphile_worker.jobs WHERE task_identifier = 'deliver-notification'",
    ),
    [],
    'no delivery job left, locked or not',
  );

  second.child.kill('SIGTERM');
  t.equal((await second.exit).code, 0, 'the second worker stops cleanly');
});

t.test('the jobs of a dead pool are unlocked; a live pool keeps its jobs', async (t) => {
  const url = await createTestDatabase(t);
  const log = pino({ level: 'silent' });
  const liveness = () => new PoolLiveness({ databaseUrl: url, log, sweepEveryMs: 3_600_000 });
  const live = liveness();
  const sweeper = liveness();
  t.teardown(async () => {
    await live.stop();
    await sweeper.stop();
  });
  for (const owner of ['pool-dead', 'pool-live', 'pool-sweeper']) {
    await sql(url, "SELECT graphile_worker.add_job('deliver-notification', '{}', job_key => $1)", [
      owner,
    ]);
    await sql(
      url,
      'UPDATE graphile_worker._private_jobs SET locked_by = $1, locked_at = now() WHERE key = $1',
      [owner],
    );
  }
  const lockedBy = async () =>
    (
      await sql<{ key: string; locked_by: string | null }>(
        url,
        'SELECT key, locked_by FROM graphile_worker._private_jobs ORDER BY key',
      )
    ).map((row) => `${row.key}:${row.locked_by ?? 'unlocked'}`);

  await live.hold('pool-live');
  await sweeper.hold('pool-sweeper');
  t.same(await sweeper.sweep(), ['pool-dead'], 'dead on two sweeps in a row: unlocked');
  t.same(await live.sweep(), [], 'the sweeper, not yet holding its lock at first, is spared');
  t.same(await lockedBy(), [
    'pool-dead:unlocked',
    'pool-live:pool-live',
    'pool-sweeper:pool-sweeper',
  ]);

  const before = await livenessSession(url, 'pool-live');
  await sql(url, 'SELECT pg_terminate_backend($1)', [before]);
  await waitUntil(
    async () => ![undefined, before].includes(await livenessSession(url, 'pool-live')),
  );
  t.same(await sweeper.sweep(), [], 'a pool that lost its connection took its lock again');
  t.same(await sweeper.sweep(), []);

  await live.stop();
  t.same(await sweeper.sweep(), [], 'a pool just gone is only a suspect');
  t.same(await sweeper.sweep(), ['pool-live'], 'and dead on the next sweep');
  t.same(await lockedBy(), [
    'pool-dead:unlocked',
    'pool-live:unlocked',
    'pool-sweeper:pool-sweeper',
  ]);
});

/** The backend of the session holding the pool's liveness lock, if one does. */
async function livenessSession(url: string, poolId: string): Promise<number | undefined> {
  const [row] = await sql<{ pid: number }>(
    url,
    `SELECT a.pid FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
      WHERE l.locktype = 'advisory' AND l.granted AND a.application_name = $1`,
    [`tandem worker ${poolId}`],
  );
  return row?.pid;
}

async function waitUntil(condition: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the condition did not come true within 5 s');
}
