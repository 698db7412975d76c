import { localized, msg } from '@lit/localize';
import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Skill } from '../data/profile.js';
import { getLocale } from '../i18n/locale.js';
import { sharedStyles } from '../styles/shared-styles.js';

/**
 * Skills from the organisation's taxonomy as checkboxes, grouped by category and labelled in
 * the app's language. Fires `change` with the chosen keys in `detail`.
 */
@localized()
@customElement('tandem-skill-picker')
export class TandemSkillPicker extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      .options {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr));
        gap: 0.5rem 1rem;
        margin: 0.25rem 0 0.75rem;
      }
      .option {
        display: flex;
        align-items: center;
        gap: 0.5rem;
      }
      .option input {
        flex: none;
      }
      .option label {
        font-weight: normal;
        margin: 0;
      }
      h3 {
        font-size: 1rem;
        margin: 0.5rem 0 0.25rem;
      }
    `,
  ];

  @property() accessor legend = '';
  /** An id prefix, so that two pickers in one form never share ids. */
  @property() accessor name = 'skill';
  @property({ attribute: false }) accessor skills: Skill[] = [];
  @property({ attribute: false }) accessor selected: string[] = [];
  /** Text of an error for the whole group, announced and linked to the fieldset. */
  @property() accessor error = '';

  /** Moves focus to the first checkbox, for a form that found this group invalid. */
  override focus(): void {
    this.renderRoot.querySelector<HTMLInputElement>('input')?.focus();
  }

  private toggle(key: string, checked: boolean): void {
    const selected = checked
      ? [...new Set([...this.selected, key])]
      : this.selected.filter((k) => k !== key);
    this.selected = selected;
    this.dispatchEvent(new CustomEvent<string[]>('change', { detail: selected }));
  }

  override render() {
    const locale = getLocale() === 'de' ? 'de' : 'en';
    const categories = [
      { key: 'digital', title: msg('Digital', { id: 'participant.skills.digital' }) },
      {
        key: 'organisation',
        title: msg('Organisation and leadership', { id: 'participant.skills.organisation' }),
      },
    ];
    return html`<fieldset
      aria-invalid=${this.error ? 'true' : 'false'}
      aria-describedby=${this.error ? 'error' : ''}
    >
      <legend>${this.legend}</legend>
      ${this.error ? html`<p id="error" role="alert" class="error-text">${this.error}</p>` : ''}
      ${categories.map(({ key, title }) => {
        const skills = this.skills
          .filter((skill) => skill.category === key && !skill.archived)
          .sort((a, b) => a.label[locale].localeCompare(b.label[locale], locale));
        if (!skills.length) return '';
        return html`<h3>${title}</h3>
          <div class="options">
            ${skills.map(
              (skill) => html`<div class="option">
                <input
                  type="checkbox"
                  id=${`${this.name}-${skill.key}`}
                  .checked=${this.selected.includes(skill.key)}
                  @change=${(event: Event) =>
                    this.toggle(skill.key, (event.target as HTMLInputElement).checked)}
                />
                <label for=${`${this.name}-${skill.key}`}>${skill.label[locale]}</label>
              </div>`,
            )}
          </div>`;
      })}
    </fieldset>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tandem-skill-picker': TandemSkillPicker;
  }
}
