/**
 * Two `tandem start` processes and one `tandem worker` on one database, as an operator scales
 * out: a live event reaches a person's tabs on both web processes, and a queued job is
 * processed once, by the worker alone.
 */
import { startSmtpSink } from '@tandem/plugin-testkit/smtp-sink';
import t, { type Test } from 'tap';
import { buildTestApp } from '../../server/test/helpers/build-test-app.js';
import { createTestDatabase, sql } from '../../server/test/helpers/database.js';
import { FROM, proposedPairs } from '../../server/test/helpers/proposed-pairs.js';
import { sessionFor, signedInAs } from '../../server/test/helpers/sessions.js';
import { freePort, spawnTandem } from '../../server/test/helpers/tandem-process.js';
import { connectLive, cookieHeader } from './helpers/live-client.js';

t.setTimeout(120_000);

const PUBLIC_URL = 'http://tandem.localhost:8080';
const ORIGIN = new URL(PUBLIC_URL).origin;

async function startWeb(t: Test, env: Record<string, string>): Promise<number> {
  const port = await freePort();
  const web = spawnTandem(t, ['start'], {
    ...env,
    PORT: String(port),
    HOST: '127.0.0.1',
    WORKER_IN_PROCESS: 'false',
    MANAGEMENT_PORT: 'off',
  });
  await web.waitFor(/Tandem is ready at/, 90_000);
  return port;
}

t.test('two web processes and a worker share events and jobs', async (t) => {
  const databaseUrl = await createTestDatabase(t);
  const sink = await startSmtpSink();
  t.teardown(() => sink.close());
  const env = {
    DATABASE_URL: databaseUrl,
    PUBLIC_URL,
    TANDEM_PLUGIN_EMAIL_HOST: sink.host,
    TANDEM_PLUGIN_EMAIL_PORT: String(sink.port),
    TANDEM_PLUGIN_EMAIL_FROM: FROM,
  };
  // The test's own app only seeds the database and starts sessions; it serves nothing.
  const app = await buildTestApp(t, { databaseUrl, env: { PUBLIC_URL } });
  const { people } = await proposedPairs(app, 1);
  const [mentor, mentee] = people;
  if (!mentor || !mentee) throw new Error('the fixture made no pair');
  await sql(databaseUrl, "UPDATE match SET state = 'published', published_at = now()");
  const admin = await signedInAs(app, { subject: 'admin', name: 'Hanna Admin', roles: ['admin'] });
  const menteeCookie = cookieHeader((await sessionFor(app, mentee.user.id)).cookies);

  const started = Date.now();
  const worker = spawnTandem(t, ['worker'], { ...env, MANAGEMENT_PORT: 'off' });
  const [portA, portB] = await Promise.all([startWeb(t, env), startWeb(t, env)]);
  await worker.waitFor(/Worker connected and looking for jobs/, 90_000);
  t.comment(`two web processes and a worker started in ${Date.now() - started} ms`);

  const tabOnA = await connectLive(portA, menteeCookie, ORIGIN);
  const tabOnB = await connectLive(portB, menteeCookie, ORIGIN);

  const dissolved = await fetch(
    `http://127.0.0.1:${portA}/api/admin/matches/${mentee.match.id}/dissolve`,
    {
      method: 'POST',
      headers: {
        cookie: cookieHeader(admin.cookies),
        'content-type': 'application/json',
        origin: ORIGIN,
      },
      body: JSON.stringify({ reason: 'Passt nicht' }),
    },
  );
  t.equal(dissolved.status, 204, 'the admin dissolves the pair through web process A');

  const isInbox = (event: { type: string }) => event.type === 'inbox';
  t.same(
    await Promise.all([tabOnA.next(isInbox), tabOnB.next(isInbox)]),
    [{ type: 'inbox' }, { type: 'inbox' }],
    "the mentee's tabs on A and on B both get the same inbox event",
  );

  // Each member gets one email, sent by the worker's job; a second run would send another.
  const mails = await sink.waitFor(2, 30_000);
  t.same(
    mails.map((mail) => mail.envelope.to).sort(),
    [[mentee.user.email], [mentor.user.email]].sort(),
    'each member gets one email',
  );
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  t.equal(sink.messages.length, 2, 'no email is sent twice');
  const deliveries = await sql<{ state: string; attempts: number }>(
    databaseUrl,
    "SELECT state, attempts FROM delivery WHERE channel = 'email'",
  );
  t.same(
    deliveries,
    [
      { state: 'delivered', attempts: 1 },
      { state: 'delivered', attempts: 1 },
    ],
    'each delivery job ran once',
  );
  const [queue] = await sql<{ n: number }>(
    databaseUrl,
    'SELECT count(*)::int AS n FROM graphile_worker._private_jobs',
  );
  t.equal(queue?.n, 0, 'no job is left in the queue');
  t.equal(tabOnA.events.filter(isInbox).length, 1, 'tab A got the event once');
  t.equal(tabOnB.events.filter(isInbox).length, 1, 'tab B got the event once');
  tabOnA.socket.close();
  tabOnB.socket.close();
});
