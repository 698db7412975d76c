/**
 * Marks a sign-in that Tandem has already sent to PUBLIC_URL's address once. Should it arrive
 * for another host again, a proxy in front rewrites the Host header; sending it round again
 * would loop, so the sign-in goes on where it is.
 */
export const ADDRESS_CHECKED = 'addressChecked';

export type SignInAddress =
  | { redirect: string; mismatch?: never }
  | { redirect?: never; mismatch: boolean };

/**
 * Whether a sign-in started at the address PUBLIC_URL names. The login cookie is set for the
 * host the browser asked, and the IdP sends the browser back to PUBLIC_URL's: when the two
 * differ (http://127.0.0.1:3000 against http://localhost:3000, a server name against its full
 * domain), the cookie is missing at the callback. So such a sign-in is first sent to the same
 * path and query on PUBLIC_URL. The target is always PUBLIC_URL followed by this request's own
 * path, so whatever the request says, it cannot lead to another site.
 *
 * `host` is the host (and port) the request was sent to, as Fastify reads it (X-Forwarded-Host
 * with TRUST_PROXY); `url` its path and query.
 */
export function signInAddress(
  request: { host: string; url: string },
  publicUrl: string,
): SignInAddress {
  const expected = new URL(publicUrl);
  if (sameHost(request.host, expected)) return { mismatch: false };
  const target = new URL(`${publicUrl}${request.url}`);
  const alreadySent = target.searchParams.has(ADDRESS_CHECKED);
  if (alreadySent || target.origin !== expected.origin || !request.url.startsWith('/'))
    return { mismatch: true };
  target.searchParams.set(ADDRESS_CHECKED, '1');
  return { redirect: target.href };
}

/** Host names compare without case, and a default port (:443 on https) is the same as none. */
function sameHost(host: string, expected: URL): boolean {
  if (!URL.canParse(`${expected.protocol}//${host}`)) return false;
  return new URL(`${expected.protocol}//${host}`).host === expected.host;
}
