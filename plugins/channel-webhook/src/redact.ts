/**
 * Webhook URLs are credentials: whoever knows the path (or the `sig` of a Teams Workflows URL)
 * can post to the room. Reasons and log lines therefore name the host only, and anything a
 * server echoes back is scrubbed of the URL's secret parts.
 */

/** The part of a webhook URL safe to show: `chat.example.org:8443`. */
export function hostOf(url: URL): string {
  return url.host;
}

// Path segments and query values at least this long are treated as tokens; shorter ones
// ("hooks", "api-version") carry no secret and stay readable.
const TOKEN_LENGTH = 8;

/** `text` with every secret-looking part of `url` (path, segments, query values) replaced. */
export function redactUrl(text: string, url: URL): string {
  return secretsOf(url).reduce((redacted, secret) => redacted.replaceAll(secret, '…'), text);
}

/** The secret parts of a URL, longest first so a whole path goes before its segments. */
function secretsOf(url: URL): string[] {
  const whole = [url.href, `${url.pathname}${url.search}`, url.pathname, url.search];
  const segments = url.pathname.split('/').map(decodeSafely);
  const values = [...url.searchParams.values()];
  const raw = url.pathname.split('/');
  return [...whole, ...segments, ...raw, ...values]
    .filter((part) => part.length >= TOKEN_LENGTH)
    .sort((a, b) => b.length - a.length);
}

function decodeSafely(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
