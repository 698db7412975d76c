import type { OutgoingMessage, PluginContext, SendResult } from '@tandem/plugin-sdk';
import { rememberDelivered, wasDelivered } from '@tandem/plugin-sdk';
import { isAllowedHost } from './allowed-host.js';
import { chatContent } from './chat-content.js';
import type { WebhookConfig } from './config-schema.js';
import { payloadFor } from './payloads/index.js';
import { postWebhook } from './post-webhook.js';
import { hostOf } from './redact.js';
import { resultOf } from './send-result.js';
import { parseTarget, type WebhookTarget } from './webhook-target.js';

type Context = PluginContext<WebhookConfig>;

/** Posts one message to the webhook its recipient address names, at most once per key. */
export async function sendWebhook(message: OutgoingMessage, ctx: Context): Promise<SendResult> {
  const parsed = parseTarget(message.recipient.address, ctx.config.style);
  if ('problem' in parsed) return { status: 'failed-permanently', reason: parsed.problem };
  const { target } = parsed;
  const host = hostOf(target.url);
  if (!isAllowedHost(target.url, ctx.config.allowedHosts))
    return { status: 'failed-permanently', reason: `webhook host ${host} is not in allowedHosts` };
  if (await wasDelivered(ctx.store, message.deliveryKey)) {
    ctx.log.debug('webhook message already delivered, not posted again', { host });
    return { status: 'delivered' };
  }
  const result = await post(message, target, ctx);
  await afterPost(result, message, target, ctx);
  return result;
}

async function post(message: OutgoingMessage, target: WebhookTarget, ctx: Context) {
  const { timeoutMs, username } = ctx.config;
  const payload = payloadFor(target.style, chatContent(message), username);
  const outcome = await postWebhook(target.url, payload, {
    timeoutMs,
    deliveryKey: message.deliveryKey,
  });
  return resultOf(outcome, { url: target.url, timeoutMs, now: ctx.now() });
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
