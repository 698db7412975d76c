import type { SendResult } from '@tandem/plugin-sdk';
import { createTestContext, pluginConfig } from '@tandem/plugin-testkit';
import t from 'tap';
import webhook from '../src/index.js';
import { isInternalAddress } from '../src/internal-address.js';
import { sendWebhook } from '../src/send-webhook.js';
import type { Resolve, ResolvedAddress } from '../src/webhook-address.js';
import { startHookServer } from './hook-server.js';
import { messageTo, secretPath, send } from './send.js';

const hooks = await startHookServer();
t.teardown(() => hooks.close());
const port = new URL(hooks.url('/')).port;

function reasonOf(result: SendResult): string {
  return result.status === 'delivered' ? '' : result.reason;
}

/** Sends with the operator's config as given (no loopback allowance) and its own resolver. */
async function sendResolving(address: string, resolve: Resolve, internalNetworks?: string[]) {
  const config = pluginConfig(webhook, internalNetworks ? { internalNetworks } : {});
  const { ctx } = createTestContext({ config });
  return sendWebhook(messageTo(address), ctx, resolve);
}

/** A resolver that answers from a table and counts its calls. */
function resolver(answers: (call: number) => string[]) {
  let calls = 0;
  const resolve: Resolve = async () =>
    answers(calls++).map(
      (address): ResolvedAddress => ({ address, family: address.includes(':') ? 6 : 4 }),
    );
  return { resolve, calls: () => calls };
}

t.test('loopback, private, link-local and other non-public addresses are internal', async (t) => {
  const internal = [
    '127.0.0.1',
    '127.255.0.9',
    '0.0.0.0',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254', // cloud metadata
    '100.64.0.1',
    '224.0.0.1',
    '255.255.255.255',
    '::',
    '::1',
    'fc00::1',
    'fd12:3456::1',
    'fe80::1',
    'ff02::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:169.254.169.254',
    '::ffff:10.0.0.1',
    '::127.0.0.1',
    '64:ff9b::10.0.0.1', // NAT64
    '2002:7f00:1::', // 6to4 around 127.0.0.1
  ];
  for (const address of internal) t.ok(isInternalAddress(address), `${address} is internal`);
  const outside = ['8.8.8.8', '172.32.0.1', '100.128.0.1', '2606:4700::1111', '::ffff:8.8.8.8'];
  for (const address of outside) t.notOk(isInternalAddress(address), `${address} is public`);
  t.ok(isInternalAddress('chat.example.org'), 'what is no address at all is refused too');
});

t.test('by default a webhook on 127.0.0.1 fails permanently and receives nothing', async (t) => {
  const { path, secret } = secretPath();
  const { result, logs } = await send(messageTo(hooks.url(path)), { internalNetworks: [] });
  t.equal(result.status, 'failed-permanently');
  t.match(reasonOf(result), `webhook host 127.0.0.1:${port} is the internal address 127.0.0.1`);
  t.match(reasonOf(result), 'internalNetworks', 'says how an operator would allow it');
  t.notMatch(reasonOf(result), secret);
  t.notMatch(JSON.stringify(logs), secret);
  t.equal(hooks.received(path).length, 0, 'nothing was posted');
});

t.test('an operator who allows 127.0.0.0/8 gets the webhook delivered', async (t) => {
  const { path } = secretPath();
  const { result } = await send(messageTo(hooks.url(path)), { internalNetworks: ['127.0.0.0/8'] });
  t.same(result, { status: 'delivered' });
  t.equal(hooks.received(path).length, 1);
});

t.test('an allowed network opens only itself', async (t) => {
  const { path } = secretPath();
  const { result } = await send(messageTo(hooks.url(path)), { internalNetworks: ['10.0.0.0/8'] });
  t.equal(result.status, 'failed-permanently');
  t.equal(hooks.received(path).length, 0);
});

t.test('a host name that resolves to loopback is refused: localhost', async (t) => {
  const { path } = secretPath();
  const { result } = await send(messageTo(`http://localhost:${port}${path}`), {
    internalNetworks: [],
  });
  t.equal(result.status, 'failed-permanently');
  t.match(
    reasonOf(result),
    /webhook host localhost:\d+ is the internal address (127\.0\.0\.1|::1)/,
  );
  t.equal(hooks.received(path).length, 0);
});

t.test('an IPv4-mapped IPv6 literal does not get around the check', async (t) => {
  const { path } = secretPath();
  const { result } = await send(messageTo(`http://[::ffff:127.0.0.1]:${port}${path}`), {
    internalNetworks: [],
  });
  t.equal(result.status, 'failed-permanently');
  t.equal(hooks.received(path).length, 0);
});

t.test('one internal address among public ones is enough to refuse', async (t) => {
  const { path } = secretPath();
  const names = resolver(() => ['93.184.216.34', '2606:2800:220:1::1', '169.254.169.254']);
  const result = await sendResolving(`http://chat.example.test:${port}${path}`, names.resolve);
  t.equal(result.status, 'failed-permanently');
  t.match(reasonOf(result), 'the internal address 169.254.169.254');
  t.equal(hooks.received(path).length, 0);
});

t.test('the connection goes to the address checked, never to a later answer', async (t) => {
  const { path } = secretPath();
  // Rebinding: allowed at the check, somewhere else on any later lookup.
  const names = resolver((call) => (call === 0 ? ['127.0.0.1'] : ['10.255.255.1']));
  const url = `http://chat.rebind.test:${port}${path}`;
  const result = await sendResolving(url, names.resolve, ['127.0.0.1']);
  t.same(result, { status: 'delivered' }, 'the system resolver does not know the name');
  t.equal(names.calls(), 1, 'resolved once');
  const [request] = hooks.received(path);
  t.equal(request?.headers.host, `chat.rebind.test:${port}`, 'the host name is kept for Host');
});

t.test('an address that refuses the connection falls back to the next one checked', async (t) => {
  const { path } = secretPath();
  // Nothing listens on 127.0.0.2: the hook server is bound to 127.0.0.1 only.
  const names = resolver(() => ['127.0.0.2', '127.0.0.1']);
  const url = `http://chat.dual.test:${port}${path}`;
  const result = await sendResolving(url, names.resolve, ['127.0.0.0/8']);
  t.same(result, { status: 'delivered' });
  t.equal(hooks.received(path).length, 1);
});

t.test('a name that cannot be resolved is retried later', async (t) => {
  const { path } = secretPath();
  const failing: Resolve = async () => {
    throw Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' });
  };
  const result = await sendResolving(`http://chat.example.test${path}`, failing);
  t.match(result, { status: 'retry-later', reason: /not reachable: ENOTFOUND/ });
});

t.test(
  'an internalNetworks entry that is no network is refused when the config loads',
  async (t) => {
    for (const entry of ['intranet', '10.0.0.0/8/8', '10.0.0.0/x', 'chat.intranet.example', ''])
      t.throws(
        () => pluginConfig(webhook, { internalNetworks: [entry] }),
        { message: /^the config of "webhook" does not fit configSchema: \/internalNetworks\/0 / },
        JSON.stringify(entry),
      );
    t.same(
      pluginConfig(webhook, { internalNetworks: [' 10.0.0.0/8', 'fd00::/8'] }).internalNetworks,
      [' 10.0.0.0/8', 'fd00::/8'],
    );
  },
);

t.test('an internalNetworks entry that only looks like a network fails every send', async (t) => {
  for (const entry of ['10.0.0.0/33', 'fd00::/129', '10.0.0.0.0', '1:2:3']) {
    const { path } = secretPath();
    const { result } = await send(messageTo(hooks.url(path)), { internalNetworks: [entry] });
    t.equal(result.status, 'failed-permanently', entry);
    t.match(reasonOf(result), `internalNetworks entry "${entry}"`);
  }
});

t.test(
  'saving: literal internal hosts, other hosts and non-webhooks are named early',
  async (t) => {
    const check = (address: string, config = {}) =>
      webhook.addressProblem?.(address, pluginConfig(webhook, config));
    t.match(check('http://127.0.0.1/hooks/x'), 'is an internal address');
    t.match(check('http://app.localhost/hooks/x'), 'is an internal address');
    t.equal(check('http://127.0.0.1/hooks/x', { internalNetworks: ['127.0.0.0/8'] }), undefined);
    t.equal(check('https://chat.example.org/hooks/x'), undefined, 'names are judged at send time');
    t.match(check('https://chat.example.org/x', { allowedHosts: ['a.example'] }), 'not one');
    t.match(check('ftp://chat.example.org/x'), 'not an http(s) URL');
  },
);
