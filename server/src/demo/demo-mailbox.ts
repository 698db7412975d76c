import type { DemoMail } from './demo-mail-sink.js';
import type { DemoMailView } from './demo-mailbox-schemas.js';

/** The demo mailbox as the admin page shows it: newest first, times as UTC instants. */
export function demoMailbox(messages: readonly DemoMail[]): DemoMailView[] {
  return messages.map((mail) => ({
    from: mail.from,
    to: mail.to,
    subject: mail.subject,
    receivedAt: mail.receivedAt.toISOString(),
    text: mail.text,
    language: mail.language,
    event: mail.event,
  }));
}
