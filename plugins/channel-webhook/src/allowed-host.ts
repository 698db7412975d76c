/**
 * Whether a webhook URL may be posted to under `allowedHosts`. Operators on closed networks
 * list their chat servers so that a mistyped or planted address cannot send programme data
 * elsewhere. Names compare exactly, without case, port or a trailing dot; unset allows all.
 */
export function isAllowedHost(url: URL, allowedHosts: readonly string[] | undefined): boolean {
  if (allowedHosts === undefined) return true;
  const host = normalHost(url.hostname);
  return allowedHosts.some((allowed) => normalHost(allowed) === host);
}

/** `Chat.Example.org.` and `[::1]` as `chat.example.org` and `::1`. */
export function normalHost(name: string): string {
  return unbracketed(name.trim().toLowerCase().replace(/\.$/, ''));
}

/** A URL's host as a resolver or `isIP` takes it: `[::1]` as `::1`, names as they are. */
export function unbracketed(hostname: string): string {
  return hostname.replace(/^\[(.*)\]$/, '$1');
}
