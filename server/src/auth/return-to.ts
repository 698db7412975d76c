import { LoginError } from './login-error.js';

/**
 * Where to go after sign-in: a path on this site only. Anything that a browser could read as
 * another origin (`//evil.example`, `/\evil.example`, `https://…`) is refused.
 */
export function safeReturnTo(value: string | undefined): string {
  if (value === undefined || value === '') return '/';
  const offSite =
    !value.startsWith('/') ||
    value.startsWith('//') ||
    value.startsWith('/\\') ||
    /[\r\n\t]/.test(value);
  if (offSite) throw new LoginError('return-to-off-site', `returnTo=${value.slice(0, 200)}`);
  const resolved = new URL(value, 'http://tandem.invalid');
  if (resolved.origin !== 'http://tandem.invalid')
    throw new LoginError('return-to-off-site', `returnTo=${value.slice(0, 200)}`);
  return `${resolved.pathname}${resolved.search}${resolved.hash}`;
}
