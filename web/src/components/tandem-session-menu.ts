import { consume } from '@lit/context';
import { localized, msg } from '@lit/localize';
import { css, html, LitElement } from 'lit';
import { customElement } from 'lit/decorators.js';
import type { Me } from '../data/me.js';
import { sessionContext } from '../session/session-context.js';
import { signInHref } from '../session/sign-in.js';
import { sharedStyles } from '../styles/shared-styles.js';

/** The header's session corner: "Sign in", or my name and "Sign out". */
@localized()
@customElement('tandem-session-menu')
export class TandemSessionMenu extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: flex;
        align-items: center;
        flex-wrap: wrap;
        gap: 0.75rem;
      }
      form {
        margin: 0;
      }
    `,
  ];

  @consume({ context: sessionContext, subscribe: true })
  accessor me: Me | null = null;

  override render() {
    if (!this.me) {
      return html`<a class="button" href=${signInHref()}>${msg('Sign in', { id: 'shell.signIn' })}</a>`;
    }
    // Sign-out is a form post: a link would let any page sign people out with an <img>.
    return html`
      <span>${this.me.name}</span>
      <form method="post" action="/auth/logout">
        <button class="secondary" type="submit">${msg('Sign out', { id: 'shell.signOut' })}</button>
      </form>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tandem-session-menu': TandemSessionMenu;
  }
}
