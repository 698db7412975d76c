import { notificationChannelContract } from '@tandem/plugin-testkit';
import t from 'tap';
import webhook from '../src/index.js';
import { startHookServer } from './hook-server.js';
import { LOOPBACK_ALLOWED, secretPath } from './send.js';

const hooks = await startHookServer();
t.teardown(() => hooks.close());

const { path } = secretPath();
const gone = '/services/T0TANDEM/B0GONE/no-such-webhook';
hooks.answer(gone, { status: 404, body: 'no_service' });

const checks = notificationChannelContract(webhook, {
  config: { style: 'slack', ...LOOPBACK_ALLOWED },
  message: { recipient: { address: hooks.url(path) } },
  // A delivery is a request the chat accepted; the key travels as Idempotency-Key.
  deliveries: (key) =>
    hooks.received(path).filter((r) => r.headers['idempotency-key'] === key && r.status === 200)
      .length,
  transientFailure: {
    setup: () => hooks.answer(path, { status: 503, body: 'maintenance' }),
    teardown: () => hooks.answer(path, { status: 200, body: 'ok' }),
  },
  permanentFailure: {
    message: (base) => ({ ...base, recipient: { ...base.recipient, address: hooks.url(gone) } }),
  },
  unreachable: ({ url }) => ({
    message: (base) => ({ ...base, recipient: { ...base.recipient, address: `${url}${path}` } }),
  }),
});
for (const check of checks) t.test(check.name, check.run);
