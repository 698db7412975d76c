import type { OutgoingMessage, PluginContext, SendResult } from '@tandem/plugin-sdk';
import { rememberDelivered, wasDelivered } from '@tandem/plugin-sdk';
import type { EmailConfig } from './config-schema.js';
import { mailOptions } from './mail-message.js';
import { classifySendError } from './send-error.js';
import { transportFor } from './transport-pool.js';

/**
 * Sends one message by SMTP, at most once per delivery key: a key the store knows is reported
 * delivered without sending. Failures the channel understands come back as `retry-later` or
 * `failed-permanently`; anything else is thrown, and the host retries it.
 */
export async function sendEmail(
  message: OutgoingMessage,
  ctx: PluginContext<EmailConfig>,
): Promise<SendResult> {
  const address = message.recipient.address?.trim();
  if (!address)
    return {
      status: 'failed-permanently',
      reason: `recipient ${message.recipient.id} has no email address`,
    };
  const config = ctx.config;
  const problem = credentialsProblem(config);
  if (problem) return { status: 'failed-permanently', reason: problem };
  if (await wasDelivered(ctx.store, message.deliveryKey)) return { status: 'delivered' };
  try {
    await transportFor(config).sendMail(mailOptions(message, address, config, ctx.now()));
  } catch (error) {
    const failure = classifySendError(error, config);
    if (!failure) throw error;
    return failure;
  }
  await remember(message.deliveryKey, ctx);
  return { status: 'delivered' };
}

/** The schema refuses half a login already; this covers a config that skipped validation. */
function credentialsProblem({ user, password }: EmailConfig): string | undefined {
  if ((user === undefined) === (password === undefined)) return;
  const missing = user === undefined ? 'user' : 'password';
  return `config field ${missing} is missing: set both user and password, or neither`;
}

/**
 * The mail is out: a store that fails now must not turn it into a retry (that would send it
 * twice), so the failure is only logged.
 */
async function remember(deliveryKey: string, ctx: PluginContext<EmailConfig>): Promise<void> {
  try {
    await rememberDelivered(ctx.store, deliveryKey);
  } catch (error) {
    ctx.log.warn('could not remember a delivered email; a retry would send it again', {
      deliveryKey,
      error: error instanceof Error ? error.message : String(error),
    });
  }
}
