/**
 * Seconds to wait from a `Retry-After` header (RFC 9110 §10.2.3): either delay-seconds or an
 * HTTP date, counted from `now`. Undefined when absent or unreadable, so the host uses its own
 * back-off rather than a guess.
 */
export function retryAfterSeconds(header: string | null, now: Date): number | undefined {
  const value = header?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value);
  const at = Date.parse(value);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.ceil((at - now.getTime()) / 1000));
}
