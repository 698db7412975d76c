import { spawnSync } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import t, { type Test } from 'tap';
import WebSocket from 'ws';
import { realClock } from '../src/clock.js';
import { ManagementServer, servingProbe } from '../src/management/management-server.js';
import { createMetrics, type Metrics } from '../src/metrics/metrics.js';
import { executeMatchingRun } from '../src/modules/matching/execute-matching-run.js';
import { MatchingRun } from '../src/modules/matching/matching-run.js';
import { Delivery } from '../src/modules/notifications/delivery.js';
import { Notification } from '../src/modules/notifications/notification.js';
import { Programme } from '../src/modules/programmes/programme.js';
import { buildTestApp } from './helpers/build-test-app.js';
import { createTestDatabase, sql } from './helpers/database.js';
import { signedInAs } from './helpers/sessions.js';
import { freePort, spawnTandem } from './helpers/tandem-process.js';

const PUBLIC_URL = 'http://tandem.localhost:8080';

/** The samples of a Prometheus text exposition: name, labels and value of each line. */
function parseExposition(text: string) {
  const samples: { name: string; labels: Record<string, string>; value: number }[] = [];
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match) continue;
    const labels: Record<string, string> = {};
    for (const [, key, value] of (match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g))
      labels[key as string] = value as string;
    samples.push({ name: match[1] as string, labels, value: Number(match[3]) });
  }
  return samples;
}

/** The value of the sample with this name and (at least) these labels; undefined if none. */
function sampled(text: string, name: string, labels: Record<string, string> = {}) {
  return parseExposition(text).find(
    (s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v),
  )?.value;
}

async function managementFor(t: Test, app: FastifyInstance, metrics: Metrics) {
  const management = new ManagementServer({ metrics, log: app.log });
  t.teardown(() => management.close());
  return management;
}

/** Debian's promtool (package prometheus; .ci/run installs it). */
const PROMTOOL = process.env.PROMTOOL_PATH ?? 'promtool';

/** `promtool check metrics` on an exposition: its exit status and all it printed. */
function promtoolCheck(text: string) {
  const check = spawnSync(PROMTOOL, ['check', 'metrics'], { input: text, encoding: 'utf8' });
  if (check.error) throw check.error;
  return { status: check.status, output: `${check.stdout}${check.stderr}` };
}

async function scrape(management: ManagementServer): Promise<string> {
  const response = await management.app.inject({ url: '/metrics' });
  if (response.statusCode !== 200) throw new Error(`scrape answered ${response.statusCode}`);
  return response.body;
}

t.test('the management server counts requests, jobs, deliveries, runs and sockets', async (t) => {
  const metrics = createMetrics();
  const databaseUrl = await createTestDatabase(t);
  const app = await buildTestApp(t, { databaseUrl, metrics, env: { PUBLIC_URL } });
  const management = await managementFor(t, app, metrics);
  management.serving(servingProbe(app.orm, app.plugins));

  t.equal((await app.inject({ url: '/api/me' })).statusCode, 401);
  t.equal((await app.inject({ url: '/api/me' })).statusCode, 401);
  await app.inject({ url: '/health/live' });
  await app.inject({ url: `/api/admin/programmes/${crypto.randomUUID()}/report?x=1` });

  await sql(databaseUrl, "SELECT graphile_worker.add_job('meeting-reminder', '{}')");
  await sql(databaseUrl, "SELECT graphile_worker.add_job('meeting-reminder', '{}')");
  await sql(
    databaseUrl,
    "SELECT graphile_worker.add_job('flag-stale-pairs', '{}', run_at => now() + interval '1 day')",
  );
  await sql(
    databaseUrl,
    "SELECT graphile_worker.add_job('rematch', '{}', max_attempts => 1, job_key => 'gave-up')",
  );
  await sql(
    databaseUrl,
    "UPDATE graphile_worker._private_jobs SET attempts = 1 WHERE key = 'gave-up'",
  );

  const admin = await signedInAs(app, { subject: 'hr', name: 'HR', roles: ['admin'] });
  const em = app.orm.em.fork();
  const programme = em.create(Programme, {
    name: 'Digital fit',
    kind: 'reverse-mentoring',
    state: 'matching',
    curriculum: 'half-year',
    matchingStrategy: 'nobody-has-this',
    settings: { menteesPerMentor: 1, maxTandems: 10, languages: ['de'] },
  });
  for (const state of ['delivered', 'delivered', 'failed'] as const) {
    const notification = em.create(Notification, {
      recipient: admin.userId,
      subject: `test:${crypto.randomUUID()}`,
      kind: 'invitation',
      title: 'Einladung',
      text: 'Ihr erstes Treffen',
    });
    em.create(Delivery, { notification, channel: 'email', state, attempts: 1 });
  }
  const run = em.create(MatchingRun, { programme, strategy: 'nobody-has-this', seed: 1 });
  await em.flush();
  await executeMatchingRun(
    {
      orm: app.orm,
      plugins: app.plugins,
      log: app.log,
      timeLimitMs: 1000,
      metrics,
      now: realClock,
    },
    run.id,
  );

  await app.listen({ port: 0, host: '127.0.0.1' });
  const port = (app.server.address() as AddressInfo).port;
  const socket = new WebSocket(`ws://127.0.0.1:${port}/ws`, {
    headers: {
      cookie: Object.entries(admin.cookies)
        .map(([name, value]) => `${name}=${value}`)
        .join('; '),
      origin: new URL(PUBLIC_URL).origin,
    },
  });
  await new Promise((resolve) => socket.once('message', resolve));

  const text = await scrape(management);
  const duration = 'tandem_http_request_duration_seconds_count';
  t.equal(sampled(text, duration, { method: 'GET', route: '/api/me', status_class: '4xx' }), 2);
  t.equal(sampled(text, duration, { route: '/health/live', status_class: '2xx' }), 1);
  t.equal(
    sampled(text, duration, { route: '/api/admin/programmes/:id/report' }),
    1,
    'the route pattern, not the URL',
  );
  t.notOk(
    parseExposition(text).some(
      (s) => s.labels.route?.includes('?') || /[0-9a-f]{8}-/.test(s.labels.route ?? ''),
    ),
    'no raw URL in any label',
  );
  t.equal(sampled(text, 'tandem_jobs_queued', { task: 'meeting-reminder' }), 2);
  t.equal(sampled(text, 'tandem_jobs_scheduled', { task: 'flag-stale-pairs' }), 1);
  t.equal(sampled(text, 'tandem_jobs_queued', { task: 'flag-stale-pairs' }), 0);
  t.equal(sampled(text, 'tandem_jobs_permanently_failed', { task: 'rematch' }), 1);
  t.equal(sampled(text, 'tandem_deliveries', { channel: 'email', state: 'delivered' }), 2);
  t.equal(sampled(text, 'tandem_deliveries', { channel: 'email', state: 'failed' }), 1);
  t.equal(sampled(text, 'tandem_deliveries', { channel: 'email', state: 'pending' }), 0);
  t.equal(sampled(text, 'tandem_matching_run_duration_seconds_count', { outcome: 'failed' }), 1);
  t.equal(sampled(text, 'tandem_websocket_connections'), 1);
  t.ok(sampled(text, 'process_resident_memory_bytes'), 'default process metrics too');
  t.same(promtoolCheck(text), { status: 0, output: '' }, 'promtool check metrics: no problem');

  const closed = new Promise((resolve) => socket.once('close', resolve));
  socket.close();
  await closed;
  // The hub forgets the socket when the server sees the close, just after the client does.
  let open = sampled(await scrape(management), 'tandem_websocket_connections');
  for (let tries = 0; open !== 0 && tries < 50; tries++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    open = sampled(await scrape(management), 'tandem_websocket_connections');
  }
  t.equal(open, 0, 'a closed socket is no longer counted');

  t.equal((await app.inject({ url: '/metrics' })).statusCode, 404, 'no metrics on the public port');
});

t.test('the management readiness follows the process: starting, serving, draining', async (t) => {
  const metrics = createMetrics();
  const app = await buildTestApp(t, { metrics });
  const management = await managementFor(t, app, metrics);
  const ready = () => management.app.inject({ url: '/health/ready' });

  t.match(await ready(), { statusCode: 503 });
  t.same((await ready()).json(), { status: 'not-ready', phase: 'starting' });
  t.equal((await management.app.inject({ url: '/health/live' })).statusCode, 200);

  management.serving(servingProbe(app.orm, app.plugins));
  const serving = await ready();
  t.equal(serving.statusCode, 200);
  t.match(serving.json(), {
    status: 'ready',
    phase: 'serving',
    checks: { database: { ok: true }, migrations: { ok: true } },
  });

  management.draining();
  t.equal((await ready()).statusCode, 503, 'not ready while draining, though the database is fine');
  t.same((await ready()).json(), { status: 'not-ready', phase: 'draining' });
});

t.test('tandem start serves metrics and probes on the management port only', async (t) => {
  const url = await createTestDatabase(t);
  const [port, managementPort] = [await freePort(), await freePort()];
  const tandem = spawnTandem(t, ['start'], {
    DATABASE_URL: url,
    HOST: '127.0.0.1',
    PORT: String(port),
    MANAGEMENT_HOST: '127.0.0.1',
    MANAGEMENT_PORT: String(managementPort),
  });
  await tandem.waitFor(/Tandem is ready at/);
  const management = `http://127.0.0.1:${managementPort}`;

  await fetch(`http://127.0.0.1:${port}/api/me`);
  const ready = await fetch(`${management}/health/ready`);
  t.equal(ready.status, 200);
  t.match(await ready.json(), { status: 'ready', phase: 'serving' });
  const text = await (await fetch(`${management}/metrics`)).text();
  t.equal(
    sampled(text, 'tandem_http_request_duration_seconds_count', { route: '/api/me' }),
    1,
    'the public server’s requests are counted',
  );
  t.equal((await fetch(`http://127.0.0.1:${port}/metrics`)).status, 404);

  tandem.child.kill('SIGTERM');
  t.equal((await tandem.exit).code, 0);
});

t.test('a management port in use stops tandem worker with one clear line', async (t) => {
  const url = await createTestDatabase(t);
  const blocker = await buildTestApp(t, { databaseUrl: url });
  await blocker.listen({ port: 0, host: '127.0.0.1' });
  const taken = (blocker.server.address() as AddressInfo).port;
  const tandem = spawnTandem(t, ['worker'], {
    DATABASE_URL: url,
    MANAGEMENT_HOST: '127.0.0.1',
    MANAGEMENT_PORT: String(taken),
  });
  const { code } = await tandem.exit;
  t.not(code, 0);
  t.match(
    tandem.stderr(),
    `tandem: Management port ${taken} on 127.0.0.1 is already in use; set MANAGEMENT_PORT to a free one, or to off.`,
  );
});

t.test('a fresh server’s /metrics passes promtool and reports 0 jobs and deliveries', async (t) => {
  const metrics = createMetrics();
  const app = await buildTestApp(t, { databaseUrl: await createTestDatabase(t), metrics });
  const management = await managementFor(t, app, metrics);
  await app.inject({ url: '/health/live' });
  const text = await scrape(management);

  t.same(promtoolCheck(text), { status: 0, output: '' }, 'promtool check metrics: no problem');

  for (const gauge of [
    'tandem_jobs_queued',
    'tandem_jobs_scheduled',
    'tandem_jobs_permanently_failed',
  ])
    t.equal(sampled(text, gauge, { task: 'deliver-notification' }), 0, `${gauge} before any job`);
  // The webhook channel is a built-in active without settings.
  for (const state of ['pending', 'delivered', 'retry-later', 'failed'])
    t.equal(sampled(text, 'tandem_deliveries', { channel: 'webhook', state }), 0, state);
});
