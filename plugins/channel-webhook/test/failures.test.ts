import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SendResult } from '@tandem/plugin-sdk';
import { createTestContext, pluginConfig } from '@tandem/plugin-testkit';
import t, { type Test } from 'tap';
import webhook from '../src/index.js';
import { startHookServer } from './hook-server.js';
import { LOOPBACK_ALLOWED, messageTo, secretPath, send } from './send.js';

const hooks = await startHookServer();
t.teardown(() => hooks.close());

/** The reason of a result that is not delivered; fails the test when it is. */
function reasonOf(t: Test, result: SendResult): string {
  if (result.status === 'delivered') {
    t.fail('expected a failure, got delivered');
    return '';
  }
  return result.reason;
}

t.test('408, 425, 429 and 5xx are retried later; the reason names the status', async (t) => {
  for (const status of [408, 425, 429, 500, 502, 503, 504]) {
    const { path, secret } = secretPath();
    hooks.answer(path, { status, body: 'busy' });
    const { result } = await send(messageTo(hooks.url(path)));
    t.equal(result.status, 'retry-later', `HTTP ${status}`);
    t.match(reasonOf(t, result), `HTTP ${status}`);
    t.notMatch(reasonOf(t, result), secret);
    t.notOk('retryAfterSeconds' in result, 'no Retry-After, no delay of our own');
  }
});

t.test('other 4xx fail permanently with the status and what the chat said', async (t) => {
  for (const status of [400, 401, 403, 404, 410, 413]) {
    const { path } = secretPath();
    hooks.answer(path, { status, body: 'invalid_payload' });
    const { result } = await send(messageTo(hooks.url(path)));
    t.equal(result.status, 'failed-permanently', `HTTP ${status}`);
    t.match(reasonOf(t, result), `HTTP ${status}: invalid_payload`);
  }
});

t.test('429 with Retry-After: 120 is retried after 120 seconds', async (t) => {
  const { path } = secretPath();
  hooks.answer(path, { status: 429, headers: { 'retry-after': '120' }, body: 'rate_limited' });
  const { result } = await send(messageTo(hooks.url(path)));
  t.match(result, { status: 'retry-later', retryAfterSeconds: 120 });
});

t.test('Retry-After as an HTTP date counts from the clock', async (t) => {
  const { path } = secretPath();
  // The test clock stands at Monday 2026-01-05 09:00 UTC.
  const later = 'Mon, 05 Jan 2026 09:05:00 GMT';
  hooks.answer(path, { status: 503, headers: { 'retry-after': later } });
  const { result } = await send(messageTo(hooks.url(path)));
  t.match(result, { status: 'retry-later', retryAfterSeconds: 300 });
});

t.test('an error body is cut short and never repeats the secret path', async (t) => {
  const { path, secret } = secretPath();
  const echo = `<html><body><h1>Not Found</h1><p>Cannot POST ${path}</p>${'x'.repeat(500)}</body></html>`;
  hooks.answer(path, { status: 404, body: echo });
  const { result, logs } = await send(messageTo(hooks.url(path)));
  const reason = reasonOf(t, result);
  t.equal(result.status, 'failed-permanently');
  t.match(reason, /HTTP 404: Not Found Cannot POST/);
  t.notMatch(reason, secret, 'the path is a credential');
  t.notMatch(JSON.stringify(logs), secret, 'nor in the log');
  t.ok(reason.length < 300, `short enough to read (${reason.length} characters)`);
});

t.test('a chat that never answers is retried later after timeoutMs', async (t) => {
  const { path, secret } = secretPath();
  hooks.answer(path, 'hang');
  const started = Date.now();
  const { result, logs } = await send(messageTo(hooks.url(path)), { timeoutMs: 1000 });
  const took = Date.now() - started;
  t.equal(result.status, 'retry-later');
  t.ok(took >= 900 && took < 5000, `gave up after the timeout (${took} ms)`);
  const reason = reasonOf(t, result);
  t.match(reason, '127.0.0.1', 'names the host');
  t.match(reason, '1000 ms');
  t.notMatch(reason, '/services/', 'but not the path');
  t.notMatch(JSON.stringify(logs), secret, 'nor does the log');
});

t.test('a chat that cannot be reached is retried later, naming the host only', async (t) => {
  const port = await closedPort();
  const { path } = secretPath();
  const { result } = await send(messageTo(`http://127.0.0.1:${port}${path}`));
  t.equal(result.status, 'retry-later');
  const reason = reasonOf(t, result);
  t.match(reason, `127.0.0.1:${port}`);
  t.match(reason, 'ECONNREFUSED');
  t.notMatch(reason, '/services/');
});

t.test('a redirect is not followed and fails permanently', async (t) => {
  const { path } = secretPath();
  const { path: elsewhere } = secretPath();
  hooks.answer(path, { status: 302, headers: { location: hooks.url(elsewhere) } });
  const { result } = await send(messageTo(hooks.url(path)));
  t.equal(result.status, 'failed-permanently');
  t.match(reasonOf(t, result), 'HTTP 302');
  t.equal(hooks.received(elsewhere).length, 0, 'nothing posted to the redirect target');
});

t.test('a failed send is posted again on retry, a delivered one never', async (t) => {
  const { path } = secretPath();
  const message = messageTo(hooks.url(path));
  const config = pluginConfig(webhook, LOOPBACK_ALLOWED);
  const first = createTestContext({ config });
  // Each retry is a new call over the same store and clock, as the host makes it.
  const retry = () => createTestContext({ config, store: first.store, clock: first.clock });
  hooks.answer(path, { status: 503 });
  t.equal((await webhook.send(message, first.ctx)).status, 'retry-later');
  hooks.answer(path, { status: 200, body: 'ok' });
  t.equal((await webhook.send(message, retry().ctx)).status, 'delivered');
  first.clock.advance(29 * 24 * 3600 * 1000);
  t.equal((await webhook.send(message, retry().ctx)).status, 'delivered', '29 days later');
  t.same(
    hooks.received(path).map((r) => r.status),
    [503, 200],
    'one refused post, one delivery, nothing after',
  );
});

/** A port nothing listens on: one the system just handed out and took back. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
