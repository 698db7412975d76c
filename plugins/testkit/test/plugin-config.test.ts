import { defineNotificationChannel, Type } from '@tandem/plugin-sdk';
import t from 'tap';
import { pluginConfig, prepareConfig } from '../src/index.js';

const channel = defineNotificationChannel({
  name: 'webhook',
  version: '1.0.0',
  host: '^0.1.0',
  configSchema: Type.Object({
    url: Type.String({ pattern: '^https://' }),
    timeoutMs: Type.Integer({ minimum: 1, default: 5000 }),
    headers: Type.Object({ accept: Type.String({ default: 'application/json' }) }, { default: {} }),
  }),
  send: async () => ({ status: 'delivered' }),
});

t.test('defaults are filled in and the result is typed', async (t) => {
  const config = pluginConfig(channel, { url: 'https://hooks.example.org' });
  const timeout: number = config.timeoutMs;
  t.equal(timeout, 5000);
  t.same(config, {
    url: 'https://hooks.example.org',
    timeoutMs: 5000,
    headers: { accept: 'application/json' },
  });
});

t.test('the given object is not changed', async (t) => {
  const given = { url: 'https://hooks.example.org' };
  pluginConfig(channel, given);
  t.same(given, { url: 'https://hooks.example.org' });
});

t.test('a config that does not fit names the plugin and the field', async (t) => {
  t.throws(() => pluginConfig(channel, { url: 'http://plain.example.org' }), {
    name: 'TypeError',
    message: /^the config of "webhook" does not fit configSchema: \/url must match pattern/,
  });
  t.throws(() => pluginConfig(channel), /\/url is required/);
  t.same(prepareConfig(channel.configSchema, { url: 'https://x.example.org', timeoutMs: 0 }), {
    problem: 'does not fit configSchema: /timeoutMs must be >= 1',
  });
});

t.test('a plain JSON Schema works as well as a TypeBox one', async (t) => {
  const plain = defineNotificationChannel({
    name: 'plain',
    version: '1.0.0',
    host: '^0.1.0',
    configSchema: {
      type: 'object',
      properties: { url: { type: 'string' }, retries: { type: 'integer', default: 3 } },
      required: ['url'],
    },
    send: async () => ({ status: 'delivered' }),
  });
  t.same(pluginConfig(plain, { url: 'https://x.example.org' }), {
    url: 'https://x.example.org',
    retries: 3,
  });
  t.throws(
    () => pluginConfig(plain, {}),
    /^the config of "plain" does not fit configSchema: \/url is required$/,
  );
});
