import { localized, msg, str } from '@lit/localize';
import { Task } from '@lit/task';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { announceAnswer } from '../components/announce-answer.js';
import { formatDate } from '../components/date-time.js';
import { errorText, taskView } from '../components/task-view.js';
import {
  type Approval,
  answerApproval,
  getMyApproval,
  listMyApprovals,
} from '../data/approvals.js';
import { sharedStyles } from '../styles/shared-styles.js';

/**
 * A line manager's requests for approval: someone of their team would like to take part in a
 * programme. Opened from the message (`/approvals/:id`) it shows that one request; opening it
 * changes nothing, the buttons answer it. `/approvals` lists them all, waiting ones first.
 */
@localized()
@customElement('tandem-approvals-page')
export class TandemApprovalsPage extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      ul.cards {
        list-style: none;
        padding: 0;
        display: grid;
        gap: 1rem;
      }
    `,
  ];

  @property({ attribute: false }) accessor params: Record<string, string> = {};
  @state() private accessor error = '';
  @state() private accessor busy = false;

  private readonly data = new Task(this, {
    task: async ([id], { signal }): Promise<Approval[]> =>
      id ? [await getMyApproval(id, signal)] : listMyApprovals(signal),
    args: () => [this.params.id] as const,
  });

  override render() {
    return html`<h1>${msg('Approvals', { id: 'approvals.title' })}</h1>
      <p>
        ${msg('Colleagues who report to you ask for your approval to take part in a programme during working time. You see only who would like to join which programme.', { id: 'approvals.intro' })}
      </p>
      ${this.error ? html`<p role="alert" class="error-text">${this.error}</p>` : nothing}
      ${taskView(this.data, (approvals) => this.renderList(approvals))}
      ${
        this.params.id
          ? html`<p><a href="/approvals">${msg('All my approvals', { id: 'approvals.all' })}</a></p>`
          : nothing
      }`;
  }

  private renderList(approvals: Approval[]) {
    if (approvals.length === 0)
      return html`<p class="empty">${msg('Nobody is waiting for your approval.', { id: 'approvals.none' })}</p>`;
    return html`<ul class="cards">
      ${approvals.map((approval) => this.renderOne(approval))}
    </ul>`;
  }

  private renderOne(approval: Approval) {
    const id = `approval-${approval.id}`;
    const { person } = approval;
    const programme = approval.programme.name;
    return html`<li class="card" aria-labelledby=${id}>
      <h2 id=${id}>
        ${msg(str`${person} would like to take part in ${programme}`, { id: 'approvals.request' })}
      </h2>
      <p>${this.stateText(approval)}</p>
      ${
        approval.state === 'pending'
          ? html`<div class="actions">
            <button type="button" ?disabled=${this.busy} @click=${() => this.answer(approval, true)}>
              ${msg('Approve', { id: 'approvals.approve' })}
            </button>
            <button type="button" class="secondary" ?disabled=${this.busy}
              @click=${() => this.answer(approval, false)}>
              ${msg('Decline', { id: 'approvals.decline' })}
            </button>
          </div>`
          : nothing
      }
    </li>`;
  }

  private stateText(approval: Approval): string {
    const until = formatDate(approval.expiresAt, 'long');
    switch (approval.state) {
      case 'pending':
        return msg(str`Waiting for your answer until ${until}.`, { id: 'approvals.pending' });
      case 'approved':
        return msg('You approved.', { id: 'approvals.approved' });
      case 'declined':
        return msg('You declined.', { id: 'approvals.declined' });
      case 'expired':
        return msg('Nobody answered in time; the request has run out.', {
          id: 'approvals.expired',
        });
      case 'withdrawn':
        return msg('The request was withdrawn.', { id: 'approvals.withdrawn' });
    }
  }

  private async answer(approval: Approval, approve: boolean): Promise<void> {
    this.busy = true;
    this.error = '';
    try {
      await answerApproval(approval.id, approve);
      announceAnswer(approval.person, approve);
      await this.data.run();
    } catch (error) {
      this.error = errorText(error);
    } finally {
      this.busy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tandem-approvals-page': TandemApprovalsPage;
  }
}
