/**
 * The development OpenID Provider's HTML pages: sign-in (pick an account), sign-out
 * confirmation, signed out, and errors. Plain semantic HTML in German with English alongside:
 * no script, no inline style and no event handler attributes, so a strict Content Security
 * Policy holds. Every text that comes from outside is escaped.
 */

/** What the sign-in page shows of an account. */
export interface LoginPageAccount {
  subject: string;
  name: string;
  title?: string;
  department?: string;
}

/**
 * The sign-in page: one form per account, each posting its `subject` as a hidden field to
 * `action`, with a button showing the account's name, job title and department.
 */
export function renderLoginPage(options: {
  action: string;
  clientId: string;
  accounts: Iterable<LoginPageAccount>;
}): string {
  const items = [...options.accounts].map((account) => {
    const details = [account.title, account.department].filter(Boolean).join(', ');
    const label = details
      ? `<strong>${escapeHtml(account.name)}</strong><br>${escapeHtml(details)}`
      : `<strong>${escapeHtml(account.name)}</strong>`;
    return `<li><form method="post" action="${escapeHtml(options.action)}">
<input type="hidden" name="subject" value="${escapeHtml(account.subject)}">
<button type="submit">${label}</button>
</form></li>`;
  });
  const list = items.length
    ? `<ul>\n${items.join('\n')}\n</ul>`
    : '<p>Keine Konten eingerichtet. · <span lang="en">No accounts configured.</span></p>';
  return page(
    'Anmelden · Sign in',
    `<h1>Anmelden · <span lang="en">Sign in</span></h1>
<p>Entwicklungs-Identitätsanbieter: Wählen Sie, als wer Sie sich bei <code>${escapeHtml(options.clientId)}</code> anmelden. Es gibt kein Passwort.</p>
<p lang="en">Development identity provider: choose who to sign in to <code>${escapeHtml(options.clientId)}</code> as. There is no password.</p>
${list}`,
  );
}

/**
 * The sign-out confirmation. `form` is oidc-provider's empty form (`id="op.logoutForm"`, carrying
 * the xsrf token); the buttons submit it, the first with `logout=yes` to end the whole session.
 */
export function renderLogoutPage(form: string): string {
  return page(
    'Abmelden · Sign out',
    `<h1>Abmelden · <span lang="en">Sign out</span></h1>
<p>Möchten Sie sich beim Entwicklungs-Identitätsanbieter abmelden?</p>
<p lang="en">Do you want to sign out of the development identity provider?</p>
${form}
<p><button type="submit" form="op.logoutForm" name="logout" value="yes">Ja, abmelden · <span lang="en">Yes, sign out</span></button>
<button type="submit" form="op.logoutForm">Nein, angemeldet bleiben · <span lang="en">No, stay signed in</span></button></p>`,
  );
}

/** Shown after a sign-out that names no post_logout_redirect_uri. */
export function renderLoggedOutPage(clientName: string | undefined): string {
  const from = clientName ? ` (<code>${escapeHtml(clientName)}</code>)` : '';
  return page(
    'Abgemeldet · Signed out',
    `<h1>Abgemeldet · <span lang="en">Signed out</span></h1>
<p>Sie sind abgemeldet${from}.</p>
<p lang="en">You are signed out${from}.</p>`,
  );
}

/** An error, with the OAuth error code and description as oidc-provider reports them. */
export function renderErrorPage(error: string, description?: string): string {
  return page(
    'Fehler · Error',
    `<h1>Etwas ist schiefgegangen · <span lang="en">Something went wrong</span></h1>
<p><code>${escapeHtml(error)}</code></p>
${description ? `<p lang="en">${escapeHtml(description)}</p>` : ''}`,
  );
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="de"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title></head>
<body>
<main>
${body}
</main>
</body></html>`;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
