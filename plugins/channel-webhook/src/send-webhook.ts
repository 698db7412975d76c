import type { OutgoingMessage, PluginContext, SendResult } from '@tandem/plugin-sdk';
import { rememberDelivered, wasDelivered } from '@tandem/plugin-sdk';
import { allowedTarget } from './allowed-target.js';
import { chatContent } from './chat-content.js';
import type { WebhookConfig } from './config-schema.js';
import { internalNetworks } from './internal-networks.js';
import { payloadFor } from './payloads/index.js';
import { postWebhook } from './post-webhook.js';
import { hostOf } from './redact.js';
import { resultOf } from './send-result.js';
import {
  type Resolve,
  type ResolvedAddress,
  systemResolve,
  webhookAddress,
} from './webhook-address.js';
import type { WebhookTarget } from './webhook-target.js';

type Context = PluginContext<WebhookConfig>;

/**
 * Posts one message to the webhook its recipient address names (else the configured `url`), at
 * most once per key, and never to an internal address the operator did not open (see {@link webhookAddress}).
 *
 * @param resolve the resolver for the URL's host name; tests pass their own.
 */
export async function sendWebhook(
  message: OutgoingMessage,
  ctx: Context,
  resolve: Resolve = systemResolve,
): Promise<SendResult> {
  // The person's own webhook first; else the room this configuration (instance) posts to.
  const parsed = allowedTarget(message.recipient.address ?? ctx.config.url, ctx.config);
  if ('problem' in parsed) return { status: 'failed-permanently', reason: parsed.problem };
  const { target } = parsed;
  if (await wasDelivered(ctx.store, message.deliveryKey)) {
    ctx.log.debug('webhook message already delivered, not posted again', {
      host: hostOf(target.url),
    });
    return { status: 'delivered' };
  }
  const result = await checkAndPost(message, target, ctx, resolve);
  await afterPost(result, message, target, ctx);
  return result;
}

/** Resolves and checks the host, then posts to the address checked. */
async function checkAndPost(
  message: OutgoingMessage,
  target: WebhookTarget,
  ctx: Context,
  resolve: Resolve,
): Promise<SendResult> {
  const networks = internalNetworks(ctx.config.internalNetworks);
  if ('problem' in networks) return { status: 'failed-permanently', reason: networks.problem };
  const found = await webhookAddress(target.url, networks.allowed, resolve);
  const context = { url: target.url, timeoutMs: ctx.config.timeoutMs, now: ctx.now() };
  switch (found.kind) {
    case 'unresolved':
      return resultOf({ kind: 'unreachable', cause: found.cause }, context);
    case 'internal':
      return {
        status: 'failed-permanently',
        reason: `webhook host ${hostOf(target.url)} is the internal address ${found.address}, which webhooks may not reach unless internalNetworks allows it`,
      };
    case 'checked':
      return resultOf(await post(message, target, ctx, found.addresses), context);
  }
}

async function post(
  message: OutgoingMessage,
  target: WebhookTarget,
  ctx: Context,
  addresses: [ResolvedAddress, ...ResolvedAddress[]],
) {
  const { timeoutMs, username } = ctx.config;
  const payload = payloadFor(target.style, chatContent(message), username);
  const { deliveryKey } = message;
  return postWebhook(target.url, payload, { timeoutMs, deliveryKey, addresses });
}

/** Logs the result (host and style only: the URL is a secret) and remembers a delivery. */
async function afterPost(
  result: SendResult,
  message: OutgoingMessage,
  { style, url }: WebhookTarget,
  ctx: Context,
) {
  const fields = { host: hostOf(url), style };
  if (result.status !== 'delivered') {
    ctx.log.warn(`webhook message not delivered: ${result.reason}`, fields);
    return;
  }
  ctx.log.debug('webhook message delivered', fields);
  try {
    await rememberDelivered(ctx.store, message.deliveryKey);
  } catch (error) {
    // The message is out; reporting a failure would make the host post it a second time.
    ctx.log.warn('could not record a delivered webhook message', {
      ...fields,
      error: String(error),
    });
  }
}
