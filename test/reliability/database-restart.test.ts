/**
 * PostgreSQL restarted under light load: Tandem reports not-ready while the database is away,
 * answers every request with a clean JSON error meanwhile, and serves again once it is back,
 * without being restarted. The database is an embedded PostgreSQL of this test's own, never the
 * server the other tests share.
 */
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import t from 'tap';
import { startEmbeddedPostgres } from '../../server/src/db/embedded-postgres.js';
import { migrate } from '../../server/src/db/migrate.js';
import { buildTestApp } from '../../server/test/helpers/build-test-app.js';
import { signedInAs } from '../../server/test/helpers/sessions.js';
import { cookieHeader } from './helpers/live-client.js';
import { tcpProxy } from './helpers/tcp-proxy.js';

t.setTimeout(150_000);

const log = pino({ level: 'silent' });
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Answer {
  path: string;
  status: number;
  contentType: string;
  body: string;
}

/** What no answer may show: a stack frame, a file path, SQL. */
const INTERNAL =
  /\bat \S+ \(|node:internal|\/work\/|node_modules|\.ts:\d|\bselect\b|\binsert into\b|\bfrom "|relation "|knex|mikro-?orm/i;
/**
 * What a participant's answer may not show either: the driver's words. The readiness probe may:
 * its reason is for the operator who runs the monitoring.
 */
const DRIVER = /ECONN|Connection terminated|Connection ended|pg_|postgres/i;

const portOf = (url: string) => Number(new URL(url).port);

t.test('a database restart under load: not ready, clean errors, then ready again', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'tandem-restart-pg-'));
  await chmod(dir, 0o755); // reachable for the postgres user when the tests run as root
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  let postgres = await startEmbeddedPostgres(dir, log);
  t.teardown(() => postgres.stop());
  await migrate(postgres.url, log);
  const proxy = await tcpProxy(t, portOf(postgres.url));
  const databaseUrl = new URL(postgres.url);
  databaseUrl.port = String(proxy.port);

  const app = await buildTestApp(t, { databaseUrl: databaseUrl.toString() });
  const person = await signedInAs(app, { subject: 'lena', name: 'Lena' });
  const cookie = cookieHeader(person.cookies);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const call = async (path: string, headers: Record<string, string> = { cookie }) => {
    const response = await fetch(`${base}${path}`, { headers });
    const contentType = response.headers.get('content-type') ?? '';
    const answer: Answer = {
      path,
      status: response.status,
      contentType,
      body: await response.text(),
    };
    return answer;
  };

  // Light load: a participant's overview and the readiness probe, over and over.
  const answers: Answer[] = [];
  let running = true;
  const load = (async () => {
    while (running) {
      answers.push(
        ...(await Promise.all(
          ['/api/programmes', '/api/pairs', '/api/me'].map((path) => call(path)),
        )),
      );
      await pause(50);
    }
  })();
  const readyIs = async (status: number, timeoutMs: number) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      // As the monitoring system asks: without a session.
      const answer = await call('/health/ready', {});
      answers.push(answer);
      if (answer.status === status) return true;
      if (Date.now() > deadline) return false;
      await pause(200);
    }
  };

  t.ok(await readyIs(200, 10_000), 'ready before the restart');
  await pause(500);
  const before = answers.length;
  const stopped = Date.now();
  proxy.target = undefined;
  await postgres.stop();
  t.ok(await readyIs(503, 15_000), '/health/ready answers 503 while PostgreSQL is down');
  await pause(2_000);
  const down = answers.slice(before);

  postgres = await startEmbeddedPostgres(dir, log);
  proxy.target = portOf(postgres.url);
  t.ok(await readyIs(200, 30_000), '/health/ready answers 200 again, the process never restarted');
  t.comment(`database away and back: ready again ${Date.now() - stopped} ms after the stop`);
  const after = await call('/api/programmes');
  running = false;
  await load;
  t.equal(after.status, 200, 'the participant overview is served again');

  const failed = down.filter((answer) => answer.status >= 400);
  t.ok(failed.length > 0, 'requests did fail during the outage');
  t.comment(
    `${down.length} answers during the outage: ` +
      [...new Set(down.map((a) => `${a.path} ${a.status}`))].sort().join(', '),
  );
  const unclean = answers.filter(
    (answer) =>
      answer.status >= 400 &&
      (!answer.contentType.startsWith('application/json') ||
        INTERNAL.test(answer.body) ||
        (answer.path.startsWith('/api/') && DRIVER.test(answer.body))),
  );
  t.same(unclean, [], 'every error is JSON and names nothing internal');
});
