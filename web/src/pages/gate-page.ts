import { localized, msg } from '@lit/localize';
import { html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { signInHref } from '../session/sign-in.js';
import { sharedStyles } from '../styles/shared-styles.js';

/** Shown instead of a page someone may not open: nobody signed in, or not an HR admin. */
@localized()
@customElement('tandem-gate-page')
export class TandemGatePage extends LitElement {
  static override styles = sharedStyles;

  @property() accessor reason: 'sign-in' | 'forbidden' = 'sign-in';

  override render() {
    if (this.reason === 'sign-in') {
      return html`<h1>${msg('Please sign in', { id: 'shell.gate.signIn' })}</h1>
        <p>${msg('This page is for participants of a programme.', { id: 'shell.gate.signInText' })}</p>
        <p><a class="button" href=${signInHref()}>${msg('Sign in', { id: 'shell.signIn' })}</a></p>`;
    }
    return html`<h1>${msg('Not available', { id: 'shell.gate.forbidden' })}</h1>
      <p>${msg('This page is for HR admins.', { id: 'shell.gate.forbiddenText' })}</p>
      <p><a href="/">${msg('Go to the start page', { id: 'notFound.home' })}</a></p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tandem-gate-page': TandemGatePage;
  }
}
