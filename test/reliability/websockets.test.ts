/**
 * 1,000 signed-in people with a live connection to one Tandem process: every one gets an event
 * published to all of them. Clients and server share this process (about 2,000 sockets; .ci/run
 * raises the file limit to 4,096 where it is lower). Times are printed, never asserted.
 */
import type { AddressInfo } from 'node:net';
import t from 'tap';
import { Session } from '../../server/src/auth/session.js';
import { newToken, tokenId } from '../../server/src/auth/tokens.js';
import { User } from '../../server/src/modules/users/user.js';
import { publishEvent } from '../../server/src/realtime/publish-event.js';
import type {} from '../../server/src/realtime/realtime-plugin.js';
import { buildTestApp } from '../../server/test/helpers/build-test-app.js';
import { connectLive, type LiveClient } from './helpers/live-client.js';

t.setTimeout(120_000);

const CLIENTS = 1_000;
/** Upgrades in flight at once, as many browsers reconnecting after a deploy would be. */
const AT_ONCE = 100;
const PUBLIC_URL = 'http://tandem.localhost:8080';

/** CLIENTS people, each with a session, written in one flush. Returns their ids and cookies. */
async function people(app: Awaited<ReturnType<typeof buildTestApp>>) {
  const em = app.orm.em.fork();
  const now = new Date();
  const expiresAt = new Date(now.getTime() + 3_600_000);
  const signedIn = Array.from({ length: CLIENTS }, (_, i) => {
    const user = em.create(User, {
      issuer: 'https://idp.test',
      subject: `person-${i}`,
      name: `Person ${i}`,
      roles: [],
    });
    const token = newToken();
    em.create(Session, { id: tokenId(token), user, lastSeenAt: now, expiresAt });
    return { user, cookie: `${app.cookieNames.session}=${token}` };
  });
  await em.flush(); // ids are given by the database
  return signedIn.map(({ user, cookie }) => ({ userId: user.id, cookie }));
}

t.test('an event published to 1,000 connected people reaches every one', async (t) => {
  const app = await buildTestApp(t, { env: { PUBLIC_URL } });
  const signedIn = await people(app);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  const origin = new URL(PUBLIC_URL).origin;

  const started = Date.now();
  const clients: LiveClient[] = [];
  for (let i = 0; i < CLIENTS; i += AT_ONCE) {
    const batch = signedIn.slice(i, i + AT_ONCE);
    clients.push(...(await Promise.all(batch.map((p) => connectLive(port, p.cookie, origin)))));
  }
  const connectMs = Date.now() - started;
  t.teardown(() => {
    for (const client of clients) client.socket.terminate();
  });
  t.equal(app.realtime.connections, CLIENTS, 'the server counts every connection');

  const published = Date.now();
  await publishEvent(
    app.orm.em.fork(),
    signedIn.map((p) => p.userId),
    { type: 'announcement', data: { text: 'Wartung heute um 18 Uhr' } },
  );
  const received = await Promise.all(
    clients.map((client) => client.next((event) => event.type === 'announcement', 60_000)),
  );
  const fanOutMs = Date.now() - published;
  t.comment(
    `${CLIENTS} WebSocket clients connected in ${connectMs} ms (${AT_ONCE} at a time); ` +
      `one event reached all of them in ${fanOutMs} ms`,
  );
  t.equal(received.length, CLIENTS, 'every client got the event');
  t.ok(
    received.every((event) => event.data?.text === 'Wartung heute um 18 Uhr'),
    'with its content',
  );
});
