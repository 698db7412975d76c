import { localized, msg, str } from '@lit/localize';
import { Task } from '@lit/task';
import { html, LitElement } from 'lit';
import { customElement } from 'lit/decorators.js';
import {
  listMyCertificates,
  type MyCertificate,
  myCertificatePdfUrl,
} from '../data/certificates.js';
import { sharedStyles } from '../styles/shared-styles.js';
import { formatDate } from './date-time.js';
import { taskView } from './task-view.js';

/**
 * The signed-in person's certificates of participation: one per programme in which their pair
 * held a meeting and is done (or the programme closed), each a PDF link. A certificate not yet
 * issued is issued by its first download; the list then shows its number.
 */
@localized()
@customElement('tandem-my-certificates')
export class TandemMyCertificates extends LitElement {
  static override styles = [sharedStyles];

  private readonly data = new Task(this, {
    task: async (_args, { signal }) => listMyCertificates(signal),
    args: () => [] as const,
  });

  override render() {
    return taskView(this.data, (certificates) =>
      certificates.length === 0
        ? html`<p class="empty">
            ${msg('No certificate yet. Once your tandem has met and your programme or pair has ended, your certificate of participation is here.', { id: 'certificates.none' })}
          </p>`
        : html`<ul>
            ${certificates.map((certificate) => this.renderOne(certificate))}
          </ul>`,
    );
  }

  private renderOne(certificate: MyCertificate) {
    const programme = certificate.programme.name;
    const issued = certificate.number
      ? msg(
          str`Number ${certificate.number}, issued on ${formatDate(certificate.issuedAt ?? '')}.`,
          {
            id: 'certificates.issued',
          },
        )
      : msg('Issued when you first download it.', { id: 'certificates.notYetIssued' });
    return html`<li>
      <a
        href=${myCertificatePdfUrl(certificate.programme.id)}
        download
        @click=${() => this.refreshSoon()}
        >${msg(str`Certificate for ${programme} (PDF)`, { id: 'certificates.download' })}</a
      >
      <span class="hint">${issued}</span>
    </li>`;
  }

  /** After a first download the certificate has its number: show it once the PDF is there. */
  private refreshSoon(): void {
    setTimeout(() => void this.data.run(), 1500);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tandem-my-certificates': TandemMyCertificates;
  }
}
