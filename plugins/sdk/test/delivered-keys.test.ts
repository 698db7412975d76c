import t from 'tap';
import type { JsonValue, KeyValueStore } from '../src/index.js';
import { rememberDelivered, wasDelivered } from '../src/index.js';

/** A store that keeps keys as a real one would, refusing keys longer than 255 characters. */
function store(): KeyValueStore & { keys: Map<string, number | undefined> } {
  const keys = new Map<string, number | undefined>();
  return {
    keys,
    async get<T = JsonValue>(key: string) {
      return keys.has(key) ? (true as T) : undefined;
    },
    async set(key, _value, options) {
      if (key.length > 255) throw new Error('key too long');
      keys.set(key, options?.ttlSeconds);
    },
    async delete(key) {
      keys.delete(key);
    },
  };
}

t.test('a channel remembers what it delivered, for a month, whatever the key', async (t) => {
  const memory = store();
  t.notOk(await wasDelivered(memory, 'delivery-1'));
  await rememberDelivered(memory, 'delivery-1');
  t.ok(await wasDelivered(memory, 'delivery-1'), 'a retry of the same key is known');
  t.notOk(await wasDelivered(memory, 'delivery-2'), 'another key is not');
  t.same([...memory.keys.values()], [30 * 24 * 3600], 'kept for 30 days');

  const long = 'x'.repeat(1000);
  await rememberDelivered(memory, long);
  t.ok(await wasDelivered(memory, long), 'a key longer than the store allows is kept as its hash');
  t.notOk(await wasDelivered(memory, `${long}y`));
});
