import { randomUUID } from 'node:crypto';
import type { OutgoingMessage } from '@tandem/plugin-sdk';
import {
  createTestContext,
  type PluginConfigInput,
  pluginConfig,
  type SampleMessageOverrides,
  sampleMessage,
} from '@tandem/plugin-testkit';
import webhook from '../src/index.js';

type Config = PluginConfigInput<typeof webhook.configSchema>;

/** The test servers listen on 127.0.0.1, an internal address webhooks reach only when allowed. */
export const LOOPBACK_ALLOWED = { internalNetworks: ['127.0.0.0/8'] };

/** The sample invitation addressed to a webhook, with a delivery key of its own. */
export function messageTo(address: string, more: SampleMessageOverrides = {}): OutgoingMessage {
  const { recipient, ...fields } = more;
  return sampleMessage({
    deliveryKey: `test:${randomUUID()}`,
    ...fields,
    recipient: { address, ...recipient },
  });
}

/**
 * Sends with the given config (defaults filled in as the host does, loopback allowed unless
 * the config says otherwise) in a fresh context.
 */
export async function send(message: OutgoingMessage, config: Config = {}) {
  const context = createTestContext({
    config: pluginConfig(webhook, { ...LOOPBACK_ALLOWED, ...config }),
  });
  const result = await webhook.send(message, context.ctx);
  return { result, ...context };
}

/** A webhook path that looks like the real thing: its last segments are the secret. */
export function secretPath(): { path: string; secret: string } {
  const secret = randomUUID().replaceAll('-', '');
  return { path: `/services/T0TANDEM/B0HOOK/${secret}`, secret };
}
