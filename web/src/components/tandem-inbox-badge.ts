import { localized, msg, str } from '@lit/localize';
import { css, html, LitElement } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { readInbox } from '../data/inbox.js';
import { RealtimeController } from '../data/realtime-controller.js';
import { visuallyHidden } from '../styles/shared-styles.js';
import { announce } from './announcer.js';

/** The unread count beside "Inbox", kept current by the realtime socket. */
@localized()
@customElement('tandem-inbox-badge')
export class TandemInboxBadge extends LitElement {
  static override styles = [
    visuallyHidden,
    css`
      .count {
        display: inline-block;
        min-width: 1.4em;
        padding: 0 0.35em;
        border-radius: 1em;
        background: var(--tandem-accent);
        color: #fff;
        font-size: 0.85em;
        font-weight: 700;
        text-align: center;
      }
    `,
  ];

  @state() private accessor unread = 0;

  protected readonly realtime = new RealtimeController(this, ['inbox'], () => {
    void this.refresh(true);
  });

  override connectedCallback(): void {
    super.connectedCallback();
    void this.refresh(false);
  }

  private async refresh(tell: boolean): Promise<void> {
    const before = this.unread;
    try {
      this.unread = (await readInbox(1)).unread;
    } catch {
      return; // The badge is a hint; the inbox page shows errors.
    }
    // On the inbox page, the page itself announces what arrived.
    if (tell && this.unread > before && location.pathname !== '/inbox') {
      const count = this.unread;
      announce(msg(str`New message. ${count} unread.`, { id: 'inbox.badge.new' }));
    }
  }

  override render() {
    if (this.unread === 0) return null;
    const count = this.unread;
    return html`<span class="count" aria-hidden="true">${count}</span
      ><span class="visually-hidden">${msg(str`(${count} unread)`, { id: 'inbox.badge.unread' })}</span>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tandem-inbox-badge': TandemInboxBadge;
  }
}
