/**
 * The development OpenID Provider's HTML pages: sign-in (pick an account), sign-out
 * confirmation, signed out, and errors, each in the reader's language (Accept-Language). They are
 * plain pages (../../http/plain-page.ts): no script, no inline style and no event handler
 * attributes, so a strict Content Security Policy holds. Every text from outside is escaped.
 */
import { escapeHtml, type PageLanguage, renderPlainPage } from '../../http/plain-page.js';

export type { PageLanguage } from '../../http/plain-page.js';

/** A text in each language of the pages. */
export type Words = Record<PageLanguage, string>;

/** What the sign-in page shows of an account. */
export interface LoginPageAccount {
  subject: string;
  name: string;
  title?: string;
  department?: string;
  /** The id of the group it is listed under. */
  group?: string;
}

/** A heading on the sign-in page with a line saying who the accounts under it are. */
export interface LoginPageGroup {
  id: string;
  title: Words;
  hint: Words;
}

/** Where a page is shown and in which language: `stylesheet` is the path of its CSS. */
export interface PageContext {
  language: PageLanguage;
  stylesheet: string;
}

const WORDS = {
  signIn: { de: 'Anmelden', en: 'Sign in' },
  signInLead: {
    de: 'Entwicklungs-Anmeldedienst: Wählen Sie, als wer Sie sich bei {client} anmelden. Es gibt kein Passwort.',
    en: 'Development sign-in service: choose who to sign in to {client} as. There is no password.',
  },
  others: { de: 'Weitere Personen', en: 'Other people' },
  noAccounts: { de: 'Keine Konten eingerichtet.', en: 'No accounts configured.' },
  cancel: { de: 'Abbrechen', en: 'Cancel' },
  signOut: { de: 'Abmelden', en: 'Sign out' },
  signOutQuestion: {
    de: 'Möchten Sie sich beim Entwicklungs-Anmeldedienst abmelden?',
    en: 'Do you want to sign out of the development sign-in service?',
  },
  signOutYes: { de: 'Ja, abmelden', en: 'Yes, sign out' },
  signOutNo: { de: 'Nein, angemeldet bleiben', en: 'No, stay signed in' },
  signedOut: { de: 'Abgemeldet', en: 'Signed out' },
  signedOutText: { de: 'Sie sind abgemeldet{from}.', en: 'You are signed out{from}.' },
  error: { de: 'Fehler', en: 'Error' },
  errorHeading: { de: 'Etwas ist schiefgegangen', en: 'Something went wrong' },
} satisfies Record<string, Words>;

/**
 * The sign-in page: the accounts under their groups' headings (in the order of `groups`, the
 * ungrouped last), each a form posting its `subject` to `action`, its button showing the name
 * and one line of job title and department. A last form cancels (`cancel=1`).
 */
export function renderLoginPage(
  context: PageContext,
  options: {
    action: string;
    clientId: string;
    accounts: Iterable<LoginPageAccount>;
    groups?: LoginPageGroup[];
  },
): string {
  const { language } = context;
  const accounts = [...options.accounts];
  const groups = options.groups ?? [];
  const known = new Set(groups.map((group) => group.id));
  const sections = groups.map((group) =>
    section(
      group.title[language],
      group.hint[language],
      accounts.filter((account) => account.group === group.id),
      options.action,
    ),
  );
  const ungrouped = accounts.filter((account) => !account.group || !known.has(account.group));
  if (ungrouped.length)
    sections.push(
      groups.length
        ? section(WORDS.others[language], undefined, ungrouped, options.action)
        : personList(ungrouped, options.action),
    );
  const client = `<code>${escapeHtml(options.clientId)}</code>`;
  const lead = escapeHtml(WORDS.signInLead[language]).replace('{client}', client);
  const list = accounts.length
    ? sections.join('\n')
    : `<p>${escapeHtml(WORDS.noAccounts[language])}</p>`;
  return page(
    context,
    WORDS.signIn,
    `<h1>${escapeHtml(WORDS.signIn[language])}</h1>
<p class="lead">${lead}</p>
${list}
<form method="post" action="${escapeHtml(options.action)}" class="actions">
<input type="hidden" name="cancel" value="1">
<button type="submit" class="secondary">${escapeHtml(WORDS.cancel[language])}</button>
</form>`,
  );
}

function section(
  title: string,
  hint: string | undefined,
  accounts: LoginPageAccount[],
  action: string,
): string {
  if (!accounts.length) return '';
  return `<section>
<h2>${escapeHtml(title)}</h2>
${hint ? `<p class="group-hint">${escapeHtml(hint)}</p>\n` : ''}${personList(accounts, action)}
</section>`;
}

function personList(accounts: LoginPageAccount[], action: string): string {
  const items = accounts.map((account) => {
    const details = [account.title, account.department].filter(Boolean).join(', ');
    const line = details ? `<span class="person-line">${escapeHtml(details)}</span>` : '';
    return `<li><form method="post" action="${escapeHtml(action)}">
<input type="hidden" name="subject" value="${escapeHtml(account.subject)}">
<button type="submit"><span class="person-name">${escapeHtml(account.name)}</span> ${line}</button>
</form></li>`;
  });
  return `<ul class="people">\n${items.join('\n')}\n</ul>`;
}

/**
 * The sign-out confirmation. `form` is oidc-provider's empty form (`id="op.logoutForm"`, carrying
 * the xsrf token); the buttons submit it, the first with `logout=yes` to end the whole session.
 */
export function renderLogoutPage(context: PageContext, form: string): string {
  const { language } = context;
  return page(
    context,
    WORDS.signOut,
    `<h1>${escapeHtml(WORDS.signOut[language])}</h1>
<p>${escapeHtml(WORDS.signOutQuestion[language])}</p>
${form}
<p class="actions"><button type="submit" form="op.logoutForm" name="logout" value="yes">${escapeHtml(WORDS.signOutYes[language])}</button>
<button type="submit" form="op.logoutForm" class="secondary">${escapeHtml(WORDS.signOutNo[language])}</button></p>`,
  );
}

/** Shown after a sign-out that names no post_logout_redirect_uri. */
export function renderLoggedOutPage(context: PageContext, clientName: string | undefined): string {
  const { language } = context;
  const from = clientName ? ` (<code>${escapeHtml(clientName)}</code>)` : '';
  return page(
    context,
    WORDS.signedOut,
    `<h1>${escapeHtml(WORDS.signedOut[language])}</h1>
<p>${escapeHtml(WORDS.signedOutText[language]).replace('{from}', from)}</p>`,
  );
}

/**
 * An error, with the OAuth error code and description as oidc-provider reports them (the
 * description is technical English, marked as such on a German page).
 */
export function renderErrorPage(context: PageContext, error: string, description?: string): string {
  const { language } = context;
  const lang = language === 'en' ? '' : ' lang="en"';
  return page(
    context,
    WORDS.error,
    `<h1>${escapeHtml(WORDS.errorHeading[language])}</h1>
<p><code>${escapeHtml(error)}</code></p>
${description ? `<p${lang}>${escapeHtml(description)}</p>` : ''}`,
  );
}

function page(context: PageContext, title: Words, body: string): string {
  return renderPlainPage({
    language: context.language,
    title: title[context.language],
    stylesheet: context.stylesheet,
    body,
  });
}
