import { localized, msg, str } from '@lit/localize';
import { Task } from '@lit/task';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { formatDate, formatDay } from '../components/date-time.js';
import { taskView } from '../components/task-view.js';
import { type CertificateStatements, verifyCertificate } from '../data/certificates.js';
import { getLocale } from '../i18n/locale.js';
import { navigate } from '../router/router.js';
import { sharedStyles } from '../styles/shared-styles.js';

/**
 * Public, without sign-in: whoever holds a certificate checks its number here and sees what
 * the certificate states, as it was issued, and nothing more.
 */
@localized()
@customElement('tandem-verify-page')
export class TandemVerifyPage extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      dl {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: 0.5rem 1.5rem;
      }
      dt {
        font-weight: 600;
      }
      dd {
        margin: 0;
      }
    `,
  ];

  @property({ attribute: false }) accessor params: Record<string, string> = {};

  private readonly result = new Task(this, {
    task: async ([number], { signal }) =>
      number ? { found: await verifyCertificate(number, signal) } : undefined,
    args: () => [this.params.number] as const,
  });

  override render() {
    return html`<h1>${msg('Verify a certificate', { id: 'verify.title' })}</h1>
      <form @submit=${this.submit}>
        <label for="number">${msg('Certificate number', { id: 'verify.number' })}</label>
        <input id="number" name="number" autocomplete="off" spellcheck="false"
          placeholder="TND-XXXX-XXXX-XXXX" .value=${this.params.number ?? ''} />
        <div class="actions"><button type="submit">${msg('Verify', { id: 'verify.submit' })}</button></div>
      </form>
      <div aria-live="polite">
        ${taskView(this.result, (answer) => (answer ? this.renderAnswer(answer.found) : nothing))}
      </div>`;
  }

  private renderAnswer(found: CertificateStatements | undefined) {
    if (!found)
      return html`<p role="alert" class="error-text">
        ${msg(str`No certificate with the number ${this.params.number ?? ''}.`, { id: 'verify.unknown' })}
      </p>`;
    const hours = found.hours.toLocaleString(getLocale());
    return html`<section aria-labelledby="found-heading">
      <h2 id="found-heading">
        ${msg(str`Certificate ${found.number} is genuine`, { id: 'verify.found' })}
      </h2>
      <p>${msg('It states:', { id: 'verify.states' })}</p>
      <dl>
        <dt>${msg('Name', { id: 'verify.holder' })}</dt><dd>${found.holderName}</dd>
        <dt>${msg('Programme', { id: 'verify.programme' })}</dt><dd>${found.programmeName}</dd>
        ${
          found.organisationName
            ? html`<dt>${msg('Organisation', { id: 'verify.organisation' })}</dt>
                <dd>${found.organisationName}</dd>`
            : nothing
        }
        <dt>${msg('Period', { id: 'verify.period' })}</dt>
        <dd>${formatDay(found.periodStart)} – ${formatDay(found.periodEnd)}</dd>
        <dt>${msg('Sessions held', { id: 'verify.sessions' })}</dt><dd>${found.sessionsHeld}</dd>
        <dt>${msg('Hours', { id: 'verify.hours' })}</dt><dd>${hours}</dd>
        <dt>${msg('Topics covered', { id: 'verify.topics' })}</dt>
        <dd>${found.topics.length ? html`<ul>${found.topics.map((topic) => html`<li>${topic}</li>`)}</ul>` : '–'}</dd>
        <dt>${msg('Issued on', { id: 'verify.issuedOn' })}</dt><dd>${formatDate(`${found.issuedOn}T12:00:00Z`, 'long')}</dd>
      </dl>
    </section>`;
  }

  private submit(event: SubmitEvent): void {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const number = String(new FormData(form).get('number') ?? '').trim();
    if (number) navigate(`/verify/${encodeURIComponent(number)}`);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tandem-verify-page': TandemVerifyPage;
  }
}
