import { createHash } from 'node:crypto';
import type { KeyValueStore } from '@tandem/plugin-sdk';

/**
 * The host retries a send when it cannot tell whether it went through; chat webhooks do not
 * deduplicate, so the channel remembers what it delivered. A month outlasts any retry.
 */
const REMEMBER_SECONDS = 30 * 24 * 3600;

const MAX_STORE_KEY = 255;

/** Whether a message with this delivery key was delivered before. */
export async function wasDelivered(store: KeyValueStore, deliveryKey: string): Promise<boolean> {
  return (await store.get(storeKey(deliveryKey))) !== undefined;
}

/** Records a delivery, so a retry of the same key posts nothing. */
export async function rememberDelivered(store: KeyValueStore, deliveryKey: string): Promise<void> {
  await store.set(storeKey(deliveryKey), true, { ttlSeconds: REMEMBER_SECONDS });
}

// Delivery keys have no length limit but store keys do: a long key is kept as its hash.
function storeKey(deliveryKey: string): string {
  const plain = `delivered:${deliveryKey}`;
  if (plain.length <= MAX_STORE_KEY) return plain;
  return `delivered-sha256:${createHash('sha256').update(deliveryKey).digest('hex')}`;
}
