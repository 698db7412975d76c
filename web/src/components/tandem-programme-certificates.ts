import { localized, msg, str } from '@lit/localize';
import { Task } from '@lit/task';
import { html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import {
  issueProgrammeCertificates,
  listProgrammeCertificates,
  type ProgrammeCertificates,
} from '../data/certificates.js';
import { plural } from '../i18n/plural.js';
import { sharedStyles } from '../styles/shared-styles.js';
import { announce } from './announcer.js';
import { formatDate } from './date-time.js';
import { errorText, taskView } from './task-view.js';

/**
 * On a programme's page, for its admins and managers: how many participants may have a
 * certificate, the numbers issued, and one button that issues the rest and tells each holder.
 */
@localized()
@customElement('tandem-programme-certificates')
export class TandemProgrammeCertificates extends LitElement {
  static override styles = [sharedStyles];

  @property() accessor programmeId = '';
  @state() private accessor error = '';
  @state() private accessor busy = false;

  private readonly data = new Task(this, {
    task: async ([id], { signal }) => listProgrammeCertificates(id ?? '', signal),
    args: () => [this.programmeId] as const,
  });

  override render() {
    return html`<section class="card" aria-labelledby="certificates-heading">
      <h2 id="certificates-heading">${msg('Certificates', { id: 'certificates.admin.title' })}</h2>
      ${taskView(this.data, (data) => this.renderLoaded(data))}
    </section>`;
  }

  private renderLoaded({ eligible, certificates }: ProgrammeCertificates) {
    const issued = certificates.length;
    return html`<p>
        ${msg(str`${eligible} participants may have a certificate of participation (their tandem held a meeting, and the programme or their pair has ended); ${issued} issued.`, { id: 'certificates.admin.summary' })}
      </p>
      ${this.error ? html`<p role="alert" class="error-text">${this.error}</p>` : nothing}
      <div class="actions">
        <button type="button" ?disabled=${this.busy || eligible <= issued} @click=${this.issue}>
          ${msg('Issue certificates and notify', { id: 'certificates.admin.issue' })}
        </button>
      </div>
      ${
        issued > 0
          ? html`<table>
              <caption>${msg('Certificates issued', { id: 'certificates.admin.caption' })}</caption>
              <thead><tr>
                <th scope="col">${msg('Number', { id: 'certificates.admin.number' })}</th>
                <th scope="col">${msg('Holder', { id: 'certificates.admin.holder' })}</th>
                <th scope="col">${msg('Issued', { id: 'certificates.admin.issuedAt' })}</th>
              </tr></thead>
              <tbody>${certificates.map(
                (c) => html`<tr>
                  <td><a href="/verify/${c.number}">${c.number}</a></td>
                  <td>${c.holderName}</td>
                  <td>${formatDate(c.issuedAt)} · ${
                    c.issuedByAdmin
                      ? msg('by the programme', { id: 'certificates.admin.byAdmin' })
                      : msg('on request', { id: 'certificates.admin.bySelf' })
                  }</td>
                </tr>`,
              )}</tbody>
            </table>`
          : nothing
      }`;
  }

  private async issue(): Promise<void> {
    this.busy = true;
    this.error = '';
    try {
      const { issued } = await issueProgrammeCertificates(this.programmeId);
      announce(
        plural(issued, {
          one: msg(str`${issued} certificate issued; its holder is notified.`, {
            id: 'certificates.admin.issued.one',
          }),
          other: msg(str`${issued} certificates issued; their holders are notified.`, {
            id: 'certificates.admin.issued',
          }),
        }),
      );
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
    'tandem-programme-certificates': TandemProgrammeCertificates;
  }
}
