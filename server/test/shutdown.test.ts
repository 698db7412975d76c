import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import t from 'tap';
import { buildTestApp } from './helpers/build-test-app.js';
import { createTestDatabase, sql } from './helpers/database.js';

/** A plain HTTP GET on a real socket: what a browser or load balancer would do. */
function get(port: number, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, agent: false }, (res) => {
      let body = '';
      res.on('data', (chunk) => {
        body += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

t.test('close lets a request in flight finish, then refuses new connections', async (t) => {
  let release: () => void = () => {};
  let started: () => void = () => {};
  const requestStarted = new Promise<void>((resolve) => {
    started = resolve;
  });
  const app = await buildTestApp(t, {
    beforeReady: (app) =>
      app.get('/test/slow', { config: { access: 'anonymous' } }, async () => {
        started();
        await new Promise<void>((resolve) => {
          release = resolve;
        });
        return { finished: true };
      }),
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;

  const inFlight = get(port, '/test/slow');
  await requestStarted;
  const closed = app.close();
  await new Promise((resolve) => setTimeout(resolve, 100));
  release();

  t.same(
    await inFlight,
    { status: 200, body: '{"finished":true}' },
    'the request in flight got its answer',
  );
  await closed;
  await t.rejects(
    get(port, '/health/live'),
    { code: 'ECONNREFUSED' },
    'no new connections after close',
  );
  t.notOk(await app.orm.isConnected(), 'the database pool is closed');
});

t.test('close lets a running job finish before the pool closes', async (t) => {
  const databaseUrl = await createTestDatabase(t);
  let jobStarted: () => void = () => {};
  const started = new Promise<void>((resolve) => {
    jobStarted = resolve;
  });
  const app = await buildTestApp(t, {
    databaseUrl,
    env: { WORKER_IN_PROCESS: 'true', WORKER_CONCURRENCY: '1' },
    taskList: {
      'test-slow-job': async (_payload, helpers) => {
        jobStarted();
        await new Promise((resolve) => setTimeout(resolve, 500));
        await helpers.query(
          "INSERT INTO audit_event (at, action) VALUES (now(), 'test.job-finished')",
        );
      },
    },
  });
  await app.worker?.addJob('test-slow-job', {});
  await started;
  await app.close();

  const rows = await sql(
    databaseUrl,
    "SELECT 1 FROM audit_event WHERE action = 'test.job-finished'",
  );
  t.equal(rows.length, 1, 'the job wrote its result during shutdown');
  const jobs = await sql(databaseUrl, 'SELECT 1 FROM graphile_worker._private_jobs');
  t.equal(jobs.length, 0, 'and was marked complete, so it will not run twice');
});
