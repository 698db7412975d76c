import { localized, msg, str } from '@lit/localize';
import { Task } from '@lit/task';
import { html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import {
  type AdminApproval,
  answerApprovalOnBehalf,
  listProgrammeApprovals,
} from '../data/approvals.js';
import { sharedStyles } from '../styles/shared-styles.js';
import { announceAnswer } from './announce-answer.js';
import { formatDate } from './date-time.js';
import { errorText } from './task-view.js';

/**
 * For admins, on a programme's enrolments: who waits for their line manager's approval, and
 * whom; an admin may answer on the manager's behalf (audited), which is the way on when the
 * directory names no manager. Shows nothing while nobody waits.
 */
@localized()
@customElement('tandem-pending-approvals')
export class TandemPendingApprovals extends LitElement {
  static override styles = [sharedStyles];

  @property() accessor programmeId = '';
  @state() private accessor error = '';
  @state() private accessor busy = false;

  private readonly approvals = new Task(this, {
    task: async ([id], { signal }) => listProgrammeApprovals(id ?? '', signal),
    args: () => [this.programmeId] as const,
  });

  override render() {
    const waiting = this.approvals.value ?? [];
    if (waiting.length === 0 && !this.error) return nothing;
    return html`<section aria-labelledby="pending-heading">
      <h2 id="pending-heading">${msg('Waiting for approval', { id: 'approvals.admin.heading' })}</h2>
      ${this.error ? html`<p role="alert" class="error-text">${this.error}</p>` : nothing}
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">${msg('Person', { id: 'approvals.admin.person' })}</th>
              <th scope="col">${msg('Line manager', { id: 'approvals.admin.manager' })}</th>
              <th scope="col">${msg('Waits until', { id: 'approvals.admin.until' })}</th>
              <th scope="col">${msg('On the manager’s behalf', { id: 'approvals.admin.answer' })}</th>
            </tr>
          </thead>
          <tbody>
            ${waiting.map((approval) => this.renderRow(approval))}
          </tbody>
        </table>
      </div>
    </section>`;
  }

  private renderRow(approval: AdminApproval) {
    const { person } = approval;
    return html`<tr>
      <th scope="row">${person}</th>
      <td>${approval.manager ?? msg('No manager to ask', { id: 'approvals.admin.noManager' })}</td>
      <td>${formatDate(approval.expiresAt)}</td>
      <td>
        <button type="button" ?disabled=${this.busy} @click=${() => this.answer(approval, true)}
          aria-label=${msg(str`Approve for ${person}`, { id: 'approvals.admin.approveFor' })}>
          ${msg('Approve', { id: 'approvals.approve' })}
        </button>
        <button type="button" class="secondary" ?disabled=${this.busy}
          @click=${() => this.answer(approval, false)}
          aria-label=${msg(str`Decline for ${person}`, { id: 'approvals.admin.declineFor' })}>
          ${msg('Decline', { id: 'approvals.decline' })}
        </button>
      </td>
    </tr>`;
  }

  private async answer(approval: AdminApproval, approve: boolean): Promise<void> {
    this.busy = true;
    this.error = '';
    try {
      await answerApprovalOnBehalf(approval.id, approve);
      announceAnswer(approval.person, approve);
      await this.approvals.run();
      this.dispatchEvent(new CustomEvent('approval-answered', { bubbles: true, composed: true }));
    } catch (error) {
      this.error = errorText(error);
    } finally {
      this.busy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tandem-pending-approvals': TandemPendingApprovals;
  }
}
