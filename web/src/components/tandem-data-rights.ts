import { localized, msg, str } from '@lit/localize';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { deleteMyAccount, MY_DATA_HREF } from '../data/privacy.js';
import { getLocale } from '../i18n/locale.js';
import { sharedStyles } from '../styles/shared-styles.js';
import { dialogFormActions } from './dialog-actions.js';
import type { TandemDialog } from './tandem-dialog.js';
import { errorMessage } from './task-view.js';
import './tandem-dialog.js';

/**
 * "Your data" (GDPR articles 15, 17 and 20): download everything Tandem holds about me, or
 * delete my account after a dialog that says plainly what follows and asks for a typed word.
 */
@localized()
@customElement('tandem-data-rights')
export class TandemDataRights extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      ul.consequences {
        padding-left: 1.25rem;
        margin: 0 0 1rem;
      }
      ul.consequences li {
        margin-bottom: 0.35rem;
      }
    `,
  ];

  @state() private accessor typed = '';
  @state() private accessor invalid = false;
  @state() private accessor busy = false;
  @state() private accessor error: unknown;
  @query('tandem-dialog') private accessor dialog!: TandemDialog;

  override render() {
    return html`<section aria-labelledby="data-heading">
      <h2 id="data-heading">${msg('Your data', { id: 'privacy.title' })}</h2>
      <p class="hint">
        ${msg(
          'You can download everything Tandem holds about you as a file, and you can delete your account.',
          { id: 'privacy.intro' },
        )}
      </p>
      <div class="actions">
        <a class="button secondary" href=${MY_DATA_HREF} download>
          ${msg('Download my data', { id: 'privacy.download' })}
        </a>
        <button type="button" class="danger" @click=${this.open}>
          ${msg('Delete my account', { id: 'privacy.delete' })}
        </button>
      </div>
      ${this.renderDialog()}
    </section>`;
  }

  private renderDialog() {
    const word = confirmationWord();
    return html`<tandem-dialog
      heading=${msg('Delete your account?', { id: 'privacy.dialog.title' })}
    >
      <p>${msg('If you delete your account:', { id: 'privacy.dialog.intro' })}</p>
      <ul class="consequences">
        <li>
          ${msg('You leave every programme you take part in.', { id: 'privacy.dialog.programmes' })}
        </li>
        <li>
          ${msg(
            'Your partners are given a new partner. In their history you appear only as a former participant, without your name.',
            { id: 'privacy.dialog.partners' },
          )}
        </li>
        <li>
          ${msg('Your profile, your messages and the notes and feedback you wrote are deleted.', {
            id: 'privacy.dialog.erased',
          })}
        </li>
        <li>
          ${msg('This cannot be undone. To keep a copy, download your data first.', {
            id: 'privacy.dialog.final',
          })}
        </li>
      </ul>
      <form id="delete-account" novalidate @submit=${this.confirm}>
        <div class="field">
          <label for="confirm-word">
            ${msg(str`To confirm, type ${word}`, { id: 'privacy.dialog.type' })}
          </label>
          <input
            id="confirm-word"
            type="text"
            autocomplete="off"
            autocapitalize="characters"
            spellcheck="false"
            .value=${this.typed}
            aria-invalid=${this.invalid ? 'true' : 'false'}
            aria-describedby=${this.invalid ? 'confirm-error' : nothing}
            @input=${(event: Event) => {
              this.typed = (event.target as HTMLInputElement).value;
            }}
          />
          ${
            this.invalid
              ? html`<p id="confirm-error" role="alert" class="error-text">
                ${msg(str`Type ${word} to delete your account.`, { id: 'privacy.dialog.mismatch' })}
              </p>`
              : nothing
          }
        </div>
        ${this.error ? errorMessage(this.error) : nothing}
      </form>
      ${dialogFormActions({
        form: 'delete-account',
        submit: msg('Delete my account for good', { id: 'privacy.dialog.confirm' }),
        cancel: msg('Keep my account', { id: 'privacy.dialog.keep' }),
        busy: this.busy,
        onCancel: () => this.dialog.close(),
        danger: true,
      })}
    </tandem-dialog>`;
  }

  private readonly open = async () => {
    this.typed = '';
    this.invalid = false;
    this.error = undefined;
    await this.dialog.show();
  };

  private readonly confirm = async (event: Event) => {
    event.preventDefault();
    if (this.busy) return;
    this.invalid = !isConfirmation(this.typed);
    if (this.invalid) {
      this.renderRoot.querySelector<HTMLInputElement>('#confirm-word')?.focus();
      return;
    }
    this.busy = true;
    this.error = undefined;
    try {
      await deleteMyAccount();
      // A fresh start page: the shell, its realtime connection and every cached page forget
      // the account that no longer exists.
      location.assign('/');
    } catch (error) {
      this.error = error;
      this.busy = false;
    }
  };
}

/** The word to type, in the reader's language ("LÖSCHEN" in German). */
function confirmationWord(): string {
  return msg('DELETE', { id: 'privacy.dialog.word' });
}

/**
 * The typed word in any case, in the reader's language or the server's own "DELETE" (the word
 * the API and its documentation use), so no one is stuck on the other language's word.
 */
function isConfirmation(typed: string): boolean {
  const word = typed.trim().toLocaleUpperCase(getLocale());
  return word === confirmationWord() || word === 'DELETE';
}

declare global {
  interface HTMLElementTagNameMap {
    'tandem-data-rights': TandemDataRights;
  }
}
