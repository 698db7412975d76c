import { localized, msg } from '@lit/localize';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import {
  answerSurvey,
  type SurveyAnswers,
  type SurveyForm,
  type SurveyQuestion,
} from '../data/surveys.js';
import { sharedStyles } from '../styles/shared-styles.js';
import { announce } from './announcer.js';
import { errorText } from './task-view.js';

const SCALE = [1, 2, 3, 4, 5] as const;
const MAX_TEXT = 2000;

type Section = SurveyQuestion['section'];

function sectionTitle(section: Section): string {
  switch (section) {
    case 'competence':
      return msg('Your digital skills', { id: 'surveys.section.competence' });
    case 'goals':
      return msg("The programme's goals", { id: 'surveys.section.goals' });
    case 'programme':
      return msg('The programme', { id: 'surveys.section.programme' });
    default:
      return msg('Further questions', { id: 'surveys.section.custom' });
  }
}

/**
 * The questions of one survey, a group per section: a scale as a row of five radio buttons with
 * its two ends written beside it, a single choice as radio buttons, a free text as a text area.
 * Every question may stay open. Sends the answers and fires `answered`; with `skippable`, a
 * Skip button fires `skip`.
 */
@localized()
@customElement('tandem-survey-form')
export class TandemSurveyForm extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      fieldset.question {
        margin: 0 0 1.25rem;
      }
      .scale {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.25rem 1rem;
      }
      .scale label,
      .option label {
        display: inline-flex;
        align-items: center;
        gap: 0.3rem;
        font-weight: normal;
        margin: 0;
      }
      .anchors {
        display: flex;
        justify-content: space-between;
        max-width: 24rem;
        font-size: 0.9rem;
      }
      textarea {
        width: 100%;
        max-width: 40rem;
        min-height: 6rem;
      }
    `,
  ];

  @property({ attribute: false }) accessor form: SurveyForm | null = null;
  @property({ type: Boolean }) accessor skippable = false;
  /** The level of the section headings: 3 under a step's heading, 2 right under the page's. */
  @property({ type: Number }) accessor headingLevel: 2 | 3 = 3;
  @state() private accessor answers: SurveyAnswers = {};
  @state() private accessor error = '';
  @state() private accessor saving = false;

  override render() {
    const form = this.form;
    if (!form) return nothing;
    const sections = [...new Set(form.questions.map((q) => q.section))];
    return html`<p>
        ${msg(
          'Your answers are stored without your name and without a time: nobody, not even HR, can trace them back to you. Every question may stay open.',
          { id: 'surveys.anonymous' },
        )}
      </p>
      <form novalidate @submit=${this.submit}>
        ${sections.map(
          (section) => html`<section aria-labelledby=${`section-${section}`}>
            ${
              this.headingLevel === 2
                ? html`<h2 id=${`section-${section}`}>${sectionTitle(section)}</h2>`
                : html`<h3 id=${`section-${section}`}>${sectionTitle(section)}</h3>`
            }
            ${form.questions.filter((q) => q.section === section).map((q) => this.renderQuestion(q))}
          </section>`,
        )}
        ${
          this.error
            ? html`<p id="survey-error" role="alert" class="error-text" tabindex="-1">${this.error}</p>`
            : nothing
        }
        <div class="actions">
          ${
            this.skippable
              ? html`<button type="button" class="secondary" @click=${this.skip}>
                ${msg('Skip for now', { id: 'surveys.skip' })}
              </button>`
              : nothing
          }
          <button type="submit" ?disabled=${this.saving}>
            ${msg('Send answers', { id: 'surveys.send' })}
          </button>
        </div>
      </form>`;
  }

  private renderQuestion(question: SurveyQuestion) {
    const key = question.id.replace(/\W/g, '-');
    if (question.kind === 'text')
      return html`<div class="field">
        <label for=${`q-${key}`}>${question.text}</label>
        <textarea
          id=${`q-${key}`}
          maxlength=${MAX_TEXT}
          .value=${String(this.answers[question.id] ?? '')}
          @input=${(e: Event) => this.set(question.id, (e.target as HTMLTextAreaElement).value)}
        ></textarea>
      </div>`;
    const described = [
      question.description ? `q-${key}-description` : '',
      question.anchors ? `q-${key}-anchors` : '',
    ]
      .filter(Boolean)
      .join(' ');
    const choices =
      question.kind === 'scale'
        ? SCALE.map((value) => ({ value, label: String(value) }))
        : (question.options ?? []);
    return html`<fieldset class="question" aria-describedby=${described || nothing}>
      <legend>${question.text}</legend>
      ${question.description ? html`<p class="muted" id=${`q-${key}-description`}>${question.description}</p>` : nothing}
      ${
        question.anchors
          ? html`<p class="anchors" id=${`q-${key}-anchors`}>
            <span>${question.anchors.min}</span><span>${question.anchors.max}</span>
          </p>`
          : nothing
      }
      <div class=${question.kind === 'scale' ? 'scale' : 'option'}>
        ${choices.map(
          (choice) => html`<label>
            <input
              type="radio"
              name=${`q-${key}`}
              .checked=${this.answers[question.id] === choice.value}
              @change=${() => this.set(question.id, choice.value)}
            />
            ${choice.label}
          </label>`,
        )}
      </div>
    </fieldset>`;
  }

  private set(id: string, value: number | string): void {
    this.answers = { ...this.answers, [id]: value };
    this.error = '';
  }

  private readonly skip = () => {
    this.dispatchEvent(new CustomEvent('skip', { bubbles: true, composed: true }));
  };

  private readonly submit = async (event: Event) => {
    event.preventDefault();
    const form = this.form;
    if (!form) return;
    const given = Object.fromEntries(
      Object.entries(this.answers).filter(([, v]) => typeof v === 'number' || v.trim() !== ''),
    );
    if (Object.keys(given).length === 0)
      return this.fail(msg('Answer at least one question.', { id: 'surveys.error.empty' }));
    this.saving = true;
    try {
      await answerSurvey(form.programme.id, form.survey, given);
      announce(
        msg('Thank you: your answers are saved, without your name.', { id: 'surveys.thanks' }),
      );
      this.dispatchEvent(new CustomEvent('answered', { bubbles: true, composed: true }));
    } catch (error) {
      await this.fail(errorText(error));
    } finally {
      this.saving = false;
    }
  };

  private async fail(message: string): Promise<void> {
    this.error = message;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#survey-error')?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tandem-survey-form': TandemSurveyForm;
  }
}
