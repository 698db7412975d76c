import { escapeHtml, type PageLanguage, renderPlainPage } from '../http/plain-page.js';
import type { LoginFailure } from './login-error.js';

/** Where the failure page's stylesheet is served (auth-routes.ts). */
export const AUTH_PAGE_CSS_PATH = '/auth/page.css';

/** What went wrong, said to the person who tried to sign in, in each language. */
const EXPLANATIONS: Record<LoginFailure, Record<PageLanguage, string>> = {
  'return-to-off-site': {
    de: 'Der Link, mit dem Sie gekommen sind, führt nicht zu einer Seite von Tandem.',
    en: 'The link you followed does not lead to a page of Tandem.',
  },
  'no-login-attempt': {
    de: 'Diese Anmeldung ist abgelaufen oder wurde schon verwendet. Das passiert, wenn Sie länger als zehn Minuten beim Anmeldedienst waren oder eine alte Seite erneut geöffnet haben.',
    en: 'This sign-in has expired or was already used. That happens when you spent more than ten minutes at the sign-in service or opened an old page again.',
  },
  'state-mismatch': {
    de: 'Diese Anmeldung wurde in einem anderen Browser oder Fenster begonnen.',
    en: 'This sign-in was started in another browser or window.',
  },
  'access-denied': {
    de: 'Die Anmeldung wurde abgebrochen oder vom Anmeldedienst Ihrer Organisation abgelehnt.',
    en: "The sign-in was cancelled or refused by your organisation's sign-in service.",
  },
  'idp-error': {
    de: 'Der Anmeldedienst Ihrer Organisation hat Sie nicht angemeldet.',
    en: "Your organisation's sign-in service did not sign you in.",
  },
  'token-rejected': {
    de: 'Die Antwort des Anmeldedienstes hat unsere Sicherheitsprüfung nicht bestanden.',
    en: "The sign-in service's answer did not pass our security checks.",
  },
  'account-deactivated': {
    de: 'Ihr Zugang zu Tandem ist beendet: Das Verzeichnis Ihrer Organisation führt Sie nicht mehr als aktiv. Wenn das nicht stimmt, wenden Sie sich bitte an Ihre Personalabteilung.',
    en: "Your access to Tandem has ended: your organisation's directory no longer lists you as active. If this is wrong, please contact your HR department.",
  },
  'idp-unreachable': {
    de: 'Der Anmeldedienst Ihrer Organisation ist gerade nicht erreichbar. Bitte versuchen Sie es in einigen Minuten erneut.',
    en: "Your organisation's sign-in service cannot be reached right now. Please try again in a few minutes.",
  },
};

const WORDS = {
  de: {
    title: 'Anmeldung fehlgeschlagen · Tandem',
    heading: 'Die Anmeldung hat nicht geklappt',
    tryAgain: 'Erneut anmelden',
    home: 'Zur Startseite',
    support: 'Falls es wieder nicht klappt, nennen Sie Ihrem IT-Support diesen Code:',
  },
  en: {
    title: 'Sign-in failed · Tandem',
    heading: 'Signing in did not work',
    tryAgain: 'Try again',
    home: 'Go to the start page',
    support: 'If it fails again, give your IT support this code:',
  },
} as const;

/**
 * The page a person sees when their sign-in is refused: what happened in their language, a
 * "try again" that starts a fresh sign-in (leading on to `returnTo`, the checked path the
 * refused one was to lead to, when known), and the reason's code for support.
 */
export function renderSignInFailurePage(
  reason: LoginFailure,
  language: PageLanguage,
  returnTo?: string,
): string {
  const words = WORDS[language];
  const again =
    returnTo && returnTo !== '/'
      ? `/auth/login?returnTo=${encodeURIComponent(returnTo)}`
      : '/auth/login';
  return renderPlainPage({
    language,
    title: words.title,
    stylesheet: AUTH_PAGE_CSS_PATH,
    body: `<h1>${escapeHtml(words.heading)}</h1>
<p class="lead">${escapeHtml(EXPLANATIONS[reason][language])}</p>
<p class="actions"><a class="button" href="${escapeHtml(again)}">${escapeHtml(words.tryAgain)}</a>
<a href="/">${escapeHtml(words.home)}</a></p>
<p class="support">${escapeHtml(words.support)} <code>${escapeHtml(reason)}</code></p>`,
  });
}
