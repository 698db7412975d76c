import { localized, msg, str } from '@lit/localize';
import { Task } from '@lit/task';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { announce } from '../components/announcer.js';
import '../components/tandem-dialog.js';
import type { TandemDialog } from '../components/tandem-dialog.js';
import { taskView } from '../components/task-view.js';
import { ApiError } from '../data/api-client.js';
import {
  type ApiScope,
  type ApiToken,
  type CreatedApiToken,
  createApiToken,
  readApiTokens,
  revokeApiToken,
} from '../data/api-tokens.js';
import { getLocale } from '../i18n/locale.js';
import { sharedStyles } from '../styles/shared-styles.js';

const SCOPES: ApiScope[] = ['read', 'enrolments:write', 'scim'];

/**
 * An admin's personal API tokens, for scripts and HR systems: made with a name, scopes and an
 * optional expiry, shown once with a copy button, listed without their secret, and revoked.
 */
@localized()
@customElement('tandem-api-tokens-page')
export class TandemApiTokensPage extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      .fields {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr));
        gap: 0 1rem;
      }
      .fields input {
        width: 100%;
        box-sizing: border-box;
      }
      fieldset {
        border: 1px solid var(--tandem-border);
        border-radius: var(--tandem-radius);
        margin: 0.5rem 0 1rem;
      }
      .scope {
        display: flex;
        gap: 0.5rem;
        align-items: baseline;
        margin: 0.25rem 0;
      }
      .scope label {
        font-weight: normal;
      }
      .secret input {
        width: 100%;
        box-sizing: border-box;
        font-family: monospace;
      }
      table {
        min-width: 46rem;
      }
      .nowrap {
        white-space: nowrap;
      }
    `,
  ];

  @state() private accessor created: CreatedApiToken | null = null;
  @state() private accessor createError = '';
  @state() private accessor nameInvalid = false;
  @state() private accessor scopesInvalid = false;
  @state() private accessor revoking: ApiToken | null = null;
  @state() private accessor revokeError = '';

  @query('#revoke-dialog') private accessor revokeDialog!: TandemDialog;
  @query('#secret') private accessor secretField!: HTMLInputElement;

  private readonly tokens = new Task(this, {
    task: async (_args, { signal }) => readApiTokens(signal),
    args: () => [] as const,
  });

  override render() {
    return html`<h1 tabindex="-1">${msg('API tokens', { id: 'apiTokens.title' })}</h1>
      <p>
        ${msg(
          'A personal API token lets a script or an HR system call the Tandem API as you, only on admin operations and only within the scopes you give it. Revoke a token as soon as it is no longer needed.',
          { id: 'apiTokens.intro' },
        )}
        <a href="/api/docs">${msg('API reference', { id: 'apiTokens.docsLink' })}</a>
      </p>
      ${this.created ? this.renderCreated(this.created) : this.renderCreateForm()}
      <section aria-labelledby="list-heading">
        <h2 id="list-heading">${msg('Your tokens', { id: 'apiTokens.list' })}</h2>
        ${taskView(this.tokens, (tokens) => this.renderList(tokens))}
      </section>
      ${this.renderRevokeDialog()}`;
  }

  private renderCreateForm() {
    return html`<form class="card" novalidate @submit=${this.onCreate}
        aria-labelledby="create-heading">
      <h2 id="create-heading">${msg('New token', { id: 'apiTokens.new' })}</h2>
      <div class="fields">
        <div class="field">
          <label for="name">${msg('Name', { id: 'apiTokens.name' })}</label>
          <input id="name" name="name" required maxlength="100" autocomplete="off"
            aria-invalid=${this.nameInvalid ? 'true' : 'false'}
            aria-describedby=${this.nameInvalid ? 'name-hint name-error' : 'name-hint'} />
          <p class="hint" id="name-hint">
            ${msg('What uses it, e.g. "HR system enrolment".', { id: 'apiTokens.nameHint' })}
          </p>
          ${
            this.nameInvalid
              ? html`<p role="alert" class="error-text" id="name-error">
                ${msg('Please give the token a name.', { id: 'apiTokens.nameMissing' })}
              </p>`
              : nothing
          }
        </div>
        <div class="field">
          <label for="expires">${msg('Expires on (optional)', { id: 'apiTokens.expires' })}</label>
          <input id="expires" name="expires" type="date" aria-describedby="expires-hint" />
          <p class="hint" id="expires-hint">
            ${msg('At the end of this day. Without a date the token works until you revoke it.', {
              id: 'apiTokens.expiresHint',
            })}
          </p>
        </div>
      </div>
      <fieldset aria-describedby=${this.scopesInvalid ? 'scopes-error' : nothing}>
        <legend>${msg('Scopes', { id: 'apiTokens.scopes' })}</legend>
        ${SCOPES.map(
          (scope) => html`<div class="scope">
            <input type="checkbox" id=${`scope-${scope}`} name="scopes" value=${scope} />
            <label for=${`scope-${scope}`}><code>${scope}</code>: ${scopeText(scope)}</label>
          </div>`,
        )}
        ${
          this.scopesInvalid
            ? html`<p role="alert" class="error-text" id="scopes-error">
              ${msg('Choose at least one scope.', { id: 'apiTokens.scopesMissing' })}
            </p>`
            : nothing
        }
      </fieldset>
      ${this.createError ? html`<p role="alert" class="error-text">${this.createError}</p>` : nothing}
      <div class="actions">
        <button type="submit">${msg('Create token', { id: 'apiTokens.create' })}</button>
      </div>
    </form>`;
  }

  private renderCreated({ token, apiToken }: CreatedApiToken) {
    return html`<section class="card secret" aria-labelledby="created-heading">
      <h2 id="created-heading" tabindex="-1">
        ${msg(str`Token "${apiToken.name}" created`, { id: 'apiTokens.created' })}
      </h2>
      <p role="alert">
        ${msg('Copy the token now: it is shown only this once and cannot be retrieved later.', {
          id: 'apiTokens.onlyOnce',
        })}
      </p>
      <div class="field">
        <label for="secret">${msg('Your new token', { id: 'apiTokens.secret' })}</label>
        <input id="secret" readonly .value=${token} @focus=${this.selectSecret} />
      </div>
      <div class="actions">
        <button @click=${this.onCopy}>${msg('Copy token', { id: 'apiTokens.copy' })}</button>
        <button class="secondary" @click=${this.onDone}>
          ${msg('Done, I have stored it', { id: 'apiTokens.done' })}
        </button>
      </div>
    </section>`;
  }

  private renderList(tokens: ApiToken[]) {
    if (tokens.length === 0)
      return html`<p>${msg('You have no API tokens.', { id: 'apiTokens.none' })}</p>`;
    const caption = msg('Your API tokens, newest first', { id: 'apiTokens.caption' });
    return html`<div class="table-scroll" tabindex="0" role="region" aria-label=${caption}>
      <table>
        <caption class="visually-hidden">${caption}</caption>
        <thead>
          <tr>
            <th scope="col">${msg('Name', { id: 'apiTokens.name' })}</th>
            <th scope="col">${msg('Begins with', { id: 'apiTokens.col.prefix' })}</th>
            <th scope="col">${msg('Scopes', { id: 'apiTokens.scopes' })}</th>
            <th scope="col">${msg('Created', { id: 'apiTokens.col.created' })}</th>
            <th scope="col">${msg('Last used', { id: 'apiTokens.col.used' })}</th>
            <th scope="col">${msg('Status', { id: 'apiTokens.col.status' })}</th>
          </tr>
        </thead>
        <tbody>
          ${tokens.map((token) => this.renderRow(token))}
        </tbody>
      </table>
    </div>`;
  }

  private renderRow(token: ApiToken) {
    return html`<tr>
      <th scope="row">${token.name}</th>
      <td><code>${token.prefix}…</code></td>
      <td>${token.scopes.map((scope, i) => html`${i ? ', ' : ''}<code>${scope}</code>`)}</td>
      <td class="nowrap">${formatTime(token.createdAt)}</td>
      <td class="nowrap">
        ${token.lastUsedAt ? formatTime(token.lastUsedAt) : msg('never', { id: 'apiTokens.never' })}
      </td>
      <td>${this.renderStatus(token)}</td>
    </tr>`;
  }

  private renderStatus(token: ApiToken) {
    if (token.revokedAt) {
      return msg(str`Revoked ${formatTime(token.revokedAt)}`, { id: 'apiTokens.revoked' });
    }
    if (token.expiresAt && new Date(token.expiresAt) <= new Date()) {
      return msg(str`Expired ${formatTime(token.expiresAt)}`, { id: 'apiTokens.expired' });
    }
    const validity = token.expiresAt
      ? msg(str`Valid until ${formatTime(token.expiresAt)}`, { id: 'apiTokens.validUntil' })
      : msg('Valid until revoked', { id: 'apiTokens.validForever' });
    return html`${validity}
      <div class="actions">
        <button class="danger" @click=${() => this.onAskRevoke(token)}>
          ${msg('Revoke', { id: 'apiTokens.revoke' })}<span class="visually-hidden">
            ${token.name}</span>
        </button>
      </div>`;
  }

  private renderRevokeDialog() {
    const name = this.revoking?.name ?? '';
    return html`<tandem-dialog
      id="revoke-dialog"
      heading=${msg(str`Revoke the token "${name}"?`, { id: 'apiTokens.revoke.heading' })}
      @close=${() => {
        this.revoking = null;
        this.revokeError = '';
      }}
    >
      <p>
        ${msg('Whatever uses it is refused from now on. This cannot be undone.', {
          id: 'apiTokens.revoke.text',
        })}
      </p>
      ${this.revokeError ? html`<p role="alert" class="error-text">${this.revokeError}</p>` : nothing}
      <button slot="actions" class="danger" @click=${this.onRevoke}>
        ${msg('Revoke token', { id: 'apiTokens.revoke.confirm' })}
      </button>
      <button slot="actions" class="secondary" @click=${() => this.revokeDialog.close()}>
        ${msg('Cancel', { id: 'apiTokens.cancel' })}
      </button>
    </tandem-dialog>`;
  }

  private async onCreate(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const name = String(data.get('name') ?? '').trim();
    const scopes = data.getAll('scopes').map(String) as ApiScope[];
    const expires = String(data.get('expires') ?? '');
    this.nameInvalid = !name;
    this.scopesInvalid = scopes.length === 0;
    this.createError = '';
    if (this.nameInvalid || this.scopesInvalid) {
      await this.updateComplete;
      this.renderRoot
        .querySelector<HTMLElement>(this.nameInvalid ? '#name' : '#scope-read')
        ?.focus();
      return;
    }
    try {
      this.created = await createApiToken({
        name,
        scopes,
        // The end of the chosen day, in the admin's time zone.
        ...(expires ? { expiresAt: new Date(`${expires}T23:59:59`).toISOString() } : {}),
      });
      this.tokens.run();
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#created-heading')?.focus();
    } catch (error) {
      this.createError = error instanceof ApiError ? error.message : String(error);
    }
  }

  private selectSecret(): void {
    this.secretField.select();
  }

  private async onCopy(): Promise<void> {
    if (!this.created) return;
    try {
      await navigator.clipboard.writeText(this.created.token);
      announce(msg('The token is copied to the clipboard.', { id: 'apiTokens.copied' }));
    } catch {
      // Without clipboard access (http, or denied) the selected field is the way to copy.
      this.secretField.focus();
      announce(
        msg('Copying is not possible here; the token is selected, copy it with Ctrl+C.', {
          id: 'apiTokens.copyFailed',
        }),
      );
    }
  }

  private async onDone(): Promise<void> {
    this.created = null;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#name')?.focus();
  }

  private async onAskRevoke(token: ApiToken): Promise<void> {
    this.revoking = token;
    await this.revokeDialog.show();
  }

  private async onRevoke(): Promise<void> {
    const token = this.revoking;
    if (!token) return;
    try {
      await revokeApiToken(token.id);
      this.revokeDialog.close();
      this.tokens.run();
      announce(msg(str`The token "${token.name}" is revoked.`, { id: 'apiTokens.revokedNow' }));
    } catch (error) {
      this.revokeError = error instanceof ApiError ? error.message : String(error);
    }
  }
}

function scopeText(scope: ApiScope): string {
  if (scope === 'read')
    return msg('read everything admins can see (all admin GET operations)', {
      id: 'apiTokens.scope.read',
    });
  if (scope === 'scim')
    return msg(
      'SCIM provisioning: the Secret Token for your identity provider (Entra ID, Keycloak); opens /scim/v2 only',
      { id: 'apiTokens.scope.scim' },
    );
  return msg('enrol people into programmes on their behalf', { id: 'apiTokens.scope.enrol' });
}

function formatTime(value: string): string {
  return new Intl.DateTimeFormat(getLocale(), { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(value),
  );
}

declare global {
  interface HTMLElementTagNameMap {
    'tandem-api-tokens-page': TandemApiTokensPage;
  }
}
