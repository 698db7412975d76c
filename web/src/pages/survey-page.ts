import { localized, msg, str } from '@lit/localize';
import { Task } from '@lit/task';
import { html, LitElement } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { taskView } from '../components/task-view.js';
import '../components/tandem-survey-form.js';
import { getSurvey, type SurveyForm, type SurveyName } from '../data/surveys.js';
import { sharedStyles } from '../styles/shared-styles.js';

/** One survey of a programme, where a participant answers it (the invitation links here). */
@localized()
@customElement('tandem-survey-page')
export class TandemSurveyPage extends LitElement {
  static override styles = [sharedStyles];

  @property({ attribute: false }) accessor params: Record<string, string> = {};
  @state() private accessor done = false;

  private readonly data = new Task(this, {
    task: async ([id, survey], { signal }): Promise<SurveyForm> =>
      getSurvey(id ?? '', (survey ?? 'baseline') as SurveyName, signal),
    args: () => [this.params.id, this.params.survey] as const,
  });

  override render() {
    return html`<h1>${this.data.value?.title ?? msg('Survey', { id: 'surveys.title' })}</h1>
      ${taskView(this.data, (form) => this.renderForm(form))}`;
  }

  private renderForm(form: SurveyForm) {
    if (this.done || form.answered)
      return html`<p role="status">
          ${msg(str`You have answered this survey for ${form.programme.name}. Thank you!`, {
            id: 'surveys.answered',
          })}
        </p>
        <p><a href="/">${msg('Back to my programmes', { id: 'surveys.backHome' })}</a></p>`;
    return html`<p class="muted">${form.programme.name}</p>
      <tandem-survey-form
        .form=${form}
        .headingLevel=${2}
        @answered=${() => {
          this.done = true;
        }}
      ></tandem-survey-form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tandem-survey-page': TandemSurveyPage;
  }
}
