import { localized, msg, str } from '@lit/localize';
import { Task } from '@lit/task';
import { css, html, LitElement } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { announce } from '../components/announcer.js';
import { formatDateTime } from '../components/date-time.js';
import { errorMessage, taskView } from '../components/task-view.js';
import { type Inbox, type InboxEntry, markAllRead, markRead, readInbox } from '../data/inbox.js';
import { RealtimeController } from '../data/realtime-controller.js';
import { navigate } from '../router/router.js';
import { sharedStyles } from '../styles/shared-styles.js';

/**
 * The inbox: newest first, unread ones in bold and labelled "unread". Opening an entry's link
 * marks it read; new messages arrive over the realtime socket and are announced.
 */
@localized()
@customElement('tandem-inbox-page')
export class TandemInboxPage extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      .top {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1rem;
        align-items: baseline;
        justify-content: space-between;
      }
      ul {
        list-style: none;
        padding: 0;
        margin: 0;
      }
      li.unread {
        border-left: 6px solid var(--tandem-accent);
      }
      li.unread h2 {
        font-weight: 800;
      }
      li:not(.unread) h2 {
        font-weight: 600;
      }
      h2 {
        font-size: 1.1rem;
        margin-bottom: 0.25rem;
      }
      .badge {
        display: inline-block;
        margin-right: 0.5rem;
        padding: 0 0.5rem;
        border-radius: 1rem;
        border: 1px solid var(--tandem-accent);
        color: var(--tandem-accent);
        font-size: 0.85rem;
        font-weight: 700;
        vertical-align: middle;
      }
      .text {
        white-space: pre-line;
        margin: 0.25rem 0;
        overflow-wrap: anywhere;
      }
      .meta {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1.25rem;
        align-items: center;
      }
      .meta .actions {
        margin-top: 0;
      }
    `,
  ];

  /** The inbox after a change on this page or a live update (replaces the first load). */
  @state() private accessor inbox: Inbox | undefined;
  @state() private accessor error: unknown;
  @state() private accessor busy = false;

  private readonly loaded = new Task(this, {
    task: async () => {
      const inbox = await readInbox();
      this.inbox = inbox;
      return inbox;
    },
    args: () => [] as const,
  });

  protected readonly realtime = new RealtimeController(this, ['inbox'], () => {
    void this.refresh();
  });

  /** Refetches after a live event and announces the entries that were not there before. */
  private async refresh(): Promise<void> {
    const known = new Set(this.inbox?.entries.map((entry) => entry.id));
    try {
      const inbox = await readInbox();
      this.inbox = inbox;
      const arrived = inbox.entries.filter((entry) => !known.has(entry.id));
      const first = arrived[0];
      if (arrived.length === 1 && first) {
        const title = first.title;
        announce(msg(str`New message: ${title}`, { id: 'inbox.arrived' }));
      } else if (arrived.length > 1) {
        const count = arrived.length;
        announce(msg(str`${count} new messages.`, { id: 'inbox.arrivedMany' }));
      }
    } catch {
      // The list stays as it was; the next event or a reload tries again.
    }
  }

  override render() {
    return html`<div class="top">
        <h1>${msg('Inbox', { id: 'inbox.title' })}</h1>
        ${this.renderMarkAll()}
      </div>
      ${this.error ? errorMessage(this.error) : null}
      ${taskView(this.loaded, () => this.renderEntries(this.inbox?.entries ?? []))}`;
  }

  private renderMarkAll() {
    const unread = this.inbox?.unread ?? 0;
    if (!unread) return null;
    return html`<button type="button" class="secondary" aria-disabled=${this.busy ? 'true' : 'false'} @click=${this.readAll}>
      ${msg('Mark all as read', { id: 'inbox.markAll' })}
    </button>`;
  }

  private renderEntries(entries: InboxEntry[]) {
    const unread = this.inbox?.unread ?? 0;
    if (!entries.length) return html`<p>${msg('No messages yet.', { id: 'inbox.empty' })}</p>`;
    return html`<p class="muted">
        ${
          unread
            ? msg(str`${unread} unread`, { id: 'inbox.unreadCount' })
            : msg('All messages read.', { id: 'inbox.allRead' })
        }
      </p>
      <ul>
        ${entries.map((entry) => this.renderEntry(entry))}
      </ul>`;
  }

  private renderEntry(entry: InboxEntry) {
    const unread = !entry.readAt;
    return html`<li class="card ${unread ? 'unread' : ''}">
      <h2>
        ${unread ? html`<span class="badge">${msg('unread', { id: 'inbox.unread' })}</span> ` : null}<span lang=${entry.locale}>${entry.title}</span>
      </h2>
      <p class="text" lang=${entry.locale}>${entry.text}</p>
      <div class="meta">
        <time class="muted" datetime=${entry.createdAt}>${formatDateTime(entry.createdAt, 'short')}</time>
        ${
          entry.link
            ? html`<a href=${entry.link} @click=${(event: MouseEvent) => this.open(event, entry)}
              >${msg('Open', { id: 'inbox.open' })}<span class="visually-hidden">: <span lang=${entry.locale}>${entry.title}</span></span></a
            >`
            : null
        }
        ${
          unread
            ? html`<div class="actions">
              <button type="button" class="secondary" aria-disabled=${this.busy ? 'true' : 'false'} @click=${() => this.read(entry)}>
                ${msg('Mark as read', { id: 'inbox.markRead' })}<span class="visually-hidden"
                  >: <span lang=${entry.locale}>${entry.title}</span></span
                >
              </button>
            </div>`
            : null
        }
      </div>
    </li>`;
  }

  /** Following an entry's link marks it read first, so the badge is right on the next page. */
  private async open(event: MouseEvent, entry: InboxEntry): Promise<void> {
    if (entry.readAt || !entry.link) return;
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
      void markRead(entry.id).catch(() => undefined);
      return;
    }
    event.preventDefault();
    event.stopPropagation();
    try {
      await markRead(entry.id);
    } catch {
      // Reading the message matters more than its mark; go on.
    }
    const url = new URL(entry.link, location.href);
    const inApp = url.origin === location.origin && !/^\/(api|auth)\//.test(url.pathname);
    if (inApp) navigate(url.pathname + url.search + url.hash);
    else location.assign(url.href);
  }

  private async read(entry: InboxEntry): Promise<void> {
    await this.change(() => markRead(entry.id));
    if (!this.error) announce(msg('Marked as read.', { id: 'inbox.markedRead' }));
  }

  private readonly readAll = async () => {
    await this.change(markAllRead);
    if (!this.error) announce(msg('All messages marked as read.', { id: 'inbox.markedAll' }));
  };

  private async change(run: () => Promise<Inbox>): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.error = undefined;
    try {
      this.inbox = await run();
    } catch (error) {
      this.error = error;
    } finally {
      this.busy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tandem-inbox-page': TandemInboxPage;
  }
}
