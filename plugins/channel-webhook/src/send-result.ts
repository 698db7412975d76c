import type { SendResult } from '@tandem/plugin-sdk';
import { bodyExcerpt } from './body-excerpt.js';
import type { HttpOutcome } from './post-webhook.js';
import { hostOf, redactUrl } from './redact.js';
import { retryAfterSeconds } from './retry-after.js';

/** What {@link resultOf} needs to word and time a result. */
export interface ResultContext {
  url: URL;
  timeoutMs: number;
  now: Date;
}

// Request Timeout, Too Early, Too Many Requests: the client is fine, the moment is not.
const TRANSIENT_4XX = new Set([408, 425, 429]);

/** Judges an outcome: 2xx delivered; timeouts, 408/425/429 and 5xx later; anything else never. */
export function resultOf(outcome: HttpOutcome, context: ResultContext): SendResult {
  const host = hostOf(context.url);
  switch (outcome.kind) {
    case 'timed-out':
      return retryLater(`webhook at ${host} did not answer within ${context.timeoutMs} ms`);
    case 'unreachable':
      return retryLater(
        `webhook at ${host} not reachable: ${redactUrl(outcome.cause, context.url)}`,
      );
    case 'answered':
      return answeredResult(outcome, context);
  }
}

function answeredResult(
  outcome: Extract<HttpOutcome, { kind: 'answered' }>,
  { url, now }: ResultContext,
): SendResult {
  const { status } = outcome;
  if (status >= 200 && status < 300) return { status: 'delivered' };
  const excerpt = bodyExcerpt(outcome.body, url);
  const reason = `webhook at ${hostOf(url)} answered HTTP ${status}${excerpt ? `: ${excerpt}` : ''}`;
  if (TRANSIENT_4XX.has(status) || status >= 500) {
    return retryLater(reason, retryAfterSeconds(outcome.retryAfter, now));
  }
  if (status >= 300 && status < 400)
    return failed(`${reason} (a redirect, not followed: set the webhook's final URL)`);
  return failed(reason);
}

function retryLater(reason: string, seconds?: number): SendResult {
  // Only when known: the host's own back-off is better than a made-up delay.
  if (seconds === undefined) return { status: 'retry-later', reason };
  return { status: 'retry-later', reason, retryAfterSeconds: seconds };
}

function failed(reason: string): SendResult {
  return { status: 'failed-permanently', reason };
}
