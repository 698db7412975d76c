import { consume } from '@lit/context';
import { localized } from '@lit/localize';
import { css, html, LitElement } from 'lit';
import { customElement } from 'lit/decorators.js';
import { type Me, readPreferences, savePreferences } from '../data/me.js';
import { getLocale, type Locale, useLocale } from '../i18n/locale.js';
import { sessionContext } from '../session/session-context.js';
import { sharedStyles } from '../styles/shared-styles.js';

/**
 * "Deutsch" / "English": switches the app at once and, for a signed-in person, keeps the choice
 * (it is also the language of their emails). The button names the other language in that
 * language, so someone who does not read the current one still finds it.
 */
@localized()
@customElement('tandem-language-switch')
export class TandemLanguageSwitch extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: inline-block;
      }
    `,
  ];

  @consume({ context: sessionContext, subscribe: true })
  accessor me: Me | null = null;

  /**
   * Keeps the choice before switching, so a reload or a link opened right after the switch
   * finds it kept; a failed save still switches this page.
   */
  private async switchTo(locale: Locale): Promise<void> {
    if (this.me) await this.keep(locale).catch(() => undefined);
    await useLocale(locale);
  }

  private async keep(locale: Locale): Promise<void> {
    const preferences = await readPreferences();
    await savePreferences({ ...preferences, locale });
  }

  override render() {
    const other: Locale = getLocale() === 'de' ? 'en' : 'de';
    const label = other === 'de' ? 'Deutsch' : 'English';
    return html`<button
      class="secondary"
      type="button"
      lang=${other}
      aria-label=${other === 'de' ? 'Auf Deutsch wechseln' : 'Switch to English'}
      @click=${() => this.switchTo(other)}
    >
      ${label}
    </button>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tandem-language-switch': TandemLanguageSwitch;
  }
}
