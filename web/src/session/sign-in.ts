/** /auth/login, coming back to the page the person is on. */
export function signInHref(): string {
  const returnTo = location.pathname + location.search;
  return `/auth/login?returnTo=${encodeURIComponent(returnTo)}`;
}
