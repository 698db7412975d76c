import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import type { ResolvedAddress } from './webhook-address.js';

/** How a POST to a webhook ended, before it is judged. */
export type HttpOutcome =
  | { kind: 'answered'; status: number; retryAfter: string | null; body: string }
  | { kind: 'timed-out' }
  | { kind: 'unreachable'; cause: string };

/** What {@link postWebhook} needs besides the URL and the payload. */
export interface PostOptions {
  timeoutMs: number;
  /** Sent as `Idempotency-Key`, for targets (and proxies) that deduplicate. */
  deliveryKey: string;
  /** The checked addresses of the URL's host, in the resolver's order: the only ones connected to. */
  addresses: [ResolvedAddress, ...ResolvedAddress[]];
}

// Enough of an error page to say what went wrong; the rest is not read.
const BODY_BYTES = 2048;

/**
 * POSTs the payload as JSON to one of `options.addresses`, with the URL's host name for TLS and the
 * Host header; never throws, a failure is an outcome too. Redirects are not followed: a
 * redirected POST turns into a GET and could lead anywhere.
 */
export async function postWebhook(
  url: URL,
  payload: object,
  options: PostOptions,
): Promise<HttpOutcome> {
  const signal = AbortSignal.timeout(options.timeoutMs);
  try {
    const response = await exchange(url, JSON.stringify(payload), options, signal);
    const ok =
      response.statusCode !== undefined && response.statusCode >= 200 && response.statusCode < 300;
    const body = ok ? discard(response) : await readStart(response);
    const retryAfter = response.headers['retry-after'] ?? null;
    return { kind: 'answered', status: response.statusCode ?? 0, retryAfter, body };
  } catch (error) {
    if (signal.aborted) return { kind: 'timed-out' };
    return { kind: 'unreachable', cause: causeOf(error) };
  }
}

function exchange(
  url: URL,
  body: string,
  options: PostOptions,
  signal: AbortSignal,
): Promise<IncomingMessage> {
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const outgoing = request(
      url,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'content-length': Buffer.byteLength(body),
          'idempotency-key': headerSafe(options.deliveryKey),
        },
        lookup: pinnedLookup(options.addresses),
        // A pooled connection may have been opened for another address: always a fresh one.
        agent: false,
        signal,
      },
      resolve,
    );
    outgoing.once('error', reject);
    outgoing.end(body);
  });
}

/** A lookup that answers every name with the addresses already checked. */
function pinnedLookup(addresses: [ResolvedAddress, ...ResolvedAddress[]]): LookupFunction {
  const [{ address, family }] = addresses;
  return (_hostname, options, callback) => {
    // Node asks for all addresses when it may try several (autoSelectFamily): one refusing
    // the connection, or an IPv6 route that is down, then falls back to the next.
    if (options.all) callback(null, addresses);
    else callback(null, address, family);
  };
}

// Socket errors carry a telling code (ECONNREFUSED, CERT_HAS_EXPIRED); others a message.
function causeOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as Error & { code?: unknown }).code;
  return typeof code === 'string' ? code : error.message;
}

/** The first bytes of an error body as text; what arrived when reading fails. */
async function readStart(response: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of response) {
      chunks.push(chunk as Buffer);
      size += (chunk as Buffer).byteLength;
      if (size >= BODY_BYTES) break;
    }
  } catch {
    // What arrived is enough for a reason; a broken body does not change the status.
  } finally {
    response.destroy();
  }
  return Buffer.concat(chunks).subarray(0, BODY_BYTES).toString('utf8');
}

/** Frees the connection without reading a success body nobody needs. */
function discard(response: IncomingMessage): string {
  response.destroy();
  return '';
}

// Header values must be visible ASCII; a key with anything else is sent percent-encoded.
function headerSafe(value: string): string {
  return /^[\x21-\x7e]+$/.test(value) ? value : encodeURIComponent(value);
}
