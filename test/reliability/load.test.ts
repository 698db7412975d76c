/**
 * Load on the participant's overview (the home page of a signed-in person asks for their
 * programmes and their pairs at once): every request answered 2xx, none failed. The figures are
 * printed for the record, never asserted: `pnpm bench http` is where throughput is compared.
 */
import type { AddressInfo } from 'node:net';
import autocannon from 'autocannon';
import t from 'tap';
import { authorizationWorld } from '../../server/test/helpers/authorization-world.js';
import { buildTestApp } from '../../server/test/helpers/build-test-app.js';
import { sessionFor } from '../../server/test/helpers/sessions.js';
import { cookieHeader } from './helpers/live-client.js';

t.setTimeout(90_000);

const OVERVIEW = ['/api/programmes', '/api/pairs'];

/**
 * Waits until requests still running when autocannon stopped (it drops their connections) are
 * done with the database. Closing the pool under them would leave its acquire timers (60 s)
 * holding this process open long after the test.
 */
async function poolSettled(app: Awaited<ReturnType<typeof buildTestApp>>): Promise<void> {
  const pool = app.orm.em.getConnection().getKnex().client.pool as {
    numUsed(): number;
    numPendingAcquires(): number;
  };
  while (pool.numUsed() + pool.numPendingAcquires() > 0)
    await new Promise((resolve) => setTimeout(resolve, 50));
}

t.test('the participant overview under load answers every request', async (t) => {
  const app = await buildTestApp(t);
  // A participant in four programmes, each with a published pair, its plan, notes and meetings.
  const world = await authorizationWorld(app);
  const cookie = cookieHeader((await sessionFor(app, world.userIds.owner)).cookies);
  for (const url of OVERVIEW) {
    const answer = await app.inject({ url, headers: { cookie } });
    t.equal(answer.statusCode, 200, `${url} answers the participant`);
    t.ok(answer.json<unknown[]>().length >= 4, `${url} lists all four programmes' entries`);
  }
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;

  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: 10,
    duration: 5,
    headers: { cookie },
    requests: OVERVIEW.map((path) => ({ method: 'GET', path })),
  });
  await poolSettled(app);
  const { latency, requests } = result;
  t.comment(
    `overview load (${OVERVIEW.join(' + ')}, 10 connections, ${result.duration} s): ` +
      `${requests.total} requests, ${requests.average} req/s, p50 ${latency.p50} ms, ` +
      `p99 ${latency.p99} ms, errors ${result.errors}, timeouts ${result.timeouts}, non-2xx ${result.non2xx}`,
  );
  t.ok(result['2xx'] > 0, 'requests were answered');
  t.equal(result.errors, 0, 'no connection errors or timeouts');
  t.equal(result.non2xx, 0, 'every answer is 2xx');
});
