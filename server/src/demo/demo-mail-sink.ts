import type { AddressInfo } from 'node:net';
import { type Attachment, simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import { calendarEvent } from './demo-mail-event.js';
import type { DemoMailEvent } from './demo-mailbox-schemas.js';

/** One message the demo mailbox received, as the email channel sent it. */
export interface DemoMail {
  /** The sender as the message's From header shows it, e.g. `Tandem <tandem@…>`. */
  from: string;
  /** The envelope's recipients. */
  to: string[];
  subject: string;
  receivedAt: Date;
  /** The plain-text body. */
  text: string;
  /** Its Content-Language, when it says one. */
  language: string | null;
  /** The event of the message's first calendar part, read once on arrival; null without one. */
  event: DemoMailEvent | null;
}

/** The SMTP server demo mode sends its email to, and what it has received. */
export interface DemoMailSink {
  readonly host: string;
  readonly port: number;
  /** The messages received, newest first: at most {@link DEMO_MAILBOX_CAPACITY}. */
  messages(): readonly DemoMail[];
  close(): Promise<void>;
}

/**
 * Kept in memory only, so a restart empties the mailbox; the oldest go first beyond this, which
 * a demo of a few dozen pairs never reaches, while a forgotten demo cannot grow without bound.
 */
export const DEMO_MAILBOX_CAPACITY = 1000;

const HOST = '127.0.0.1';

/** Starts an SMTP server on a free loopback port that keeps every message it accepts. */
export async function startDemoMailSink(): Promise<DemoMailSink> {
  const received: DemoMail[] = [];
  const server = new SMTPServer({
    name: 'demo-mailbox.localhost',
    logger: false,
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    allowInsecureAuth: true,
    disableReverseLookup: true,
    closeTimeout: 1000,
    // Whatever login a plugin config file sets for the real mail server is welcome here.
    onAuth: (auth, _session, callback) => callback(null, { user: auth.username ?? 'demo' }),
    onData: (stream, session, callback) => {
      receive(stream, session).then(
        (mail) => {
          received.unshift(mail);
          received.length = Math.min(received.length, DEMO_MAILBOX_CAPACITY);
          callback();
        },
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      );
    },
  });
  // A client that drops its connection is no reason to stop the demo.
  server.on('error', () => {});
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(0, HOST, () => {
      server.server.off('error', reject);
      resolve();
    });
  });
  return {
    host: HOST,
    port: (server.server.address() as AddressInfo).port,
    messages: () => [...received],
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        // Pooled connections stay open otherwise until closeTimeout.
        for (const connection of server.connections) connection.close();
      }),
  };
}

async function receive(
  stream: SMTPServerDataStream,
  session: SMTPServerSession,
): Promise<DemoMail> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  const parsed = await simpleParser(Buffer.concat(chunks), {
    skipHtmlToText: true,
    skipTextToHtml: true,
    skipTextLinks: true,
    skipImageLinks: true,
  });
  const calendar = parsed.attachments.find(isCalendar);
  return {
    from: sender(parsed.from?.value ?? []),
    to: session.envelope.rcptTo.map((recipient) => recipient.address),
    subject: parsed.subject ?? '',
    receivedAt: new Date(),
    text: parsed.text ?? '',
    language: contentLanguage(parsed.headers.get('content-language')),
    event: calendar ? calendarEvent(calendar.content.toString('utf8')) : null,
  };
}

/** The From header as people read it: `Name <address>`, without the header's quoting. */
function sender(addresses: readonly { name: string; address?: string }[]): string {
  return addresses
    .map(({ name, address }) => (name ? `${name} <${address ?? ''}>` : (address ?? '')))
    .join(', ');
}

/** The first language a Content-Language header names. */
function contentLanguage(header: unknown): string | null {
  return typeof header === 'string' ? (header.split(',')[0]?.trim() ?? null) || null : null;
}

// The same calendar parts as the testkit's SMTP sink (@tandem/plugin-testkit/smtp-sink) reads.
const CALENDAR_TYPES = new Set(['text/calendar', 'application/ics']);

/** mailparser lists every calendar part, alternative or attached, among the attachments. */
function isCalendar(attachment: Attachment): boolean {
  return CALENDAR_TYPES.has(attachment.contentType.toLowerCase());
}
