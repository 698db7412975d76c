import { localized, msg, str } from '@lit/localize';
import { Task } from '@lit/task';
import { css, html, LitElement, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { formatDateTime, formatTimeRange } from '../components/date-time.js';
import { taskView } from '../components/task-view.js';
import { type DemoMail, readDemoMailbox } from '../data/demo-mailbox.js';
import { plural } from '../i18n/plural.js';
import { sharedStyles } from '../styles/shared-styles.js';

type DemoMailEvent = NonNullable<DemoMail['event']>;

/**
 * What demo mode sent by e-mail, which it keeps instead of sending: each message with its
 * calendar event as a calendar program reads it, so a newcomer sees the invitations.
 */
@localized()
@customElement('tandem-demo-mailbox-page')
export class TandemDemoMailboxPage extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      dl {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: 0.25rem 1rem;
      }
      dd {
        margin: 0;
      }
      pre {
        white-space: pre-wrap;
        overflow-wrap: anywhere;
        font: inherit;
      }
    `,
  ];

  private readonly mails = new Task(this, {
    task: (_args, { signal }) => readDemoMailbox(signal),
    args: () => [] as const,
  });

  override render() {
    return html`<h1 tabindex="-1">${msg('Demo mailbox', { id: 'demoMailbox.title' })}</h1>
      <p>
        ${msg(
          'In demo mode Tandem sends no e-mail out: every message it would send lands here, newest first. It is kept until Tandem restarts.',
          { id: 'demoMailbox.intro' },
        )}
      </p>
      <p>
        <button class="secondary" @click=${() => this.mails.run()}>
          ${msg('Refresh', { id: 'demoMailbox.refresh' })}
        </button>
      </p>
      ${taskView(this.mails, (mails) => this.renderMails(mails))}`;
  }

  private renderMails(mails: DemoMail[]) {
    if (mails.length === 0)
      return html`<p role="status">${msg('No messages yet.', { id: 'demoMailbox.none' })}</p>`;
    return html`<p role="status" class="muted">
        ${plural(mails.length, {
          one: msg(str`${mails.length} message`, { id: 'demoMailbox.count.one' }),
          other: msg(str`${mails.length} messages`, { id: 'demoMailbox.count' }),
        })}
      </p>
      <ol>
        ${mails.map((mail, index) => html`<li>${this.renderMail(mail, index)}</li>`)}
      </ol>`;
  }

  private renderMail(mail: DemoMail, index: number) {
    const heading = `mail-${index}`;
    return html`<article class="card" aria-labelledby=${heading}>
      <h2 id=${heading} lang=${mail.language ?? nothing}>${mail.subject}</h2>
      <dl>
        <dt>${msg('From', { id: 'demoMailbox.from' })}</dt>
        <dd>${mail.from}</dd>
        <dt>${msg('To', { id: 'demoMailbox.to' })}</dt>
        <dd>${mail.to.join(', ')}</dd>
        <dt>${msg('Sent', { id: 'demoMailbox.sent' })}</dt>
        <dd>${formatDateTime(mail.receivedAt, 'short')}</dd>
        ${mail.event ? renderEvent(mail.event) : nothing}
      </dl>
      <details>
        <summary>
          ${msg('Text', { id: 'demoMailbox.text' })}
          <span class="visually-hidden">: <span lang=${mail.language ?? nothing}>${mail.subject}</span></span>
        </summary>
        <pre lang=${mail.language ?? nothing}>${mail.text}</pre>
      </details>
    </article>`;
  }
}

function renderEvent(event: DemoMailEvent) {
  return html`<dt>${msg('Calendar', { id: 'demoMailbox.calendar' })}</dt>
    <dd>${methodLabel(event.method)}: ${event.summary}</dd>
    <dt>${msg('When', { id: 'demoMailbox.when' })}</dt>
    <dd>${formatTimeRange(event.start, event.end)}</dd>
    <dt>${msg('Version', { id: 'demoMailbox.sequence' })}</dt>
    <dd>${event.sequence}</dd>`;
}

function methodLabel(method: string): string {
  switch (method) {
    case 'REQUEST':
      return msg('Invitation', { id: 'demoMailbox.method.request' });
    case 'CANCEL':
      return msg('Cancellation', { id: 'demoMailbox.method.cancel' });
    default:
      return method;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tandem-demo-mailbox-page': TandemDemoMailboxPage;
  }
}
