/**
 * `@tandem/channel-email`: Tandem's built-in email channel (`email`). Sends each message by
 * SMTP through a pooled nodemailer transport, as plain text and HTML, with iCalendar
 * invitations as a `text/calendar` part that calendars file and update in place.
 *
 * @packageDocumentation
 */
import { defineNotificationChannel } from '@tandem/plugin-sdk';
import { EmailConfigSchema } from './config-schema.js';
import { sendEmail } from './send-email.js';

export default defineNotificationChannel({
  name: 'email',
  version: '0.1.0',
  host: '^0.1.0',
  configSchema: EmailConfigSchema,
  send: sendEmail,
});

export { closeTransports } from './transport-pool.js';
