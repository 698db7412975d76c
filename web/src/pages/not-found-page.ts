import { localized, msg } from '@lit/localize';
import { html, LitElement } from 'lit';
import { customElement } from 'lit/decorators.js';
import { sharedStyles } from '../styles/shared-styles.js';

/** Any address the app does not know. */
@localized()
@customElement('tandem-not-found-page')
export class TandemNotFoundPage extends LitElement {
  static override styles = sharedStyles;

  override render() {
    return html`
      <h1>${msg('Page not found', { id: 'notFound.title' })}</h1>
      <p>${msg('There is no page at this address.', { id: 'notFound.text' })}</p>
      <p><a href="/">${msg('Go to the start page', { id: 'notFound.home' })}</a></p>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tandem-not-found-page': TandemNotFoundPage;
  }
}
