import { Writable } from 'node:stream';
import { pino } from 'pino';
import t from 'tap';
import { PURGE_PLUGIN_STORE } from '../src/jobs/purge-plugin-store.js';
import { pluginContext } from '../src/plugin-host/plugin-context.js';
import { buildTestApp } from './helpers/build-test-app.js';
import { createTestDatabase, sql } from './helpers/database.js';

function capturedLog() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { log: pino({ level: 'debug' }, stream), lines };
}

t.test("a plugin's context: its config, a log tagged with its name, the clock", async (t) => {
  const app = await buildTestApp(t);
  const { log, lines } = capturedLog();
  const now = () => new Date('2027-03-01T08:00:00Z');
  const ctx = pluginContext(
    { name: 'pairs', config: { label: 'x' } },
    { em: app.orm.em, log, now },
  );
  t.same(ctx.config, { label: 'x' });
  t.same(ctx.now(), new Date('2027-03-01T08:00:00Z'));
  ctx.log.info('paired', { groups: 3 });
  ctx.log.warn('odd count');
  t.match(lines, [
    { level: 30, plugin: 'pairs', msg: 'paired', groups: 3 },
    { level: 40, plugin: 'pairs', msg: 'odd count' },
  ]);
  t.ok(Object.isFrozen(ctx), 'a plugin cannot swap parts of its context');
});

t.test('the key-value store: per plugin, JSON only, entries expire', async (t) => {
  const app = await buildTestApp(t);
  const { log } = capturedLog();
  let clock = new Date('2027-03-01T08:00:00Z');
  const context = (name: string) =>
    pluginContext({ name, config: {} }, { em: app.orm.em, log, now: () => clock });
  const a = context('email').store;
  const b = context('webhook').store;

  await a.set('cursor', { page: 2, sentAt: new Date('2027-01-01T00:00:00Z') } as never);
  t.same(
    await a.get('cursor'),
    { page: 2, sentAt: '2027-01-01T00:00:00.000Z' },
    'as JSON carries it',
  );
  t.equal(await b.get('cursor'), undefined, "another plugin's keys are not visible");
  await a.set('cursor', 3);
  t.equal(await a.get('cursor'), 3, 'a second set replaces the first');
  await a.delete('cursor');
  t.equal(await a.get('cursor'), undefined);
  await a.delete('cursor');
  t.pass('deleting a missing key is no error');

  await a.set('token', 'abc', { ttlSeconds: 60 });
  clock = new Date('2027-03-01T08:00:59Z');
  t.equal(await a.get('token'), 'abc', 'alive within its time to live');
  clock = new Date('2027-03-01T08:01:00Z');
  t.equal(await a.get('token'), undefined, 'gone when it ends');

  await t.rejects(a.set('k'.repeat(256), 1), /plugin email: store keys are strings of 1 to 255/);
  await t.rejects(a.set('', 1), TypeError);
  await t.rejects(a.set('x', undefined as never), /use store.delete to remove/);
});

t.test('the hourly purge deletes expired store entries and keeps the rest', async (t) => {
  const databaseUrl = await createTestDatabase(t);
  const app = await buildTestApp(t, { databaseUrl, env: { WORKER_IN_PROCESS: 'true' } });
  await sql(
    databaseUrl,
    `INSERT INTO plugin_store_entry (plugin, key, value, expires_at, updated_at) VALUES
       ('email', 'old', '1', now() - interval '1 second', now()),
       ('email', 'fresh', '2', now() + interval '1 hour', now()),
       ('email', 'forever', '3', NULL, now())`,
  );
  await app.worker?.addJob(PURGE_PLUGIN_STORE, {});
  let keys: { key: string }[] = [];
  for (let i = 0; i < 100; i++) {
    keys = await sql(databaseUrl, 'SELECT key FROM plugin_store_entry ORDER BY key');
    if (keys.length < 3) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  t.same(keys, [{ key: 'forever' }, { key: 'fresh' }]);
});
