import { LoginError } from './login-error.js';

/**
 * Where to go after sign-in: a path on this site only, as the exact value the Location header
 * will carry. The check is made on that value, not on the raw input: `/.//evil.example` passes
 * any look at its first characters yet normalises to `//evil.example`, which a browser reads as
 * another origin. So the input is resolved against PUBLIC_URL, must keep its origin, and the
 * path, query and fragment of the resolved URL are what is sent, and may not start with `//`.
 */
export function safeReturnTo(value: string | undefined, publicUrl: string): string {
  if (value === undefined || value === '') return '/';
  const refuse = () => new LoginError('return-to-off-site', `returnTo=${value.slice(0, 200)}`);
  // Control characters are dropped by URL parsers, so they only ever hide a trick.
  const unsafe = !value.startsWith('/') || /\p{Cc}/u.test(value) || !URL.canParse(value, publicUrl);
  if (unsafe) throw refuse();
  const origin = new URL(publicUrl).origin;
  const resolved = new URL(value, publicUrl);
  if (resolved.origin !== origin) throw refuse();
  const location = `${resolved.pathname}${resolved.search}${resolved.hash}`;
  // The resolved path has no `\` left (URL writes it as `/`); `//` would make a browser read
  // the rest as another host.
  if (location.startsWith('//')) throw refuse();
  return location;
}
