import { provide } from '@lit/context';
import { localized, msg } from '@lit/localize';
import { css, html, LitElement, type PropertyValues } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { ANNOUNCE } from './components/announcer.js';
import './components/tandem-inbox-badge.js';
import './components/tandem-language-switch.js';
import { type Me, readMe, readPreferences } from './data/me.js';
import { connectRealtime } from './data/realtime.js';
import { preferredLocale, useLocale } from './i18n/locale.js';
import { interceptLinks, matchRoute, NAVIGATE, type RouteMatch } from './router/router.js';
import { isAdmin, sessionContext } from './session/session-context.js';
import { signInHref } from './session/sign-in.js';
import { sharedStyles } from './styles/shared-styles.js';

/** What every page element receives from the router. */
export interface PageElement extends HTMLElement {
  params?: Record<string, string>;
  query?: URLSearchParams;
}

/**
 * The app shell: landmarks (banner, navigation, main, contentinfo), a skip link, the session,
 * the language, and the page for the current URL. On navigation it loads the page lazily and
 * moves focus to the page's heading, so screen reader and keyboard users start at the top of
 * what changed.
 */
@localized()
@customElement('tandem-app')
export class TandemApp extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        min-height: 100vh;
        display: flex;
        flex-direction: column;
      }
      .skip-link {
        position: absolute;
        left: 0.5rem;
        top: -4rem;
        z-index: 10;
        background: var(--tandem-surface);
        padding: 0.5rem 1rem;
      }
      .skip-link:focus {
        top: 0.5rem;
      }
      header {
        background: var(--tandem-surface);
        border-bottom: 1px solid var(--tandem-border);
      }
      .bar,
      main,
      footer > div {
        box-sizing: border-box;
        width: 100%;
        max-width: var(--tandem-max-width);
        margin: 0 auto;
        padding: 0 var(--tandem-space);
      }
      .bar {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem 1.5rem;
        padding-top: 0.5rem;
        padding-bottom: 0.5rem;
      }
      .brand {
        font-weight: 700;
        font-size: 1.25rem;
        color: var(--tandem-text);
        text-decoration: none;
      }
      nav ul {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem 1rem;
        list-style: none;
        margin: 0;
        padding: 0;
      }
      nav a {
        display: inline-block;
        padding: 0.5rem 0.25rem;
      }
      nav a[aria-current='page'] {
        font-weight: 700;
        text-decoration-thickness: 3px;
      }
      .session {
        margin-left: auto;
        display: flex;
        align-items: center;
        gap: 0.75rem;
        flex-wrap: wrap;
      }
      .session form {
        margin: 0;
      }
      main {
        flex: 1;
        padding-top: 1.5rem;
        padding-bottom: 2rem;
      }
      footer {
        border-top: 1px solid var(--tandem-border);
        background: var(--tandem-surface);
        font-size: 0.95rem;
      }
      footer > div {
        display: flex;
        flex-wrap: wrap;
        gap: 1rem;
        padding-top: 1rem;
        padding-bottom: 1rem;
      }
    `,
  ];

  @provide({ context: sessionContext })
  @state()
  accessor me: Me | null = null;

  @state() private accessor page: PageElement | undefined;
  @state() private accessor match: RouteMatch | undefined;
  @state() private accessor loadError = '';
  /** Why the page is not shown: nobody signed in, or not an admin. */
  @state() private accessor gate: 'sign-in' | 'forbidden' | undefined;
  @state() private accessor announcement = '';
  private navigations = 0;
  private stopRealtime: (() => void) | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    interceptLinks(this.renderRoot);
    interceptLinks(document);
    window.addEventListener('popstate', this.onNavigate);
    window.addEventListener(NAVIGATE, this.onNavigate);
    window.addEventListener(ANNOUNCE, this.onAnnounce);
    void this.start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('popstate', this.onNavigate);
    window.removeEventListener(NAVIGATE, this.onNavigate);
    window.removeEventListener(ANNOUNCE, this.onAnnounce);
    this.stopRealtime?.();
  }

  private async start(): Promise<void> {
    try {
      this.me = await readMe();
      const preferences = this.me ? await readPreferences() : null;
      await useLocale(preferredLocale(preferences?.locale));
    } catch {
      await useLocale(preferredLocale(null));
    }
    if (this.me) this.stopRealtime = connectRealtime();
    await this.show(false);
  }

  private readonly onNavigate = () => void this.show(true);

  private readonly onAnnounce = (event: Event) => {
    // Clearing first makes a repeated message ("Saved") announced again.
    this.announcement = '';
    requestAnimationFrame(() => {
      this.announcement = (event as CustomEvent<string>).detail;
    });
  };

  private async show(moveFocus: boolean): Promise<void> {
    const navigation = ++this.navigations;
    const match = matchRoute(new URL(location.href));
    this.match = match;
    this.gate = gateFor(match, this.me);
    if (this.gate) {
      this.page = undefined;
      await this.updateComplete;
      if (moveFocus) this.renderRoot.querySelector<HTMLElement>('main h1')?.focus();
      return;
    }
    try {
      await match.route.load();
    } catch {
      this.loadError = msg('This page could not be loaded. Please reload.', {
        id: 'shell.loadError',
      });
      return;
    }
    if (navigation !== this.navigations) return;
    const page = document.createElement(match.route.tag) as PageElement;
    page.params = match.params;
    page.query = match.query;
    this.loadError = '';
    this.page = page;
    await this.updateComplete;
    if (moveFocus) await focusHeading(page);
    else window.scrollTo(0, 0);
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('page') || changed.has('me')) void this.updateTitle();
  }

  private async updateTitle(): Promise<void> {
    const page = this.page as (PageElement & { updateComplete?: Promise<unknown> }) | undefined;
    await page?.updateComplete;
    const heading = page?.shadowRoot?.querySelector('h1')?.textContent?.trim();
    document.title = heading ? `${heading} – Tandem` : 'Tandem';
  }

  override render() {
    return html`
      <a class="skip-link" href="#main" @click=${this.skipToMain}
        >${msg('Skip to content', { id: 'shell.skip' })}</a
      >
      <header>
        <div class="bar">
          <a class="brand" href="/">Tandem</a>
          ${this.renderNavigation()}
          <div class="session">
            <tandem-language-switch></tandem-language-switch>
            ${this.renderSession()}
          </div>
        </div>
      </header>
      <main id="main" tabindex="-1">${this.renderMain()}</main>
      <footer>
        <div>
          <a href="/accessibility">${msg('Accessibility statement', { id: 'shell.accessibility' })}</a>
        </div>
      </footer>
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
    `;
  }

  private renderMain() {
    if (this.loadError) return html`<p role="alert" class="error-text">${this.loadError}</p>`;
    if (this.gate === 'sign-in') {
      return html`<h1 tabindex="-1">${msg('Please sign in', { id: 'shell.gate.signIn' })}</h1>
        <p>${msg('This page is for participants of a programme.', { id: 'shell.gate.signInText' })}</p>
        <p><a class="button" href=${signInHref()}>${msg('Sign in', { id: 'shell.signIn' })}</a></p>`;
    }
    if (this.gate === 'forbidden') {
      return html`<h1 tabindex="-1">${msg('Not available', { id: 'shell.gate.forbidden' })}</h1>
        <p>${msg('This page is for HR admins.', { id: 'shell.gate.forbiddenText' })}</p>
        <p><a href="/">${msg('Go to the start page', { id: 'notFound.home' })}</a></p>`;
    }
    return this.page;
  }

  private renderNavigation() {
    if (!this.me) return null;
    const links = [
      { href: '/', label: msg('My programmes', { id: 'shell.nav.overview' }) },
      { href: '/tandem', label: msg('My tandem', { id: 'shell.nav.tandem' }) },
      { href: '/inbox', label: msg('Inbox', { id: 'shell.nav.inbox' }), badge: true },
      { href: '/profile', label: msg('Profile', { id: 'shell.nav.profile' }) },
      ...(isAdmin(this.me)
        ? [{ href: '/admin', label: msg('Administration', { id: 'shell.nav.admin' }) }]
        : []),
    ];
    return html`
      <nav aria-label=${msg('Main', { id: 'shell.nav.label' })}>
        <ul>
          ${links.map(
            (link) => html`<li>
              <a href=${link.href} aria-current=${this.isCurrent(link.href) ? 'page' : 'false'}
                >${link.label}${link.badge ? html` <tandem-inbox-badge></tandem-inbox-badge>` : null}</a
              >
            </li>`,
          )}
        </ul>
      </nav>
    `;
  }

  private isCurrent(href: string): boolean {
    const path = this.match ? location.pathname : '';
    return href === '/' ? path === '/' : path === href || path.startsWith(`${href}/`);
  }

  private renderSession() {
    if (!this.me) {
      return html`<a class="button" href=${signInHref()}>${msg('Sign in', { id: 'shell.signIn' })}</a>`;
    }
    return html`
      <span>${this.me.name}</span>
      <form method="post" action="/auth/logout">
        <button class="secondary" type="submit">${msg('Sign out', { id: 'shell.signOut' })}</button>
      </form>
    `;
  }

  private skipToMain(event: Event): void {
    event.preventDefault();
    this.renderRoot.querySelector<HTMLElement>('main')?.focus();
  }
}

function gateFor(match: RouteMatch, me: Me | null): 'sign-in' | 'forbidden' | undefined {
  if (match.route.access === 'anonymous') return undefined;
  if (!me) return 'sign-in';
  return match.route.access === 'admin' && !isAdmin(me) ? 'forbidden' : undefined;
}

async function focusHeading(page: PageElement): Promise<void> {
  await (page as PageElement & { updateComplete?: Promise<unknown> }).updateComplete;
  const heading = page.shadowRoot?.querySelector<HTMLElement>('h1');
  if (!heading) return;
  heading.tabIndex = -1;
  heading.focus();
}

declare global {
  interface HTMLElementTagNameMap {
    'tandem-app': TandemApp;
  }
}
