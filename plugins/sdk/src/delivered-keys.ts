import { createHash } from 'node:crypto';
import type { KeyValueStore } from './context.js';

/**
 * The host retries a send when it cannot tell whether it went through, and most targets (SMTP
 * servers, chat webhooks) do not deduplicate, so a channel remembers what it delivered. A month
 * outlasts any retry.
 */
const REMEMBER_SECONDS = 30 * 24 * 3600;

const MAX_STORE_KEY = 255;

/**
 * Whether a message with this delivery key was delivered before, by this channel: call it first
 * in `send()` and answer `delivered` without sending again.
 */
export async function wasDelivered(store: KeyValueStore, deliveryKey: string): Promise<boolean> {
  return (await store.get(storeKey(deliveryKey))) !== undefined;
}

/** Records a delivery in the channel's store, so a retry of the same key sends nothing. */
export async function rememberDelivered(store: KeyValueStore, deliveryKey: string): Promise<void> {
  await store.set(storeKey(deliveryKey), true, { ttlSeconds: REMEMBER_SECONDS });
}

// Delivery keys have no length limit but store keys do: a long key is kept as its hash.
function storeKey(deliveryKey: string): string {
  const plain = `delivered:${deliveryKey}`;
  if (plain.length <= MAX_STORE_KEY) return plain;
  return `delivered-sha256:${createHash('sha256').update(deliveryKey).digest('hex')}`;
}
