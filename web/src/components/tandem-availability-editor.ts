import { localized, msg, str } from '@lit/localize';
import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { AvailabilityWindow } from '../data/profile.js';
import { getLocale } from '../i18n/locale.js';
import { sharedStyles } from '../styles/shared-styles.js';

/** ISO weekdays 1 (Monday) … 7 (Sunday), named in the app's language. */
export function weekdayName(weekday: number, locale = getLocale()): string {
  // 2024-01-01 was a Monday.
  const date = new Date(Date.UTC(2024, 0, weekday));
  return new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(date);
}

/** Why a window is not valid, or null. */
export function windowProblem(window: AvailabilityWindow): string | null {
  const time = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;
  if (!time.test(window.from) || !time.test(window.to))
    return msg('Enter both times as hours and minutes.', { id: 'availability.error.time' });
  if (window.from >= window.to)
    return msg('The end must be later than the start.', { id: 'availability.error.order' });
  return null;
}

/**
 * Weekly windows in which a person can meet: a weekday and a time from–to per row, rows added
 * and removed. Fires `change` with the windows in `detail`. With `showErrors`, rows that are
 * not valid say why.
 */
@localized()
@customElement('tandem-availability-editor')
export class TandemAvailabilityEditor extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      ol {
        list-style: none;
        padding: 0;
        margin: 0;
      }
      li {
        display: flex;
        flex-wrap: wrap;
        align-items: flex-end;
        gap: 0.5rem 1rem;
        padding: 0.5rem 0;
        border-bottom: 1px solid var(--tandem-border);
      }
      li .field {
        margin: 0;
      }
      li .error-text {
        flex-basis: 100%;
        margin: 0;
      }
    `,
  ];

  @property() accessor legend = '';
  @property({ attribute: false }) accessor windows: AvailabilityWindow[] = [];
  @property({ type: Boolean }) accessor showErrors = false;
  /** An error for the whole list, e.g. "add at least one window". */
  @property() accessor error = '';

  /** Focuses the first row that is not valid (or the add button), returning whether any was. */
  focusFirstInvalid(): boolean {
    const index = this.windows.findIndex((w) => windowProblem(w));
    const target =
      index >= 0
        ? this.renderRoot.querySelector<HTMLElement>(`#from-${index}`)
        : this.renderRoot.querySelector<HTMLElement>('#add');
    target?.focus();
    return index >= 0;
  }

  private emit(windows: AvailabilityWindow[]): void {
    this.windows = windows;
    this.dispatchEvent(new CustomEvent<AvailabilityWindow[]>('change', { detail: windows }));
  }

  private change(index: number, patch: Partial<AvailabilityWindow>): void {
    this.emit(this.windows.map((w, i) => (i === index ? { ...w, ...patch } : w)));
  }

  private async addRow(): Promise<void> {
    const last = this.windows.at(-1);
    const next = last
      ? { ...last, weekday: (last.weekday % 5) + 1 }
      : { weekday: 1, from: '09:00', to: '10:00' };
    this.emit([...this.windows, next]);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#weekday-${this.windows.length - 1}`)?.focus();
  }

  private async removeRow(index: number): Promise<void> {
    this.emit(this.windows.filter((_, i) => i !== index));
    await this.updateComplete;
    // Focus stays in the list: on the row that moved up, or on "Add".
    const next = this.renderRoot.querySelector<HTMLElement>(
      `#remove-${Math.min(index, this.windows.length - 1)}`,
    );
    (next ?? this.renderRoot.querySelector<HTMLElement>('#add'))?.focus();
  }

  override render() {
    return html`<fieldset aria-describedby=${this.error ? 'error' : ''}>
      <legend>${this.legend}</legend>
      ${this.error ? html`<p id="error" role="alert" class="error-text">${this.error}</p>` : ''}
      ${
        this.windows.length
          ? html`<ol>
            ${this.windows.map((window, index) => this.renderRow(window, index))}
          </ol>`
          : html`<p class="muted">${msg('No times yet.', { id: 'availability.none' })}</p>`
      }
      <div class="actions">
        <button id="add" type="button" class="secondary" @click=${this.addRow}>
          ${msg('Add a time', { id: 'availability.add' })}
        </button>
      </div>
    </fieldset>`;
  }

  private renderRow(window: AvailabilityWindow, index: number) {
    const problem = this.showErrors ? windowProblem(window) : null;
    const row = index + 1;
    const invalid = problem ? 'true' : 'false';
    const describedBy = problem ? `error-${index}` : '';
    return html`<li>
      <div class="field">
        <label for=${`weekday-${index}`}>${msg(str`Day ${row}`, { id: 'availability.weekday' })}</label>
        <select
          id=${`weekday-${index}`}
          @change=${(e: Event) =>
            this.change(index, { weekday: Number((e.target as HTMLSelectElement).value) })}
        >
          ${[1, 2, 3, 4, 5, 6, 7].map(
            (day) =>
              html`<option value=${day} ?selected=${day === window.weekday}>${weekdayName(day)}</option>`,
          )}
        </select>
      </div>
      <div class="field">
        <label for=${`from-${index}`}>${msg(str`From ${row}`, { id: 'availability.from' })}</label>
        <input
          id=${`from-${index}`}
          type="time"
          required
          .value=${window.from}
          aria-invalid=${invalid}
          aria-describedby=${describedBy}
          @change=${(e: Event) => this.change(index, { from: (e.target as HTMLInputElement).value })}
        />
      </div>
      <div class="field">
        <label for=${`to-${index}`}>${msg(str`To ${row}`, { id: 'availability.to' })}</label>
        <input
          id=${`to-${index}`}
          type="time"
          required
          .value=${window.to}
          aria-invalid=${invalid}
          aria-describedby=${describedBy}
          @change=${(e: Event) => this.change(index, { to: (e.target as HTMLInputElement).value })}
        />
      </div>
      <button id=${`remove-${index}`} type="button" class="secondary" @click=${() => this.removeRow(index)}>
        ${msg(str`Remove time ${row}`, { id: 'availability.remove' })}
      </button>
      ${problem ? html`<p id=${`error-${index}`} class="error-text">${problem}</p>` : ''}
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tandem-availability-editor': TandemAvailabilityEditor;
  }
}
