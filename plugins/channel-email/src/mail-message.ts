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
  };
  const html = htmlBody(message);
  if (html !== undefined) options.html = html;
  if (message.calendar !== undefined)
    // nodemailer puts it in twice: as a text/calendar alternative with the method parameter,
    // which Outlook and Thunderbird file straight into the calendar, and as invite.ics for the
    // clients that only look at attachments.
    options.icalEvent = { method: calendarMethod(message.calendar), content: message.calendar };
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
