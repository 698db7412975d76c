/**
 * `@tandem/plugin-testkit/smtp-sink`: a real SMTP server on the loopback interface that records
 * every message it accepts, parsed, for tests of anything that sends email. A subpath of its
 * own, so only the tests that ask for it load `smtp-server` and `mailparser`.
 *
 * @packageDocumentation
 */
import type { AddressInfo } from 'node:net';
import { type Attachment, type ParsedMail, type StructuredHeader, simpleParser } from 'mailparser';
import {
  SMTPServer,
  type SMTPServerAddress,
  type SMTPServerAuthentication,
  type SMTPServerAuthenticationResponse,
  type SMTPServerDataStream,
  type SMTPServerError,
  type SMTPServerSession,
} from 'smtp-server';

/** Options of {@link startSmtpSink}. */
export interface SmtpSinkOptions {
  /**
   * Credentials the sink requires (AUTH PLAIN or LOGIN, allowed without TLS); any other pair is
   * refused with `535`. Without it, authentication is optional and every login is accepted.
   */
  auth?: { user: string; pass: string };
}

/** A part of a {@link ReceivedMail} that holds an iCalendar object. */
export interface ReceivedCalendar {
  /** The `method` parameter of the part's Content-Type, upper case: `REQUEST`, `CANCEL`, … */
  method: string;
  /** The part's media type with its parameters: `text/calendar; charset=utf-8; method=REQUEST`. */
  contentType: string;
  /**
   * Where the part sits in the MIME tree, numbered as IMAP does (RFC 3501): `3` is the third
   * child of the top-level multipart, `1.3` the third child of its first child.
   */
  partId: string;
  /** The part's Content-Disposition, lower case (`inline`, `attachment`); absent when it has none. */
  disposition?: string;
  /** The iCalendar object, decoded from its transfer encoding. */
  content: string;
}

/** One message the sink accepted, as the client sent it. */
export interface ReceivedMail {
  /** The SMTP envelope: `MAIL FROM` and every accepted `RCPT TO`. */
  envelope: { from: string; to: string[] };
  /** The `Message-ID` header, angle brackets included; absent when the message had none. */
  messageId?: string;
  /** The decoded `Subject` header; empty when the message had none. */
  subject: string;
  /** The plain-text body (every `text/plain` part); empty when the message had none (HTML is not converted). */
  text: string;
  /** The HTML body; absent when the message had no `text/html` part. */
  html?: string;
  /**
   * The top-level header fields by lower-case name, each value as sent (unfolded, not decoded);
   * a field that occurs more than once keeps its first occurrence (see `raw` for the rest).
   */
  headers: ReadonlyMap<string, string>;
  /** The whole message (RFC 5322 source) as received, after dot-unstuffing. */
  raw: string;
  /** The first `text/calendar` part anywhere in the MIME tree, if there is one. */
  calendar?: ReceivedCalendar;
  /**
   * Every part that holds an iCalendar object (`text/calendar`, `application/ics`), in message
   * order, so a test can tell whether a client would find the event once or twice.
   */
  calendars: ReceivedCalendar[];
}

/** A running SMTP sink, as {@link startSmtpSink} resolves with it. */
export interface SmtpSink {
  /** The address it listens on: always `127.0.0.1`. */
  readonly host: string;
  /** The ephemeral port it listens on. */
  readonly port: number;
  /** Every message accepted so far, in the order parsing finished; the array is live. */
  readonly messages: ReceivedMail[];
  /**
   * Resolves with a copy of {@link messages} once at least `count` messages have arrived, at
   * once when they already have.
   *
   * @throws Error (as a rejection) naming the count expected and received after `timeoutMs`.
   */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  /**
   * From now on answers every message (at the end of `DATA`) with SMTP `code` — e.g. `451` for
   * a transient failure, `550` for a permanent one — without recording it; `undefined`
   * accepts messages again.
   *
   * @param message - the reply text after the code; a default with an enhanced status code
   *   (`4.3.0 …`, `5.6.0 …`) when omitted.
   */
  failWith(code: number | undefined, message?: string): void;
  /**
   * From now on refuses these recipients (case-insensitive) at `RCPT TO` with `code`, e.g.
   * `550` for an unknown mailbox; `undefined` as the code accepts them again.
   *
   * @param message - the reply text after the code; `5.1.1 Mailbox unavailable` (or
   *   `4.2.1 …` for a 4xx code) when omitted.
   */
  failRecipients(addresses: string[], code: number | undefined, message?: string): void;
  /** Stops listening and ends every open connection (a pooled client's too). */
  close(): Promise<void>;
}

interface Refusal {
  code: number;
  message: string;
}

const HOST = '127.0.0.1';

/**
 * Starts an SMTP server on 127.0.0.1 on an ephemeral port. It parses every message with
 * mailparser and records it in `messages` before it answers `250`, so a client whose send has
 * resolved finds its message there. It does no TLS (no STARTTLS offered) and no reverse DNS,
 * and takes any number of concurrent connections.
 *
 * @example
 * const sink = await startSmtpSink();
 * await send({ host: sink.host, port: sink.port });
 * const [mail] = await sink.waitFor(1);
 * await sink.close();
 */
export async function startSmtpSink(options: SmtpSinkOptions = {}): Promise<SmtpSink> {
  const sink = new Sink(options);
  await sink.listen();
  return sink;
}

class Sink implements SmtpSink {
  readonly host = HOST;
  readonly messages: ReceivedMail[] = [];
  private readonly server: SMTPServer;
  private readonly waiters = new Set<() => void>();
  private readonly refusedRecipients = new Map<string, Refusal>();
  private dataRefusal: Refusal | undefined;

  constructor(private readonly options: SmtpSinkOptions) {
    this.server = new SMTPServer({
      name: 'smtp-sink.localhost',
      logger: false,
      disabledCommands: ['STARTTLS'],
      authOptional: options.auth === undefined,
      allowInsecureAuth: true,
      // Many pooled connections in a row: no reverse lookups, no command limits, quick close.
      disableReverseLookup: true,
      maxAllowedUnauthenticatedCommands: false,
      closeTimeout: 1000,
      onAuth: (auth, _session, callback) => callback(null, this.authenticate(auth)),
      onRcptTo: (address, _session, callback) => callback(this.checkRecipient(address)),
      onData: (stream, session, callback) => {
        this.receive(stream, session).then(
          () => callback(),
          (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
        );
      },
    });
    // A client that drops its connection is the client's business, not a reason to crash.
    this.server.on('error', () => {});
  }

  get port(): number {
    return (this.server.server.address() as AddressInfo).port;
  }

  listen(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.server.server.once('error', reject);
      this.server.listen(0, HOST, () => {
        this.server.server.off('error', reject);
        resolve();
      });
    });
  }

  waitFor(count: number, timeoutMs = 10_000): Promise<ReceivedMail[]> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (this.messages.length < count) return;
        settle();
        resolve([...this.messages]);
      };
      const timer = setTimeout(() => {
        settle();
        reject(
          new Error(
            `SMTP sink: expected at least ${count} messages within ${timeoutMs} ms, received ${this.messages.length}`,
          ),
        );
      }, timeoutMs);
      const settle = () => {
        clearTimeout(timer);
        this.waiters.delete(check);
      };
      this.waiters.add(check);
      check();
    });
  }

  failWith(code: number | undefined, message?: string): void {
    this.dataRefusal = code === undefined ? undefined : refusal(code, message);
  }

  failRecipients(addresses: string[], code: number | undefined, message?: string): void {
    const refused = code === undefined ? undefined : recipientRefusal(code, message);
    for (const address of addresses) {
      const key = address.toLowerCase();
      if (refused) this.refusedRecipients.set(key, refused);
      else this.refusedRecipients.delete(key);
    }
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      // Idle pooled connections would otherwise hold the server open until closeTimeout.
      for (const connection of this.server.connections) {
        connection.send(421, 'Server shutting down');
        connection.close();
      }
    });
  }

  private authenticate(auth: SMTPServerAuthentication): SMTPServerAuthenticationResponse {
    const expected = this.options.auth;
    if (!expected) return { user: auth.username ?? 'anonymous' };
    if (auth.username === expected.user && auth.password === expected.pass)
      return { user: auth.username };
    return { message: '5.7.8 Authentication credentials invalid', responseCode: 535 };
  }

  private checkRecipient(address: SMTPServerAddress): SMTPServerError | undefined {
    const refused = this.refusedRecipients.get(address.address.toLowerCase());
    return refused && smtpError(refused);
  }

  /** Reads the message, then refuses it or records it: the client hears 250 only after that. */
  private async receive(stream: SMTPServerDataStream, session: SMTPServerSession): Promise<void> {
    const envelope = envelopeOf(session);
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    const refused = this.dataRefusal;
    if (refused) throw smtpError(refused);
    const raw = Buffer.concat(chunks);
    this.messages.push(await receivedMail(envelope, raw));
    for (const waiter of [...this.waiters]) waiter();
  }
}

function envelopeOf(session: SMTPServerSession): ReceivedMail['envelope'] {
  const { mailFrom, rcptTo } = session.envelope;
  return { from: mailFrom ? mailFrom.address : '', to: rcptTo.map((r) => r.address) };
}

// The message as sent, nothing derived: no text made from HTML or HTML from text, no checksums
// (which also halves the parsing time, and the sink parses every message before it answers).
const PARSER_OPTIONS = {
  skipHtmlToText: true,
  skipTextToHtml: true,
  skipTextLinks: true,
  skipImageLinks: true,
  checksumAlgo: false,
} as const;

async function receivedMail(
  envelope: ReceivedMail['envelope'],
  raw: Buffer,
): Promise<ReceivedMail> {
  const parsed = await simpleParser(raw, PARSER_OPTIONS);
  const mail: ReceivedMail = {
    envelope,
    subject: parsed.subject ?? '',
    text: parsed.text ?? '',
    headers: headersOf(parsed),
    raw: raw.toString('utf8'),
    calendars: parsed.attachments.filter(isCalendar).map(receivedCalendar),
  };
  if (parsed.messageId) mail.messageId = parsed.messageId;
  if (typeof parsed.html === 'string') mail.html = parsed.html;
  const calendar = mail.calendars.find((part) => part.contentType.startsWith('text/calendar'));
  if (calendar) mail.calendar = calendar;
  return mail;
}

function headersOf(parsed: ParsedMail): ReadonlyMap<string, string> {
  const headers = new Map<string, string>();
  for (const { key, line } of parsed.headerLines) {
    if (headers.has(key)) continue;
    const value = line.slice(line.indexOf(':') + 1).replace(/\r?\n(?=[ \t])/g, '');
    headers.set(key, value.trim());
  }
  return headers;
}

const CALENDAR_TYPES = new Set(['text/calendar', 'application/ics']);

/** mailparser lists every calendar part, alternative or attached, among the attachments. */
function isCalendar(attachment: Attachment): boolean {
  return CALENDAR_TYPES.has(attachment.contentType.toLowerCase());
}

function receivedCalendar(part: Attachment): ReceivedCalendar {
  const type = part.headers.get('content-type') as StructuredHeader | undefined;
  const params = type?.params ?? {};
  const contentType = [
    part.contentType.toLowerCase(),
    ...Object.entries(params).map(([k, v]) => `${k}=${v}`),
  ];
  const disposition = part.headers.get('content-disposition') as StructuredHeader | undefined;
  return {
    method: (params.method ?? '').toUpperCase(),
    contentType: contentType.join('; '),
    partId: part.partId ?? '',
    ...(disposition ? { disposition: disposition.value.toLowerCase() } : {}),
    content: part.content.toString('utf8'),
  };
}

function refusal(code: number, message: string | undefined): Refusal {
  if (message !== undefined) return { code, message };
  return {
    code,
    message: code < 500 ? '4.3.0 Temporary failure, try again later' : '5.6.0 Message refused',
  };
}

function recipientRefusal(code: number, message: string | undefined): Refusal {
  if (message !== undefined) return { code, message };
  return {
    code,
    message: code < 500 ? '4.2.1 Mailbox temporarily unavailable' : '5.1.1 Mailbox unavailable',
  };
}

function smtpError({ code, message }: Refusal): SMTPServerError {
  return Object.assign(new Error(message), { responseCode: code });
}
