import { pluginConfig } from '@tandem/plugin-testkit';
import t from 'tap';
import webhook from '../src/index.js';
import { startHookServer } from './hook-server.js';
import { messageTo, secretPath, send } from './send.js';

const hooks = await startHookServer();
t.teardown(() => hooks.close());

t.test('defaults: Slack style, 10 s timeout, sent as Tandem, any public host', async (t) => {
  t.same(pluginConfig(webhook), { style: 'slack', timeoutMs: 10000, username: 'Tandem' });
});

t.test('an unknown style or a timeout under a second does not load', async (t) => {
  t.throws(() => pluginConfig(webhook, { style: 'discord' as 'slack' }), /style/);
  t.throws(() => pluginConfig(webhook, { timeoutMs: 500 }), /timeoutMs/);
});

t.test('a teams+ prefix sends a Teams card whatever the default style', async (t) => {
  const { path } = secretPath();
  const { result } = await send(messageTo(`teams+${hooks.url(path)}`), { style: 'slack' });
  t.same(result, { status: 'delivered' });
  const [request] = hooks.received(path);
  t.equal(request?.path, path, 'posted to the URL without the prefix');
  t.match(request?.json, { type: 'message', attachments: [{ content: { type: 'AdaptiveCard' } }] });
});

t.test('every style can be chosen per address, in any case', async (t) => {
  const expected = {
    slack: { text: String, username: 'Tandem' },
    rocketchat: { text: String, alias: 'Tandem' },
    matrix: { text: String, html: String, username: 'Tandem' },
  };
  for (const [prefix, shape] of Object.entries(expected)) {
    const { path } = secretPath();
    const address = `${prefix.toUpperCase()}+${hooks.url(path)}`;
    const { result } = await send(messageTo(address), { style: 'teams' });
    t.same(result, { status: 'delivered' }, prefix);
    t.match(hooks.received(path)[0]?.json, shape, `${prefix} payload`);
  }
});

t.test('addresses that are no webhook fail permanently without a request', async (t) => {
  const before = hooks.received().length;
  const cases = [
    ['no address', undefined],
    ['an email address', 'erika.mustermann@example.org'],
    ['another scheme', 'ftp://127.0.0.1/hook'],
    ['an unknown style', `discord+${hooks.url('/x')}`],
  ] as const;
  for (const [what, address] of cases) {
    const message = messageTo('', { recipient: { address } });
    const { result } = await send(message);
    t.equal(result.status, 'failed-permanently', what);
    t.not(result.status === 'delivered' ? '' : result.reason.trim(), '', `${what}: with a reason`);
  }
  t.equal(hooks.received().length, before, 'nothing was posted');
});

t.test('allowedHosts refuses a webhook on another host', async (t) => {
  const { path, secret } = secretPath();
  const config = { allowedHosts: ['chat.example.org'] };
  const { result } = await send(messageTo(hooks.url(path)), config);
  t.equal(result.status, 'failed-permanently');
  const reason = result.status === 'delivered' ? '' : result.reason;
  t.match(reason, '127.0.0.1', 'names the refused host');
  t.notMatch(reason, secret);
  t.equal(hooks.received(path).length, 0, 'nothing was posted');
});

t.test('allowedHosts lets a listed host through', async (t) => {
  const { path } = secretPath();
  const config = { allowedHosts: ['chat.example.org', '127.0.0.1.'] };
  const { result } = await send(messageTo(`teams+${hooks.url(path)}`), config);
  t.same(result, { status: 'delivered' }, 'a trailing dot or a style prefix does not matter');
  t.equal(hooks.received(path).length, 1);
});
