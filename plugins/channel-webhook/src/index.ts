/**
 * `@tandem/channel-webhook`: Tandem's built-in chat channel. It posts messages to the incoming
 * webhooks of Slack, Rocket.Chat, Microsoft Teams (incoming webhooks and Workflows) and Matrix
 * (matrix-hookshot), in each tool's format. The recipient address is the webhook URL, optionally
 * prefixed with a style (`teams+https://…`).
 *
 * @packageDocumentation
 */
import { defineNotificationChannel } from '@tandem/plugin-sdk';
import { addressProblem } from './address-problem.js';
import { WebhookConfigSchema } from './config-schema.js';
import { sendWebhook } from './send-webhook.js';

export { WEBHOOK_STYLES, type WebhookConfig, type WebhookStyle } from './config-schema.js';

/** The webhook channel, `webhook`: the package's default export, loaded by the host. */
export default defineNotificationChannel({
  name: 'webhook',
  version: '0.1.0',
  host: '^0.1.0',
  configSchema: WebhookConfigSchema,
  send: (message, ctx) => sendWebhook(message, ctx),
  addressProblem,
});
