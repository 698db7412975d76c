import t from 'tap';
import { createTestClock, createTestContext, TEST_CLOCK_START } from '../src/index.js';

t.test('the clock starts on a Monday morning and moves only when told', async (t) => {
  const { ctx, clock } = createTestContext();
  t.equal(ctx.now().toISOString(), '2026-01-05T09:00:00.000Z');
  t.equal(TEST_CLOCK_START, '2026-01-05T09:00:00.000Z');
  t.equal(ctx.now().getUTCDay(), 1, 'a Monday');
  clock.advance(90 * 60_000);
  t.equal(ctx.now().toISOString(), '2026-01-05T10:30:00.000Z');
  clock.set('2026-03-01T00:00:00Z');
  t.equal(ctx.now().toISOString(), '2026-03-01T00:00:00.000Z');
  clock.set(new Date('2025-12-31T23:00:00Z'));
  t.equal(clock.now().toISOString(), '2025-12-31T23:00:00.000Z', 'set may go back');
  const seen = ctx.now();
  seen.setFullYear(1999);
  t.equal(ctx.now().getUTCFullYear(), 2025, 'mutating a returned Date does not move the clock');
  t.throws(() => clock.advance(-1), RangeError);
  t.throws(() => clock.advance(Number.NaN), RangeError);
  t.throws(() => clock.set('not a date'), RangeError);
  t.equal(createTestContext({ now: '2030-06-01T12:00:00Z' }).ctx.now().getUTCFullYear(), 2030);
});

t.test('the logger records every entry with its level and data', async (t) => {
  const { ctx, logs } = createTestContext();
  const data: Record<string, unknown> = { attempt: 1 };
  ctx.log.debug('starting');
  ctx.log.info('sent', data);
  data.attempt = 2;
  ctx.log.warn('slow', { ms: 900 });
  ctx.log.error('gave up');
  t.same(logs, [
    { level: 'debug', message: 'starting' },
    { level: 'info', message: 'sent', data: { attempt: 1 } },
    { level: 'warn', message: 'slow', data: { ms: 900 } },
    { level: 'error', message: 'gave up' },
  ]);
  t.notOk('data' in (logs[0] ?? {}), 'no data key when none was passed');
});

t.test('config is passed through, typed, and the context is frozen', async (t) => {
  const { ctx } = createTestContext({ config: { url: 'https://hooks.example.org', retries: 3 } });
  const retries: number = ctx.config.retries;
  t.equal(retries, 3);
  t.same(createTestContext().ctx.config, {});
  t.ok(Object.isFrozen(ctx));
});

t.test('the store keeps JSON copies, honours ttlSeconds and shows its entries', async (t) => {
  const { ctx, clock, store } = createTestContext();
  const value = { sent: ['a'], at: 1 };
  await ctx.store.set('k', value);
  value.sent.push('b');
  t.same(
    await ctx.store.get('k'),
    { sent: ['a'], at: 1 },
    'later changes to the value do not leak in',
  );
  const read = await ctx.store.get<{ sent: string[] }>('k');
  read?.sent.push('c');
  t.same(await ctx.store.get('k'), { sent: ['a'], at: 1 }, 'nor changes to what was read');

  await ctx.store.set('token', 'abc', { ttlSeconds: 60 });
  t.same(store.entries(), [
    { key: 'k', value: { sent: ['a'], at: 1 } },
    { key: 'token', value: 'abc', expiresAt: new Date('2026-01-05T09:01:00.000Z') },
  ]);
  clock.advance(59_999);
  t.equal(await ctx.store.get('token'), 'abc', 'alive just before the end');
  clock.advance(1);
  t.equal(await ctx.store.get('token'), undefined, 'gone at the exact moment');
  t.same(
    store.entries().map((e) => e.key),
    ['k'],
  );

  await ctx.store.delete('k');
  await ctx.store.delete('never-there');
  t.same(store.entries(), []);
});

t.test('a value JSON cannot carry comes back as JSON makes it', async (t) => {
  const { ctx } = createTestContext();
  const odd = { when: new Date('2026-01-05T09:00:00Z'), gone: undefined, n: Number.NaN };
  // A plugin without types (or with a cast) can hand the store anything.
  await ctx.store.set('odd', odd as never);
  t.same(await ctx.store.get('odd'), { when: '2026-01-05T09:00:00.000Z', n: null });
  await t.rejects(ctx.store.set('u', undefined as never), TypeError);
  await t.rejects(ctx.store.set('f', (() => 1) as never), /JSON value/);
  await t.rejects(ctx.store.set('b', 1n as never), TypeError);
});

t.test('store keys are 1 to 255 characters, as in the host', async (t) => {
  const { ctx } = createTestContext();
  await t.rejects(ctx.store.get(''), /1 to 255/);
  await t.rejects(ctx.store.set('x'.repeat(256), 1), /1 to 255/);
  await ctx.store.set('x'.repeat(255), 1);
  t.equal(await ctx.store.get('x'.repeat(255)), 1);
});

t.test(
  'contexts can share a clock and a store, as the host shares them between calls',
  async (t) => {
    const first = createTestContext();
    const second = createTestContext({ store: first.store, clock: first.clock });
    await first.ctx.store.set('seen', true, { ttlSeconds: 10 });
    t.equal(await second.ctx.store.get('seen'), true);
    first.clock.advance(10_000);
    t.equal(await second.ctx.store.get('seen'), undefined);
    t.not(first.logs, second.logs, 'each context records its own log');
    const clock = createTestClock('2026-02-02T08:00:00Z');
    t.equal(createTestContext({ clock }).ctx.now().toISOString(), '2026-02-02T08:00:00.000Z');
  },
);
