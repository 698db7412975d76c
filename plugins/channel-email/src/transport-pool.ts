import nodemailer, { type SMTPPoolOptions, type Transporter } from 'nodemailer';
import type { EmailConfig } from './config-schema.js';
import { wholeMessages } from './whole-message.js';

/** A pooled transport: its connections are reused by every send with the same settings. */
export type EmailTransport = Transporter;

// Opening an SMTP session (TCP, greeting, EHLO, STARTTLS, AUTH) costs several round trips; one
// pool per server and login lets thousands of sends share a few open connections.
const transports = new Map<string, EmailTransport>();

// Long enough for a slow server, short enough that a dead one frees the job for a retry.
const CONNECTION_TIMEOUT_MS = 30_000;
const GREETING_TIMEOUT_MS = 30_000;
const SOCKET_TIMEOUT_MS = 60_000;
const DNS_TIMEOUT_MS = 30_000;
// An idle connection is closed after this, so a quiet server holds no sockets open for long.
const IDLE_TIMEOUT_MS = 60_000;

/** The transport for these settings, created on first use and reused afterwards. */
export function transportFor(config: EmailConfig): EmailTransport {
  const key = transportKey(config);
  let transport = transports.get(key);
  if (!transport) {
    transport = nodemailer.createTransport(poolOptions(config)).use('stream', wholeMessages);
    transports.set(key, transport);
  }
  return transport;
}

/**
 * Closes every pooled connection and forgets the transports; the next send opens new ones. For
 * a host shutting down, and for tests that must not leave sockets open.
 */
export function closeTransports(): void {
  for (const transport of transports.values()) transport.close();
  transports.clear();
}

function poolOptions(config: EmailConfig): SMTPPoolOptions & { pool: true } {
  return {
    pool: true,
    host: config.host,
    port: config.port,
    secure: config.secure,
    auth: config.user === undefined ? undefined : { user: config.user, pass: config.password },
    maxConnections: config.maxConnections,
    connectionTimeout: CONNECTION_TIMEOUT_MS,
    greetingTimeout: GREETING_TIMEOUT_MS,
    socketTimeout: SOCKET_TIMEOUT_MS,
    dnsTimeout: DNS_TIMEOUT_MS,
    idleTimeout: IDLE_TIMEOUT_MS,
    // Messages are built from strings only: nothing may make nodemailer read a file or a URL.
    disableFileAccess: true,
    disableUrlAccess: true,
  };
}

/** Only the fields that change the connection: the sender does not need a pool of its own. */
function transportKey(config: EmailConfig): string {
  const { host, port, secure, user, password, maxConnections } = config;
  return JSON.stringify([host, port, secure, user, password, maxConnections]);
}
