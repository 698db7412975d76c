import { localized, msg, str } from '@lit/localize';
import { Task } from '@lit/task';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { announce } from '../components/announcer.js';
import { formatDateTime } from '../components/date-time.js';
import { tableRegion } from '../components/table-region.js';
import { errorText, taskView } from '../components/task-view.js';
import {
  DELIVERY_STATES,
  type Delivery,
  type DeliveryState,
  readDeliveries,
  retryDelivery,
} from '../data/deliveries.js';
import { plural } from '../i18n/plural.js';
import { sharedStyles } from '../styles/shared-styles.js';

/** Failed first: those are what an admin comes here for. */
const ORDER: Record<DeliveryState, number> = {
  failed: 0,
  'retry-later': 1,
  pending: 2,
  delivered: 3,
};

/** What Tandem sent, by e-mail or another channel: failed deliveries with reason and retry. */
@localized()
@customElement('tandem-deliveries-page')
export class TandemDeliveriesPage extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      td.nowrap {
        white-space: nowrap;
      }
      th[tabindex]:focus {
        outline: 3px solid var(--tandem-focus);
      }
    `,
  ];

  @state() private accessor stateFilter: DeliveryState | '' = '';
  /** Rows the admin retried, as the server answered: shown in place of the loaded ones. */
  @state() private accessor retried: ReadonlyMap<string, Delivery> = new Map();
  @state() private accessor error = '';

  private readonly deliveries = new Task(this, {
    task: async ([filter], { signal }) => {
      const list = await readDeliveries(
        { limit: 200, ...(filter ? { state: filter } : {}) },
        signal,
      );
      this.retried = new Map();
      return [...list].sort((a, b) => ORDER[a.state] - ORDER[b.state]);
    },
    args: () => [this.stateFilter] as const,
  });

  override render() {
    return html`<h1 tabindex="-1">${msg('Deliveries', { id: 'deliveries.title' })}</h1>
      <p>
        ${msg(
          'Messages Tandem sent by e-mail or another channel. Failed deliveries come first, with the reason.',
          { id: 'deliveries.intro' },
        )}
      </p>
      <div class="field">
        <label for="state">${msg('Show', { id: 'deliveries.filter' })}</label>
        <select id="state" @change=${this.onFilter}>
          <option value="" ?selected=${this.stateFilter === ''}>
            ${msg('All deliveries', { id: 'deliveries.filter.all' })}
          </option>
          ${DELIVERY_STATES.map(
            (value) =>
              html`<option value=${value} ?selected=${this.stateFilter === value}>
                ${stateLabel(value)}
              </option>`,
          )}
        </select>
      </div>
      ${this.error ? html`<p role="alert" class="error-text">${this.error}</p>` : nothing}
      ${taskView(this.deliveries, (list) => this.renderTable(list))}`;
  }

  private onFilter(event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    this.stateFilter = DELIVERY_STATES.find((s) => s === value) ?? '';
  }

  private renderTable(list: Delivery[]) {
    if (list.length === 0)
      return html`<p role="status">${msg('No deliveries.', { id: 'deliveries.none' })}</p>`;
    const failed = list.filter((d) => d.state === 'failed').length;
    return html`<p role="status" class="muted">
        ${plural(list.length, {
          one: msg(str`${list.length} delivery, ${failed} failed`, { id: 'deliveries.count.one' }),
          other: msg(str`${list.length} deliveries, ${failed} failed`, { id: 'deliveries.count' }),
        })}
      </p>
      ${tableRegion(
        msg('Deliveries, failed first', { id: 'deliveries.caption' }),
        html`<thead>
            <tr>
              <th scope="col">${msg('Message', { id: 'deliveries.col.message' })}</th>
              <th scope="col">${msg('Recipient', { id: 'deliveries.col.recipient' })}</th>
              <th scope="col">${msg('Channel', { id: 'deliveries.col.channel' })}</th>
              <th scope="col">${msg('State', { id: 'deliveries.col.state' })}</th>
              <th scope="col">${msg('Attempts', { id: 'deliveries.col.attempts' })}</th>
              <th scope="col">${msg('Reason', { id: 'deliveries.col.reason' })}</th>
              <th scope="col">${msg('Created', { id: 'deliveries.col.created' })}</th>
              <th scope="col"><span class="visually-hidden">${msg('Action', { id: 'deliveries.col.action' })}</span></th>
            </tr>
          </thead>
          <tbody>
            ${list.map((loaded) => this.renderRow(this.retried.get(loaded.id) ?? loaded))}
          </tbody>`,
      )}`;
  }

  private renderRow(delivery: Delivery) {
    const recipient = delivery.recipient.name;
    return html`<tr>
      <th scope="row" id=${`d-${delivery.id}`} tabindex="-1">${delivery.title}</th>
      <td>${recipient}</td>
      <td>${delivery.channel}</td>
      <td class="nowrap">
        ${
          delivery.state === 'failed'
            ? html`<strong class="error-text">${stateLabel(delivery.state)}</strong>`
            : stateLabel(delivery.state)
        }
      </td>
      <td>${delivery.attempts}</td>
      <td>${delivery.lastError ?? '–'}</td>
      <td class="nowrap">${formatDateTime(delivery.createdAt, 'numeric')}</td>
      <td>
        ${
          delivery.state === 'failed'
            ? html`<button class="secondary" @click=${() => this.onRetry(delivery)}>
              ${msg('Retry', { id: 'deliveries.retry' })}
              <span class="visually-hidden">${delivery.title}, ${recipient}</span>
            </button>`
            : nothing
        }
      </td>
    </tr>`;
  }

  private async onRetry(delivery: Delivery): Promise<void> {
    this.error = '';
    const recipient = delivery.recipient.name;
    try {
      const updated = await retryDelivery(delivery.id);
      this.retried = new Map(this.retried).set(updated.id, updated);
      announce(
        msg(str`The message to ${recipient} is being sent again.`, { id: 'deliveries.retried' }),
      );
      // The button is gone now; the row's heading keeps the keyboard user in place.
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`#d-${CSS.escape(delivery.id)}`)?.focus();
    } catch (error) {
      this.error = errorText(error);
    }
  }
}

function stateLabel(value: DeliveryState): string {
  switch (value) {
    case 'failed':
      return msg('Failed', { id: 'deliveries.state.failed' });
    case 'retry-later':
      return msg('Will retry', { id: 'deliveries.state.retryLater' });
    case 'pending':
      return msg('Waiting', { id: 'deliveries.state.pending' });
    case 'delivered':
      return msg('Delivered', { id: 'deliveries.state.delivered' });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tandem-deliveries-page': TandemDeliveriesPage;
  }
}
