import { createServer } from 'node:net';
import { createTestContext, sampleMessage } from '@tandem/plugin-testkit';
import t from 'tap';
import email from '../src/index.js';
import { closedPort, configFor, listening, sinkFor } from './helpers/email-setup.js';

t.test('a recipient without an address fails permanently, and nothing is sent', async (t) => {
  const sink = await sinkFor(t);
  const message = sampleMessage({ recipient: { address: undefined } });
  const result = await email.send(message, createTestContext({ config: configFor(sink) }).ctx);
  t.same(result, {
    status: 'failed-permanently',
    reason: 'recipient person-001 has no email address',
  });
  t.equal(sink.messages.length, 0);
});

t.test('a server that cannot be reached: retry-later, naming host and port', async (t) => {
  const port = await closedPort();
  const config = configFor({ host: '127.0.0.1', port });
  const result = await email.send(sampleMessage(), createTestContext({ config }).ctx);
  t.same(result, {
    status: 'retry-later',
    reason: `cannot reach 127.0.0.1:${port} (ECONNREFUSED)`,
  });
});

t.test('a server that hangs up before its greeting: retry-later', async (t) => {
  const server = await listening(createServer((socket) => socket.destroy()));
  t.teardown(() => server.close());
  const { port } = server.address() as { port: number };
  const config = configFor({ host: '127.0.0.1', port });
  const result = await email.send(sampleMessage(), createTestContext({ config }).ctx);
  t.equal(result.status, 'retry-later');
  t.match(result, { reason: `cannot reach 127.0.0.1:${port} (ECONNECTION` });
});

t.test('SMTP 4xx at RCPT is retry-later, 5xx is failed-permanently, with the answer', async (t) => {
  const sink = await sinkFor(t);
  const { ctx } = createTestContext({ config: configFor(sink) });
  const to = (address: string, deliveryKey: string) =>
    sampleMessage({ deliveryKey, recipient: { address } });
  sink.failRecipients(['busy@example.org'], 450, '4.2.1 Mailbox busy');
  sink.failRecipients(['gone@example.org'], 550, '5.1.1 No such user');
  t.same(await email.send(to('busy@example.org', 'k1'), ctx), {
    status: 'retry-later',
    reason: 'SMTP 450 4.2.1 Mailbox busy (after RCPT TO)',
  });
  t.same(await email.send(to('gone@example.org', 'k2'), ctx), {
    status: 'failed-permanently',
    reason: 'SMTP 550 5.1.1 No such user (after RCPT TO)',
  });
  sink.failRecipients(['busy@example.org'], undefined);
  t.same(await email.send(to('busy@example.org', 'k1'), ctx), { status: 'delivered' });
  t.same(
    sink.messages.map((mail) => mail.envelope.to),
    [['busy@example.org']],
  );
});

t.test('a refused message is not remembered: the retry goes out', async (t) => {
  const sink = await sinkFor(t);
  const { ctx } = createTestContext({ config: configFor(sink) });
  const message = sampleMessage({ deliveryKey: 'invitation:later' });
  sink.failWith(451, '4.3.0 Queue full');
  t.same(await email.send(message, ctx), {
    status: 'retry-later',
    reason: 'SMTP 451 4.3.0 Queue full (after DATA)',
  });
  sink.failWith(undefined);
  t.same(await email.send(message, ctx), { status: 'delivered' });
  t.equal(sink.messages.length, 1);
});

t.test('a wrong password fails permanently, telling the operator to check it', async (t) => {
  const sink = await sinkFor(t, { auth: { user: 'tandem', pass: 'right' } });
  const wrong = configFor(sink, { user: 'tandem', password: 'wrong' });
  const result = await email.send(sampleMessage(), createTestContext({ config: wrong }).ctx);
  t.equal(result.status, 'failed-permanently');
  t.match(result, { reason: /refused the login .*535.*check the user and password/ });
  t.equal(sink.messages.length, 0);

  const right = configFor(sink, { user: 'tandem', password: 'right' });
  t.same(await email.send(sampleMessage(), createTestContext({ config: right }).ctx), {
    status: 'delivered',
  });
});

t.test('no login where the server wants one fails permanently, asking for one', async (t) => {
  const sink = await sinkFor(t, { auth: { user: 'tandem', pass: 'right' } });
  const result = await email.send(
    sampleMessage(),
    createTestContext({ config: configFor(sink) }).ctx,
  );
  t.equal(result.status, 'failed-permanently');
  t.match(result, { reason: /requires a login .*set the user and password/ });
});

t.test(
  'secure=true against a server without TLS fails permanently, naming the setting',
  async (t) => {
    const sink = await sinkFor(t);
    const config = configFor(sink, { secure: true });
    const result = await email.send(sampleMessage(), createTestContext({ config }).ctx);
    t.equal(result.status, 'failed-permanently');
    t.match(result, { reason: `TLS with 127.0.0.1:${sink.port} failed` });
    t.match(result, { reason: 'check secure and port' });
  },
);
