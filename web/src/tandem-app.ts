import { provide } from '@lit/context';
import { localized, msg } from '@lit/localize';
import { html, LitElement, type PropertyValues } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { ANNOUNCE } from './components/announcer.js';
import './components/tandem-inbox-badge.js';
import './components/tandem-language-switch.js';
import './components/tandem-session-menu.js';
import './pages/gate-page.js';
import { type Me, readMe, readPreferences } from './data/me.js';
import { connectRealtime } from './data/realtime.js';
import { preferredLocale, useLocale } from './i18n/locale.js';
import { interceptLinks, matchRoute, NAVIGATE, type RouteMatch } from './router/router.js';
import { hasRole, isStaff, mayOpen, sessionContext } from './session/session-context.js';

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
  /**
   * The shell renders into the page itself, not a shadow root: the skip link's target, the
   * landmarks and the live region must be in the document for assistive technology and for
   * `#main` to work. Its layout rules are in styles/global.css.
   */
  protected override createRenderRoot(): HTMLElement {
    return this;
  }

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
  private titleWatch: MutationObserver | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
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
    this.titleWatch?.disconnect();
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
      if (moveFocus) await focusHeading(this.querySelector('tandem-gate-page'));
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
    if (changed.has('page') || changed.has('gate')) void this.followTitle();
  }

  /**
   * The document title is the page's heading, kept current as it changes: many pages show
   * "Matching" first and the programme's name once it has loaded.
   */
  private async followTitle(): Promise<void> {
    this.titleWatch?.disconnect();
    const page = (this.page ?? this.querySelector('tandem-gate-page')) as
      | (PageElement & { updateComplete?: Promise<unknown> })
      | null;
    await page?.updateComplete;
    const root = page?.shadowRoot;
    const update = () => {
      const heading = root?.querySelector('h1')?.textContent?.replace(/\s+/g, ' ').trim();
      document.title = heading ? `${heading} – Tandem` : 'Tandem';
    };
    update();
    if (!root) return;
    this.titleWatch = new MutationObserver(update);
    this.titleWatch.observe(root, { subtree: true, childList: true, characterData: true });
  }

  override render() {
    return html`
      <header>
        <a class="skip-link" href="#main" @click=${this.skipToMain}
          >${msg('Skip to content', { id: 'shell.skip' })}</a
        >
        <div class="bar">
          <a class="brand" href="/">Tandem</a>
          ${this.renderNavigation()}
          <div class="session">
            <tandem-language-switch></tandem-language-switch>
            <tandem-session-menu></tandem-session-menu>
          </div>
        </div>
      </header>
      <main id="main" tabindex="-1">${this.renderMain()}</main>
      <footer>
        <div>
          <a href="/accessibility">${msg('Accessibility statement', { id: 'shell.accessibility' })}</a>
          <!-- German on English pages too (§ 4 BITV 2.0): the pages are in German by nature. -->
          <a href="/leichte-sprache" lang="de">Leichte Sprache</a>
        </div>
      </footer>
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
    `;
  }

  private renderMain() {
    if (this.loadError) return html`<p role="alert" class="error-text">${this.loadError}</p>`;
    if (this.gate) return html`<tandem-gate-page .reason=${this.gate}></tandem-gate-page>`;
    return this.page;
  }

  private renderNavigation() {
    if (!this.me) return null;
    const links = [
      { href: '/', label: msg('My programmes', { id: 'shell.nav.overview' }) },
      { href: '/tandem', label: msg('My tandem', { id: 'shell.nav.tandem' }) },
      { href: '/inbox', label: msg('Inbox', { id: 'shell.nav.inbox' }), badge: true },
      { href: '/profile', label: msg('Profile', { id: 'shell.nav.profile' }) },
      ...(isStaff(this.me) ? [{ href: '/admin', label: this.adminLabel() }] : []),
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

  /** A report reader's area holds reports only, and says so. */
  private adminLabel(): string {
    return hasRole(this.me, 'admin') || hasRole(this.me, 'programme-manager')
      ? msg('Administration', { id: 'shell.nav.admin' })
      : msg('Reports', { id: 'roles.nav.reports' });
  }

  private isCurrent(href: string): boolean {
    const path = this.match ? location.pathname : '';
    return href === '/' ? path === '/' : path === href || path.startsWith(`${href}/`);
  }

  private skipToMain(event: Event): void {
    event.preventDefault();
    this.querySelector<HTMLElement>('main')?.focus();
  }
}

function gateFor(match: RouteMatch, me: Me | null): 'sign-in' | 'forbidden' | undefined {
  if (match.route.access === 'anonymous') return undefined;
  if (!me) return 'sign-in';
  const { access } = match.route;
  return access === 'participant' || mayOpen(access, me) ? undefined : 'forbidden';
}

async function focusHeading(page: PageElement | null): Promise<void> {
  if (!page) return;
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
