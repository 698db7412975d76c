import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { connect as connectTcp, type Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';
import t from 'tap';
import WebSocket from 'ws';
import { Programme } from '../src/modules/programmes/programme.js';
import { publishEvent, type RealtimeEvent } from '../src/realtime/publish-event.js';
import type {} from '../src/realtime/realtime-plugin.js';
import { buildTestApp } from './helpers/build-test-app.js';
import { createTestDatabase, sql } from './helpers/database.js';
import { strategySource, writePluginFolder } from './helpers/plugin-folder.js';
import { signedInAs } from './helpers/sessions.js';

const PUBLIC_URL = 'http://tandem.localhost:8080';
const ORIGIN = new URL(PUBLIC_URL).origin;
const env = { PUBLIC_URL };

/** A browser tab's live connection: every event it received, in order. */
interface Client {
  socket: WebSocket;
  events: RealtimeEvent[];
  /** Resolves with the first event after the first `skip` ones that matches, waiting for it. */
  next(predicate?: (event: RealtimeEvent) => boolean, skip?: number): Promise<RealtimeEvent>;
  closed: Promise<{ code: number }>;
}

async function listening(app: FastifyInstance): Promise<number> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  return (app.server.address() as AddressInfo).port;
}

function headers(cookies: Record<string, string> | undefined, origin: string | undefined) {
  return {
    ...(cookies
      ? {
          cookie: Object.entries(cookies)
            .map(([name, value]) => `${name}=${value}`)
            .join('; '),
        }
      : {}),
    ...(origin ? { origin } : {}),
  };
}

/** Opens /ws as a signed-in page of Tandem would; resolves once the server said hello. */
function connect(port: number, cookies: Record<string, string>, origin = ORIGIN): Promise<Client> {
  const socket = new WebSocket(`ws://127.0.0.1:${port}/ws`, { headers: headers(cookies, origin) });
  const events: RealtimeEvent[] = [];
  let received: () => void = () => {};
  socket.on('message', (data) => {
    events.push(JSON.parse(data.toString()));
    received();
  });
  const closed = new Promise<{ code: number }>((resolve) =>
    socket.on('close', (code) => resolve({ code })),
  );
  const client: Client = {
    socket,
    events,
    closed,
    async next(predicate = () => true, skip = 0) {
      const deadline = Date.now() + 10_000;
      for (;;) {
        const found = events.slice(skip).find(predicate);
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`no such event; got ${JSON.stringify(events)}`);
        await new Promise<void>((resolve) => {
          received = resolve;
          setTimeout(resolve, 100);
        });
      }
    },
  };
  return new Promise((resolve, reject) => {
    socket.once('error', reject);
    socket.once('unexpected-response', (_request, response) =>
      reject(new Error(`refused with ${response.statusCode}`)),
    );
    client.next((event) => event.type === 'hello').then(() => resolve(client), reject);
  });
}

/** Tries to open /ws; resolves with the HTTP status of the refusal, rejects if a socket opens. */
function refusal(port: number, cookies?: Record<string, string>, origin?: string) {
  return new Promise<number>((resolve, reject) => {
    const socket = new WebSocket(`ws://127.0.0.1:${port}/ws`, {
      headers: headers(cookies, origin),
    });
    socket.on('error', () => {});
    socket.once('open', () => {
      socket.terminate();
      reject(new Error('the socket opened'));
    });
    socket.once('unexpected-response', (request, response) => {
      resolve(response.statusCode ?? 0);
      response.resume();
      request.destroy();
    });
  });
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

t.test('an event published on one server reaches the user on another, and only them', async (t) => {
  const databaseUrl = await createTestDatabase(t);
  const a = await buildTestApp(t, { databaseUrl, env });
  const b = await buildTestApp(t, { databaseUrl, env });
  const port = await listening(b);
  const lena = await signedInAs(b, { subject: 'lena', name: 'Lena' });
  const jonas = await signedInAs(b, { subject: 'jonas', name: 'Jonas' });
  const lenasTab = await connect(port, lena.cookies);
  const jonasTab = await connect(port, jonas.cookies);
  t.equal(b.realtime.connections, 2, 'server B counts both sockets');
  t.equal(a.realtime.connections, 0, 'server A has none');

  await a.orm.em.fork().transactional(async (tx) => {
    await publishEvent(tx, [lena.userId], { type: 'inbox', data: { unread: 3 } });
  });
  t.same(await lenasTab.next((event) => event.type !== 'hello'), {
    type: 'inbox',
    data: { unread: 3 },
  });

  // Notifications arrive in commit order: once Jonas has this one, he would have had Lena's.
  await publishEvent(a.orm.em.fork(), [jonas.userId], { type: 'inbox', data: { unread: 1 } });
  await jonasTab.next((event) => event.type === 'inbox');
  t.same(jonasTab.events, [{ type: 'hello' }, { type: 'inbox', data: { unread: 1 } }]);
  t.same(lenasTab.events, [{ type: 'hello' }, { type: 'inbox', data: { unread: 3 } }]);

  jonasTab.socket.send(JSON.stringify({ type: 'ping' }));
  t.same(await jonasTab.next((event) => event.type === 'pong'), { type: 'pong' });
  jonasTab.socket.close();
  await jonasTab.closed;
  await pause(50);
  t.equal(b.realtime.connections, 1, 'a closed tab is no longer counted');
});

t.test('a rolled-back change publishes nothing', async (t) => {
  const app = await buildTestApp(t, { env });
  const port = await listening(app);
  const lena = await signedInAs(app, { subject: 'lena', name: 'Lena' });
  const tab = await connect(port, lena.cookies);

  await t.rejects(
    app.orm.em.fork().transactional(async (tx) => {
      await publishEvent(tx, [lena.userId], { type: 'inbox', data: { unread: 7 } });
      throw new Error('changed my mind');
    }),
    { message: 'changed my mind' },
  );
  await pause(300);
  await app.orm.em.fork().transactional(async (tx) => {
    await publishEvent(tx, [lena.userId], { type: 'inbox', data: { unread: 2 } });
  });
  await tab.next((event) => event.type === 'inbox');
  await pause(100);
  t.same(tab.events, [{ type: 'hello' }, { type: 'inbox', data: { unread: 2 } }]);
});

t.test('many recipients are split over several notifications, each reached', async (t) => {
  const app = await buildTestApp(t, { env });
  const port = await listening(app);
  const lena = await signedInAs(app, { subject: 'lena', name: 'Lena' });
  const tab = await connect(port, lena.cookies);
  const others = Array.from({ length: 1000 }, () => randomBytes(16).toString('hex'));
  await publishEvent(app.orm.em.fork(), [...others, lena.userId], { type: 'programme' });
  t.same(await tab.next((event) => event.type === 'programme'), { type: 'programme' });
  await t.rejects(
    publishEvent(app.orm.em.fork(), [lena.userId], {
      type: 'too-big',
      data: { text: 'x'.repeat(8000) },
    }),
    /send ids/,
    'an event too large for PostgreSQL is refused with a hint',
  );
});

t.test('only signed-in pages of Tandem itself may open the socket', async (t) => {
  const app = await buildTestApp(t, { env });
  const port = await listening(app);
  const lena = await signedInAs(app, { subject: 'lena', name: 'Lena' });

  t.equal(await refusal(port, undefined, ORIGIN), 401, 'no session cookie: 401');
  t.equal(
    await refusal(port, { [app.cookieNames.session]: 'forged' }, ORIGIN),
    401,
    'unknown session: 401',
  );
  t.equal(await refusal(port, lena.cookies, 'https://evil.example'), 403, 'foreign origin: 403');
  t.equal(await refusal(port, lena.cookies, undefined), 403, 'no origin: 403');
  t.equal(await refusal(port, lena.cookies, 'null'), 403, 'opaque origin: 403');
  t.equal(app.realtime.connections, 0);

  const tab = await connect(port, lena.cookies);
  t.same(tab.events, [{ type: 'hello' }], 'the same cookie from the right origin connects');
  tab.socket.close();

  const logout = await app.inject({
    method: 'POST',
    url: '/auth/logout',
    cookies: lena.cookies,
    headers: { origin: ORIGIN },
  });
  t.equal(logout.statusCode, 303);
  t.equal(await refusal(port, lena.cookies, ORIGIN), 401, 'after signing out: 401');
});

t.test('/ws is not part of the API document', async (t) => {
  const app = await buildTestApp(t, { env });
  const document = (await app.inject('/api/openapi.json')).json();
  t.notOk(document.paths['/ws']);
  t.equal(app.routeAccess.get('GET /ws'), 'participant');
});

/** A client that completes the WebSocket handshake and then never reads or answers again. */
function deadClient(port: number, cookies: Record<string, string>): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connectTcp(port, '127.0.0.1', () => {
      const lines = [
        'GET /ws HTTP/1.1',
        `Host: 127.0.0.1:${port}`,
        'Upgrade: websocket',
        'Connection: Upgrade',
        `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}`,
        'Sec-WebSocket-Version: 13',
        ...Object.entries(headers(cookies, ORIGIN)).map(([name, value]) => `${name}: ${value}`),
      ];
      socket.write(`${lines.join('\r\n')}\r\n\r\n`);
    });
    socket.on('error', reject);
    socket.once('data', (chunk) => {
      if (!chunk.toString().startsWith('HTTP/1.1 101')) reject(new Error(chunk.toString()));
      socket.pause(); // reads nothing more, answers nothing
      resolve(socket);
    });
  });
}

t.test('closing the app closes its sockets, even unresponsive ones, promptly', async (t) => {
  const databaseUrl = await createTestDatabase(t);
  const app = await buildTestApp(t, { databaseUrl, env });
  const port = await listening(app);
  const lena = await signedInAs(app, { subject: 'lena', name: 'Lena' });
  const tab = await connect(port, lena.cookies);
  const dead = await deadClient(port, lena.cookies);
  const deadClosed = new Promise((resolve) => dead.once('close', resolve));
  t.equal(app.realtime.connections, 2);

  const closing = app.close();
  const bounded = await Promise.race([closing.then(() => 'closed'), pause(10_000)]);
  t.equal(bounded, 'closed', 'app.close() finishes without waiting for the silent client');
  t.same(await tab.closed, { code: 1001 }, 'the browser is told the server is going away');
  dead.resume(); // reads what is left: the server's close frame, then the end of the line
  await deadClosed;
  t.pass('the silent client was cut off');
  const listeners = await sql(
    databaseUrl,
    "SELECT pid FROM pg_stat_activity WHERE application_name = 'tandem-realtime' AND datname = current_database()",
  );
  t.same(listeners, [], 'the LISTEN connection is closed');
});

t.test('after the LISTEN connection drops, the hub listens again and says resync', async (t) => {
  const databaseUrl = await createTestDatabase(t);
  const app = await buildTestApp(t, { databaseUrl, env });
  const port = await listening(app);
  const lena = await signedInAs(app, { subject: 'lena', name: 'Lena' });
  const tab = await connect(port, lena.cookies);

  const killed = await sql(
    databaseUrl,
    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'tandem-realtime' AND datname = current_database()",
  );
  t.equal(killed.length, 1, 'one LISTEN connection per app');
  t.same(await tab.next((event) => event.type === 'resync'), { type: 'resync' });
  await publishEvent(app.orm.em.fork(), [lena.userId], { type: 'inbox', data: { unread: 1 } });
  t.same(await tab.next((event) => event.type === 'inbox'), { type: 'inbox', data: { unread: 1 } });
});

t.test('the admin who started a matching run watches it live', async (t) => {
  const folder = await writePluginFolder(t, {
    packageName: 'tandem-plugin-pairs',
    kind: 'matching-strategy',
    source: strategySource('pairs'),
  });
  const app = await buildTestApp(t, {
    env: { ...env, TANDEM_PLUGINS: folder, WORKER_IN_PROCESS: 'true' },
  });
  const port = await listening(app);
  const hr = await signedInAs(app, { subject: 'hr', name: 'HR', roles: ['admin'] });
  const other = await signedInAs(app, { subject: 'it', name: 'IT', roles: ['admin'] });
  const em = app.orm.em.fork();
  const programme = em.create(Programme, {
    name: 'Reverse Mentoring 2027',
    kind: 'reverse-mentoring',
    state: 'enrolment',
    curriculum: 'half-year',
    matchingStrategy: 'pairs',
    settings: {},
  });
  await em.flush();
  const hrTab = await connect(port, hr.cookies);
  const otherTab = await connect(port, other.cookies);

  const started = await app.inject({
    method: 'POST',
    url: `/api/admin/programmes/${programme.id}/matching-runs`,
    cookies: hr.cookies,
  });
  t.equal(started.statusCode, 202);
  const id = started.json().id;
  await hrTab.next((event) => event.type === 'matching-run' && event.data?.state === 'succeeded');
  t.same(
    hrTab.events.filter((event) => event.type === 'matching-run'),
    [
      { type: 'matching-run', data: { id, state: 'running', progress: 5 } },
      { type: 'matching-run', data: { id, state: 'running', progress: 20 } },
      { type: 'matching-run', data: { id, state: 'running', progress: 90 } },
      { type: 'matching-run', data: { id, state: 'succeeded', progress: 100 } },
    ],
    'progress as it is saved, ending in the final state',
  );
  await pause(200);
  t.same(otherTab.events, [{ type: 'hello' }], 'another admin is not told');
});
