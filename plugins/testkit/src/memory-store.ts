import type { JsonValue, KeyValueStore, KeyValueStoreSetOptions } from '@tandem/plugin-sdk';

/** The longest key the host's store accepts (the width of its database column). */
export const MAX_STORE_KEY_LENGTH = 255;

/** One live entry of a {@link MemoryStore}, as {@link MemoryStore.entries} lists it. */
export interface MemoryStoreEntry {
  /** The key. */
  readonly key: string;
  /** A copy of the stored value. */
  readonly value: JsonValue;
  /** When the entry expires; absent for an entry without `ttlSeconds`. */
  readonly expiresAt?: Date;
}

/** A {@link KeyValueStore} in memory that also shows its entries to the test. */
export interface MemoryStore extends KeyValueStore {
  /** The entries that have not expired, sorted by key, for assertions. */
  entries(): MemoryStoreEntry[];
}

interface Slot {
  json: string;
  expiresAt?: number;
}

/**
 * Makes an empty {@link MemoryStore} that behaves like the host's: values are kept as JSON, so
 * what a plugin reads back is a deep copy holding only what JSON can carry (a `Date` comes back
 * as a string, `undefined` fields vanish) — a plugin storing something else learns it in its
 * tests. Entries with `ttlSeconds` expire against the given clock, at the exact moment too.
 *
 * @param clock - what tells the time; pass the test context's clock to expire entries with it.
 */
export function createMemoryStore(clock: { now(): Date }): MemoryStore {
  const slots = new Map<string, Slot>();
  const live = (key: string): Slot | undefined => {
    const slot = slots.get(key);
    if (slot?.expiresAt !== undefined && slot.expiresAt <= clock.now().getTime()) return;
    return slot;
  };
  return {
    get: async <T = JsonValue>(key: string) => {
      const slot = live(checkedKey(key));
      return slot && (JSON.parse(slot.json) as T);
    },
    set: async (key: string, value: JsonValue, options: KeyValueStoreSetOptions = {}) => {
      slots.set(checkedKey(key), slotFor(value, options, clock.now().getTime()));
    },
    delete: async (key: string) => {
      slots.delete(checkedKey(key));
    },
    entries: () =>
      [...slots.keys()].sort().flatMap((key) => {
        const slot = live(key);
        return slot ? [entryOf(key, slot)] : [];
      }),
  };
}

function slotFor(value: JsonValue, { ttlSeconds }: KeyValueStoreSetOptions, now: number): Slot {
  const json = value === undefined ? undefined : JSON.stringify(value);
  if (json === undefined)
    throw new TypeError('store.set needs a JSON value; use store.delete to remove an entry');
  return ttlSeconds === undefined ? { json } : { json, expiresAt: now + ttlSeconds * 1000 };
}

function entryOf(key: string, slot: Slot): MemoryStoreEntry {
  const value = JSON.parse(slot.json) as JsonValue;
  return slot.expiresAt === undefined
    ? { key, value }
    : { key, value, expiresAt: new Date(slot.expiresAt) };
}

function checkedKey(key: string): string {
  if (typeof key !== 'string' || key.length === 0 || key.length > MAX_STORE_KEY_LENGTH)
    throw new TypeError(`store keys are strings of 1 to ${MAX_STORE_KEY_LENGTH} characters`);
  return key;
}
