import { localized, msg } from '@lit/localize';
import { css, html, LitElement } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { reportMismatch } from '../data/pairs.js';
import { sharedStyles } from '../styles/shared-styles.js';
import { dialogFormActions } from './dialog-actions.js';
import type { TandemDialog } from './tandem-dialog.js';
import './tandem-dialog.js';
import { errorMessage } from './task-view.js';

/**
 * "This doesn't fit": a quiet button at the bottom of the tandem page and a dialog that says
 * kindly what happens before anything does. Fires `pair-dissolved` once the pair is ended.
 */
@localized()
@customElement('tandem-mismatch')
export class TandemMismatch extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        margin-top: 3rem;
        padding-top: 1rem;
        border-top: 1px solid var(--tandem-border);
      }
      .quiet {
        background: none;
        border: none;
        color: var(--tandem-primary);
        text-decoration: underline;
        padding: 0.5rem 0;
      }
      .quiet:hover {
        background: none;
        color: var(--tandem-primary-dark);
      }
      textarea {
        width: 100%;
        min-height: 5rem;
      }
      ul {
        padding-left: 1.25rem;
      }
    `,
  ];

  @property({ attribute: false }) accessor pairId = '';
  @state() private accessor reason = '';
  @state() private accessor busy = false;
  @state() private accessor error: unknown;
  @query('tandem-dialog') private accessor dialog!: TandemDialog;

  override render() {
    return html`
      <p class="muted">
        ${msg('Not every tandem works out, and that is all right.', { id: 'tandem.mismatch.teaser' })}
      </p>
      <button type="button" class="quiet" @click=${this.open}>
        ${msg("This doesn't fit", { id: 'tandem.mismatch.open' })}
      </button>
      <tandem-dialog heading=${msg("This doesn't fit", { id: 'tandem.mismatch.open' })}>
        <form id="mismatch" @submit=${this.confirm}>
          <p>${msg('If you end this tandem:', { id: 'tandem.mismatch.intro' })}</p>
          <ul>
            <li>${msg('The tandem is ended and planned meetings are cancelled.', { id: 'tandem.mismatch.ended' })}</li>
            <li>
              ${msg(
                'Your partner receives a short, neutral notice. It does not say why or who asked.',
                {
                  id: 'tandem.mismatch.neutral',
                },
              )}
            </li>
            <li>${msg('You both get a new partner.', { id: 'tandem.mismatch.newPartner' })}</li>
          </ul>
          <div class="field">
            <label for="reason">${msg('Reason (optional)', { id: 'tandem.mismatch.reason' })}</label>
            <textarea
              id="reason"
              maxlength="2000"
              aria-describedby="reason-hint"
              .value=${this.reason}
              @input=${(event: Event) => {
                this.reason = (event.target as HTMLTextAreaElement).value;
              }}
            ></textarea>
            <p id="reason-hint" class="hint">
              ${msg(
                'Confidential: only the programme team reads it, never your partner. It helps us match better.',
                { id: 'tandem.mismatch.reasonHint' },
              )}
            </p>
          </div>
          ${this.error ? errorMessage(this.error) : null}
        </form>
        ${dialogFormActions({
          form: 'mismatch',
          submit: msg('End this tandem', { id: 'tandem.mismatch.confirm' }),
          cancel: msg('Keep the tandem', { id: 'tandem.mismatch.keep' }),
          busy: this.busy,
          onCancel: () => this.dialog.close(),
        })}
      </tandem-dialog>
    `;
  }

  private readonly open = async () => {
    this.error = undefined;
    await this.dialog.show();
  };

  private readonly confirm = async (event: Event) => {
    event.preventDefault();
    if (this.busy) return;
    this.busy = true;
    this.error = undefined;
    try {
      await reportMismatch(this.pairId, this.reason);
      this.dialog.close();
      this.dispatchEvent(new Event('pair-dissolved', { bubbles: true, composed: true }));
    } catch (error) {
      this.error = error;
    } finally {
      this.busy = false;
    }
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'tandem-mismatch': TandemMismatch;
  }
}
