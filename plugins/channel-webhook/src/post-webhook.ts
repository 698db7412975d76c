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
}

// Enough of an error page to say what went wrong; the rest is not read.
const BODY_BYTES = 2048;

/** POSTs the payload as JSON; never throws, a failure is an outcome too. */
export async function postWebhook(
  url: URL,
  payload: object,
  options: PostOptions,
): Promise<HttpOutcome> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'idempotency-key': headerSafe(options.deliveryKey),
      },
      body: JSON.stringify(payload),
      // A redirected POST turns into a GET and could leave the allowed hosts: not followed.
      redirect: 'manual',
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    const body = response.ok ? await discard(response) : await readStart(response);
    const retryAfter = response.headers.get('retry-after');
    return { kind: 'answered', status: response.status, retryAfter, body };
  } catch (error) {
    return failureOf(error);
  }
}

function failureOf(error: unknown): HttpOutcome {
  if (error instanceof Error && error.name === 'TimeoutError') return { kind: 'timed-out' };
  return { kind: 'unreachable', cause: causeOf(error) };
}

// fetch wraps the socket error ("fetch failed"); its cause has the telling code.
function causeOf(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  if (!(cause instanceof Error)) return String(cause);
  const code = (cause as Error & { code?: unknown }).code;
  return typeof code === 'string' ? code : cause.message;
}

/** The first bytes of an error body as text; an empty string when reading fails. */
async function readStart(response: Response): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < BODY_BYTES) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
    }
  } catch {
    // What arrived is enough for a reason; a broken body does not change the status.
  } finally {
    reader.cancel().catch(() => {});
  }
  return new TextDecoder().decode(Buffer.concat(chunks).subarray(0, BODY_BYTES));
}

/** Frees the connection without reading a success body nobody needs. */
async function discard(response: Response): Promise<string> {
  await response.body?.cancel().catch(() => {});
  return '';
}

// Header values must be visible ASCII; a key with anything else is sent percent-encoded.
function headerSafe(value: string): string {
  return /^[\x21-\x7e]+$/.test(value) ? value : encodeURIComponent(value);
}
