/**
 * The raw path: nodemailer straight to the sink, with no queue, database, plugin host or
 * plugin store. It uses the email channel's own pooled transport (`transportFor`: one
 * `nodemailer.createTransport` with the channel's pool options and default `maxConnections`)
 * and its own message builder, so both paths put the same bytes on the same kind of pool.
 */
import { randomUUID } from 'node:crypto';
import type { OutgoingMessage } from '@tandem/plugin-sdk';
import { resolvePluginConfig } from '@tandem/plugin-sdk';
import {
  type EmailConfig,
  EmailConfigSchema,
} from '../../plugins/channel-email/src/config-schema.js';
import { mailOptions } from '../../plugins/channel-email/src/mail-message.js';
import { closeTransports, transportFor } from '../../plugins/channel-email/src/transport-pool.js';
import { FROM, invitationContent, PUBLIC_URL, person } from './invitation-content.js';
import { type Elapsed, progress, stopwatch } from './progress.js';
import type { RemoteSink } from './remote-sink.js';

/** The channel's configuration for the sink, defaults filled in as the plugin host does. */
export function emailConfig(sink: RemoteSink): EmailConfig {
  const resolved = resolvePluginConfig(EmailConfigSchema, {
    host: sink.host,
    port: sink.port,
    from: FROM,
  });
  if (resolved.problem) throw new Error(`email config: ${resolved.problem.message}`);
  return resolved.config;
}

/**
 * Sends `count` invitations through one pooled transport, all handed to the pool at once (it
 * queues them), and resolves with the time until the sink has them all.
 */
export async function rawSend(sink: RemoteSink, count: number, quiet = false): Promise<Elapsed> {
  const config = emailConfig(sink);
  // Rendering the calendar is the caller's work in both paths, and not timed in either.
  const messages = Array.from({ length: count }, (_, i) => outgoingMessage(i));
  const expected = sink.report.received + count;
  const report = quiet ? () => {} : progress('raw: sent', count);
  let sent = 0;
  const elapsed = stopwatch();
  try {
    const transport = transportFor(config);
    await Promise.all(
      messages.map(async (message) => {
        const address = message.recipient.address ?? '';
        await transport.sendMail(mailOptions(message, address, config, new Date()));
        report(++sent);
      }),
    );
    await sink.waitFor(expected);
    return elapsed();
  } finally {
    closeTransports();
  }
}

/** What `attemptDelivery` would hand the channel for the i-th person's invitation. */
function outgoingMessage(i: number): OutgoingMessage {
  const { name, email } = person(i);
  const content = invitationContent(i);
  return {
    deliveryKey: randomUUID(),
    recipient: { id: randomUUID(), name, address: email, locale: 'de' },
    kind: 'invitation',
    subject: content.title,
    text: content.text,
    ...(content.calendar ? { calendar: content.calendar } : {}),
    links: [{ label: content.title, url: new URL(content.link ?? '/', PUBLIC_URL).href }],
  };
}
