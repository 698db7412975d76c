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
function normalHost(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/\.$/, '')
    .replace(/^\[(.*)\]$/, '$1');
}
