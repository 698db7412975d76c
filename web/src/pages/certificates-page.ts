import { localized, msg } from '@lit/localize';
import { html, LitElement } from 'lit';
import { customElement } from 'lit/decorators.js';
import '../components/tandem-my-certificates.js';
import { sharedStyles } from '../styles/shared-styles.js';

/** My certificates of participation, where the "your certificate is ready" message leads. */
@localized()
@customElement('tandem-certificates-page')
export class TandemCertificatesPage extends LitElement {
  static override styles = [sharedStyles];

  override render() {
    return html`<h1>${msg('My certificates', { id: 'certificates.title' })}</h1>
      <p>
        ${msg('A certificate of participation states your programme, its period, the sessions your tandem held, the hours and the topics. Anyone you show it to can check its number on the verification page.', { id: 'certificates.intro' })}
      </p>
      <tandem-my-certificates></tandem-my-certificates>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tandem-certificates-page': TandemCertificatesPage;
  }
}
