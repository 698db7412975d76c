import { createTestContext, sampleMessage } from '@tandem/plugin-testkit';
import { startSmtpSink } from '@tandem/plugin-testkit/smtp-sink';
import nodemailer from 'nodemailer';
import t from 'tap';
import email from '../src/index.js';
import { configFor, sinkFor } from './helpers/email-setup.js';

// The sink lives in the test kit; it is tested here, where a real SMTP client is at hand.

t.test('200 concurrent sends over 20 connections arrive exactly once each', async (t) => {
  const sink = await sinkFor(t);
  const { ctx } = createTestContext({ config: configFor(sink, { maxConnections: 20 }) });
  const keys = Array.from({ length: 200 }, (_, i) => `invitation:${i}`);
  const results = await Promise.all(
    keys.map((deliveryKey) => email.send(sampleMessage({ deliveryKey }), ctx)),
  );
  t.ok(
    results.every((result) => result.status === 'delivered'),
    'all delivered',
  );
  t.equal(sink.messages.length, 200, 'recorded before the client heard 250');
  t.equal(new Set(sink.messages.map((mail) => mail.messageId)).size, 200, 'each once');
});

t.test('waitFor resolves once enough arrived, and rejects saying how many did', async (t) => {
  const sink = await sinkFor(t);
  await t.rejects(sink.waitFor(1, 50), {
    message: 'SMTP sink: expected at least 1 messages within 50 ms, received 0',
  });
  const waiting = sink.waitFor(2, 5000);
  const { ctx } = createTestContext({ config: configFor(sink) });
  await email.send(sampleMessage({ deliveryKey: 'a' }), ctx);
  await email.send(sampleMessage({ deliveryKey: 'b' }), ctx);
  t.equal((await waiting).length, 2);
});

t.test('failWith refuses DATA with the code until reset, recording nothing', async (t) => {
  const sink = await sinkFor(t);
  const transport = nodemailer.createTransport({ host: sink.host, port: sink.port });
  const mail = { from: 'a@example.org', to: 'b@example.org', subject: 'Hi', text: 'Hi' };
  sink.failWith(554, '5.7.1 Spam');
  const refusal = (): Promise<unknown> => transport.sendMail(mail).catch((error) => error);
  t.match(await refusal(), { responseCode: 554, response: '554 5.7.1 Spam' });
  sink.failWith(451);
  t.match(await refusal(), { responseCode: 451, response: /^451 4\.3\.0 / });
  sink.failWith(undefined);
  await transport.sendMail(mail);
  t.equal(sink.messages.length, 1);
  t.match(sink.messages[0], { subject: 'Hi', text: 'Hi', envelope: { to: ['b@example.org'] } });
});

t.test('close ends idle pooled connections at once', async (t) => {
  const sink = await startSmtpSink();
  const transport = nodemailer.createTransport({ pool: true, host: sink.host, port: sink.port });
  t.teardown(() => transport.close());
  await transport.sendMail({ from: 'a@example.org', to: 'b@example.org', text: 'Hi' });
  const started = Date.now();
  await sink.close();
  t.ok(Date.now() - started < 500, `closed in ${Date.now() - started} ms`);
});
