import type { SendResult } from '@tandem/plugin-sdk';

/** What nodemailer attaches to the errors it rejects with (the part the channel reads). */
interface SmtpError extends Error {
  code?: string;
  originalCode?: string;
  timeoutType?: string;
  /** OpenSSL's short reason, e.g. `wrong version number`. */
  reason?: string;
  command?: string;
  response?: string;
  responseCode?: number;
  permanent?: boolean;
}

/** Where a send went to, for reasons an operator can act on. */
export interface SmtpServerAddress {
  host: string;
  port: number;
}

type Failure = Exclude<SendResult, { status: 'delivered' }>;

/** Errors of the connection rather than of the message: another attempt may well get through. */
const CONNECTION_CODES = new Set([
  'ECONNECTION',
  'ECONNREFUSED',
  'ECONNRESET',
  'EDNS',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EPIPE',
  'EPROTOCOL',
  'EPROXY',
  'ESOCKET',
  'ETIMEDOUT',
  'EAI_AGAIN',
]);

/**
 * What a failed send means for the host: an SMTP 4xx answer or a connection that failed →
 * `retry-later`; an SMTP 5xx answer, refused credentials or a TLS failure → `failed-permanently`,
 * with the server's answer or what the operator should check. Undefined for an error the channel
 * does not know: the caller throws it, and the host retries.
 */
export function classifySendError(error: unknown, server: SmtpServerAddress): Failure | undefined {
  if (!(error instanceof Error)) return;
  const smtp = error as SmtpError;
  if (smtp.code === 'EAUTH' || smtp.code === 'ENOAUTH' || wantsLogin(smtp))
    return authFailure(smtp, server);
  if (typeof smtp.responseCode === 'number' && smtp.responseCode >= 400) return answerFailure(smtp);
  if (smtp.code === 'ETLS' || isTlsCode(smtp.originalCode)) return tlsFailure(smtp, server);
  if (isConnectionError(smtp.code) || isConnectionError(smtp.originalCode))
    return later(`cannot reach ${where(server)} (${connectionDetail(smtp)})`);
}

function authFailure(error: SmtpError, server: SmtpServerAddress): Failure {
  // 454 is "temporary authentication failure": the server's backend, not the credentials.
  if (isTransientCode(error.responseCode)) return answerFailure(error);
  if (error.code !== 'EAUTH')
    return permanently(
      `${where(server)} requires a login${answerOf(error)}; set the user and password of the email channel (TANDEM_PLUGIN_EMAIL_USER, TANDEM_PLUGIN_EMAIL_PASSWORD)`,
    );
  return permanently(
    `${where(server)} refused the login${answerOf(error)}; check the user and password of the email channel (TANDEM_PLUGIN_EMAIL_USER, TANDEM_PLUGIN_EMAIL_PASSWORD)`,
  );
}

/**
 * A handshake that fails is a setting (secure on the wrong port, a certificate not trusted) and
 * fails the same way next time; a connection dropped during it may pass.
 */
function tlsFailure(error: SmtpError, server: SmtpServerAddress): Failure {
  const dropped =
    isConnectionError(error.originalCode) || /closed unexpectedly/i.test(error.message);
  if (dropped) return later(`cannot reach ${where(server)} (TLS: ${error.message})`);
  const detail = [error.originalCode, error.reason ?? error.message].filter(Boolean).join(': ');
  return permanently(
    `TLS with ${where(server)} failed (${detail}); check secure and port (465 needs secure=true, 587 secure=false) and the server's certificate`,
  );
}

/** The server answered with an error code: its answer is the reason. */
function answerFailure(error: SmtpError): Failure {
  const code = error.responseCode ?? 0;
  const answer = error.response?.trim() || `${code} ${error.message}`;
  const reason = `SMTP ${answer}${error.command ? ` (after ${error.command})` : ''}`;
  // nodemailer reads the reply class for us (and knows 503 is no rejection of the message).
  const permanent = error.permanent ?? !isTransientCode(code);
  return permanent ? permanently(reason) : later(reason);
}

/** 530 "authentication required" (530 also says "STARTTLS first", which is no login matter). */
function wantsLogin(error: SmtpError): boolean {
  return error.responseCode === 530 && /auth/i.test(error.response ?? '');
}

function answerOf(error: SmtpError): string {
  return error.response ? ` (SMTP ${error.response.trim()})` : '';
}

function isTransientCode(code: number | undefined): boolean {
  return code !== undefined && code >= 400 && code < 500;
}

/** OpenSSL and certificate errors, e.g. ERR_SSL_WRONG_VERSION_NUMBER, CERT_HAS_EXPIRED. */
function isTlsCode(code: string | undefined): boolean {
  return code !== undefined && /^ERR_(SSL|TLS)_|CERT|SELF_SIGNED|UNABLE_TO_/.test(code);
}

function isConnectionError(code: string | undefined): boolean {
  return code !== undefined && CONNECTION_CODES.has(code);
}

/**
 * `ECONNREFUSED`, `ETIMEDOUT, GREETING_TIMEOUT`, or nodemailer's own code with its message
 * (`ECONNECTION: Connection closed unexpectedly`) when no lower-level code says more.
 */
function connectionDetail(error: SmtpError): string {
  if (isConnectionError(error.originalCode)) return error.originalCode ?? '';
  if (error.timeoutType) return `${error.code}, ${error.timeoutType}`;
  return `${error.code}: ${error.message}`;
}

function where({ host, port }: SmtpServerAddress): string {
  return `${host}:${port}`;
}

function later(reason: string): Failure {
  return { status: 'retry-later', reason };
}

function permanently(reason: string): Failure {
  return { status: 'failed-permanently', reason };
}
