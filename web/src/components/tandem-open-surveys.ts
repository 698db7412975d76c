import { localized, msg, str } from '@lit/localize';
import { Task } from '@lit/task';
import { html, LitElement, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { listOpenSurveys, type SurveyName } from '../data/surveys.js';
import { sharedStyles } from '../styles/shared-styles.js';

export function surveyTitle(survey: SurveyName): string {
  if (survey === 'baseline') return msg('Starting survey', { id: 'surveys.name.baseline' });
  if (survey === 'midterm') return msg('Midterm survey', { id: 'surveys.name.midterm' });
  return msg('Final survey', { id: 'surveys.name.end' });
}

/** On the home page: the surveys waiting for my answers, each a link; nothing when none wait. */
@localized()
@customElement('tandem-open-surveys')
export class TandemOpenSurveys extends LitElement {
  static override styles = [sharedStyles];

  private readonly surveys = new Task(this, {
    task: async (_args, { signal }) => listOpenSurveys(signal),
    args: () => [] as const,
  });

  override render() {
    const open = this.surveys.value ?? [];
    if (open.length === 0) return nothing;
    return html`<section aria-labelledby="surveys-heading">
      <h2 id="surveys-heading">${msg('Surveys waiting for you', { id: 'surveys.open.heading' })}</h2>
      <ul>
        ${open.map(
          ({ programme, survey }) => html`<li>
            <a href=${`/surveys/${encodeURIComponent(programme.id)}/${survey}`}>
              ${msg(str`${surveyTitle(survey)}: ${programme.name}`, { id: 'surveys.open.link' })}
            </a>
          </li>`,
        )}
      </ul>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tandem-open-surveys': TandemOpenSurveys;
  }
}
