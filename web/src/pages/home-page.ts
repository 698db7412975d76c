import { consume } from '@lit/context';
import { localized, msg, str } from '@lit/localize';
import { html, LitElement } from 'lit';
import { customElement } from 'lit/decorators.js';
import type { Me } from '../data/me.js';
import { sessionContext } from '../session/session-context.js';
import { signInHref } from '../session/sign-in.js';
import { sharedStyles } from '../styles/shared-styles.js';

/** The start page: a welcome and "Sign in" for visitors, my programmes for participants. */
@localized()
@customElement('tandem-home-page')
export class TandemHomePage extends LitElement {
  static override styles = sharedStyles;

  @consume({ context: sessionContext, subscribe: true })
  accessor me: Me | null = null;

  override render() {
    if (!this.me) return this.renderWelcome();
    const name = this.me.name;
    return html`<h1>${msg(str`Welcome, ${name}`, { id: 'home.welcomeName' })}</h1>`;
  }

  private renderWelcome() {
    return html`
      <h1>${msg('Welcome to Tandem', { id: 'home.welcome' })}</h1>
      <p>
        ${msg(
          'Tandem brings colleagues together: reverse mentoring, classic mentoring and mystery lunches. Sign in with your organisation account to join a programme.',
          { id: 'home.intro' },
        )}
      </p>
      <p><a class="button" href=${signInHref()}>${msg('Sign in', { id: 'home.signIn' })}</a></p>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tandem-home-page': TandemHomePage;
  }
}
