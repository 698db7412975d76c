import { createHash } from 'node:crypto';
import type { OutgoingMessage } from '@tandem/plugin-sdk';
import type { SendMailOptions } from 'nodemailer';
import { calendarMethod } from './calendar-method.js';
import type { EmailConfig } from './config-schema.js';
import { htmlBody, textBody } from './mail-body.js';

/** The message as nodemailer sends it; the recipient must have an address. */
export function mailOptions(
  message: OutgoingMessage,
  address: string,
  config: EmailConfig,
  now: Date,
): SendMailOptions {
  const options: SendMailOptions = {
    from: { name: config.fromName, address: config.from },
    to: { name: message.recipient.name, address },
    subject: message.subject,
    messageId: messageIdFor(message.deliveryKey, config.from),
    date: now,
    text: textBody(message),
    // The message's language (RFC 3282), so mail programs and screen readers read it right.
    headers: { 'Content-Language': message.recipient.locale },
  };
  const html = htmlBody(message);
  if (html !== undefined) options.html = html;
  if (message.calendar !== undefined)
    // The event once, as the last alternative after the text and HTML it stands for: the
    // layout Exchange writes for its own invitations (MS-OXCMAIL 2.1.3.3.8), which Outlook,
    // Gmail, Thunderbird and Apple Mail file as an invitation by the method parameter (RFC 6047
    // 2.4). Not nodemailer's `icalEvent`: that adds the event again as invite.ics, a second
    // copy that clients list as an attachment and that Outlook does not read as an invitation.
    options.alternatives = [
      {
        contentType: `text/calendar; charset=utf-8; method=${calendarMethod(message.calendar)}`,
        content: message.calendar,
      },
    ];
  return options;
}

/**
 * The Message-ID of a delivery: derived from its key, so every retry of one delivery carries
 * the same one and receiving systems that deduplicate by it show a repeated send only once.
 * The domain is the sender's, as RFC 5322 recommends for uniqueness.
 */
export function messageIdFor(deliveryKey: string, from: string): string {
  const hash = createHash('sha256').update(deliveryKey).digest('hex');
  const domain = from.slice(from.lastIndexOf('@') + 1) || 'tandem.invalid';
  return `<${hash}@${domain}>`;
}
