import { localized, msg, str } from '@lit/localize';
import { Task } from '@lit/task';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ProgrammeSettings } from '../data/admin-programmes.js';
import { getSurveyCounts, type SurveyName } from '../data/surveys.js';
import { sharedStyles } from '../styles/shared-styles.js';
import { announce } from './announcer.js';
import { surveyTitle } from './tandem-open-surveys.js';

type Surveys = ProgrammeSettings['surveys'];
type Question = Surveys['baseline']['questions'][number];
type Kind = Question['kind'];

const SETS = ['baseline', 'midterm', 'end'] as const satisfies readonly SurveyName[];

/** A stable value from words: what answers are stored under, whatever the wording later. */
export function slug(text: string): string {
  const plain = text
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 30)
    .replace(/-+$/g, '');
  return plain || 'q';
}

function unique(base: string, taken: readonly string[]): string {
  if (!taken.includes(base)) return base;
  for (let n = 2; ; n++) if (!taken.includes(`${base}-${n}`)) return `${base}-${n}`;
}

/**
 * The programme's surveys on its admin page: which are sent and when, the reminder, the
 * programme's own questions, and whether HR reads free texts; with how many were asked and
 * answered each (counts only). The programme form saves `value` with the other settings.
 */
@localized()
@customElement('tandem-survey-settings')
export class TandemSurveySettings extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      .own li {
        margin: 0.3rem 0;
      }
    `,
  ];

  @property() accessor programmeId = '';
  @property({ attribute: false }) accessor surveys: Surveys | undefined = undefined;
  @state() private accessor edited: Surveys | undefined = undefined;
  @state() private accessor addError: Partial<Record<SurveyName, string>> = {};

  private readonly counts = new Task(this, {
    task: async ([id], { signal }) => (id ? getSurveyCounts(id, signal) : []),
    args: () => [this.programmeId] as const,
  });

  /** The surveys as edited, to save with the other settings. */
  get value(): Surveys | undefined {
    return this.edited ?? this.surveys;
  }

  override render() {
    const surveys = this.value;
    if (!surveys) return nothing;
    return html`<fieldset>
      <legend>${msg('Surveys', { id: 'surveys.admin.legend' })}</legend>
      <p class="hint">
        ${msg(
          'Answers are stored without the person and without a time. Results show figures only for groups large enough.',
          { id: 'surveys.admin.hint' },
        )}
      </p>
      ${SETS.map((set) => this.renderSet(surveys, set))}
      <div class="field">
        <label>
          <input type="checkbox" .checked=${surveys.showFreeText}
            @change=${(e: Event) => this.change({ showFreeText: (e.target as HTMLInputElement).checked })} />
          ${msg('Show free-text answers in the results', { id: 'surveys.admin.showFreeText' })}
        </label>
        <p class="hint">
          ${msg('Only when enough people answered; off: figures only.', { id: 'surveys.admin.showFreeTextHint' })}
        </p>
      </div>
      ${this.renderCounts()}
    </fieldset>`;
  }

  private renderSet(surveys: Surveys, set: SurveyName) {
    const current = surveys[set];
    const id = (name: string) => `survey-${set}-${name}`;
    const number = (
      name: string,
      label: string,
      value: number,
      min: number,
      max: number,
      apply: (n: number) => void,
    ) =>
      html`<div class="field">
        <label for=${id(name)}>${label}</label>
        <input id=${id(name)} type="number" min=${min} max=${max} .value=${String(value)}
          @change=${(e: Event) => apply(Number((e.target as HTMLInputElement).value))} />
      </div>`;
    return html`<fieldset>
      <legend>${surveyTitle(set)}</legend>
      <label>
        <input type="checkbox" .checked=${current.enabled}
          @change=${(e: Event) => this.changeSet(set, { enabled: (e.target as HTMLInputElement).checked })} />
        ${msg('Send this survey', { id: 'surveys.admin.enabled' })}
      </label>
      <p class="hint">${this.whenText(set)}</p>
      ${set === 'end' ? this.renderEndTiming(surveys.end) : nothing}
      ${
        set === 'midterm'
          ? number(
              'weeks',
              msg('Weeks after the pair starts', { id: 'surveys.admin.weeks' }),
              surveys.midterm.weeksAfterStart,
              1,
              104,
              (n) => this.changeSet('midterm', { weeksAfterStart: n }),
            )
          : nothing
      }
      ${number('reminder', msg('Reminder after days (0: none)', { id: 'surveys.admin.reminderDays' }), current.reminderDays, 0, 30, (n) => this.changeSet(set, { reminderDays: n }))}
      ${this.renderOwnQuestions(set, current.questions)}
    </fieldset>`;
  }

  private whenText(set: SurveyName): string {
    if (set === 'baseline')
      return msg('Offered at enrolment; whoever skips it is invited a day later.', {
        id: 'surveys.admin.when.baseline',
      });
    if (set === 'midterm')
      return msg("Sent the given weeks after the person's first pair started.", {
        id: 'surveys.admin.when.midterm',
      });
    return msg('Sent when the programme is closed, or earlier after the given weeks.', {
      id: 'surveys.admin.when.end',
    });
  }

  private renderEndTiming(end: Surveys['end']) {
    return html`<fieldset>
      <legend>${msg('When the final survey is sent', { id: 'surveys.admin.endWhen' })}</legend>
      <label><input type="radio" name="end-send-at" .checked=${end.sendAt === 'close'}
        @change=${() => this.changeSet('end', { sendAt: 'close' })} />
        ${msg('When the programme is closed', { id: 'surveys.admin.atClose' })}</label>
      <label><input type="radio" name="end-send-at" .checked=${end.sendAt === 'weeks-after-start'}
        @change=${() => this.changeSet('end', { sendAt: 'weeks-after-start' })} />
        ${msg('Weeks after the pair starts (at the latest at the close)', { id: 'surveys.admin.afterWeeks' })}</label>
      <div class="field">
        <label for="survey-end-weeks">${msg('Weeks after the pair starts', { id: 'surveys.admin.weeks' })}</label>
        <input id="survey-end-weeks" type="number" min="1" max="104" .value=${String(end.weeksAfterStart)}
          @change=${(e: Event) => this.changeSet('end', { weeksAfterStart: Number((e.target as HTMLInputElement).value) })} />
      </div>
    </fieldset>`;
  }

  private renderOwnQuestions(set: SurveyName, questions: readonly Question[]) {
    const id = (name: string) => `survey-${set}-${name}`;
    const error = this.addError[set];
    return html`<p><strong>${msg('Own questions', { id: 'surveys.admin.own' })}</strong></p>
      ${
        questions.length
          ? html`<ul class="own">
            ${questions.map(
              (q) => html`<li>
                ${q.text} (${this.kindLabel(q.kind)})
                <button type="button" class="secondary" @click=${() => this.removeQuestion(set, q.id)}
                  aria-label=${msg(str`Remove question: ${q.text}`, { id: 'surveys.admin.removeLabel' })}>
                  ${msg('Remove', { id: 'surveys.admin.remove' })}
                </button>
              </li>`,
            )}
          </ul>`
          : html`<p class="muted">${msg('None yet.', { id: 'surveys.admin.noOwn' })}</p>`
      }
      <div class="field">
        <label for=${id('text')}>${msg('New question', { id: 'surveys.admin.newText' })}</label>
        <input id=${id('text')} maxlength="300" aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${error ? id('error') : nothing} />
      </div>
      <div class="field">
        <label for=${id('kind')}>${msg('Kind of answer', { id: 'surveys.admin.kind' })}</label>
        <select id=${id('kind')}>
          ${(['scale', 'single', 'text'] as const).map((kind) => html`<option value=${kind}>${this.kindLabel(kind)}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for=${id('options')}>${msg('Options for a single choice, one per line', { id: 'surveys.admin.options' })}</label>
        <textarea id=${id('options')} rows="3"></textarea>
      </div>
      ${error ? html`<p id=${id('error')} role="alert" class="error-text">${error}</p>` : nothing}
      <button type="button" class="secondary" @click=${() => this.add(set)}>
        ${msg('Add question', { id: 'surveys.admin.add' })}
      </button>`;
  }

  private kindLabel(kind: Kind): string {
    if (kind === 'scale') return msg('Scale 1 to 5', { id: 'surveys.admin.kind.scale' });
    if (kind === 'single') return msg('Single choice', { id: 'surveys.admin.kind.single' });
    return msg('Free text', { id: 'surveys.admin.kind.text' });
  }

  private renderCounts() {
    const counts = this.counts.value;
    if (!counts?.length) return nothing;
    return html`<div class="table-wrap">
      <table>
        <caption>${msg('Asked and answered so far', { id: 'surveys.admin.counts' })}</caption>
        <thead><tr>
          <th scope="col">${msg('Survey', { id: 'surveys.title' })}</th>
          <th scope="col">${msg('Asked', { id: 'surveys.admin.asked' })}</th>
          <th scope="col">${msg('Answered', { id: 'surveys.admin.answeredCount' })}</th>
        </tr></thead>
        <tbody>
          ${counts.map((row) => html`<tr><th scope="row">${surveyTitle(row.survey)}</th><td>${row.asked}</td><td>${row.answered}</td></tr>`)}
        </tbody>
      </table>
    </div>`;
  }

  private change(patch: Partial<Surveys>): void {
    const surveys = this.value;
    if (surveys) this.edited = { ...surveys, ...patch };
  }

  private changeSet<S extends SurveyName>(set: S, patch: Partial<Surveys[S]>): void {
    const surveys = this.value;
    if (surveys) this.change({ [set]: { ...surveys[set], ...patch } } as Partial<Surveys>);
  }

  private removeQuestion(set: SurveyName, questionId: string): void {
    const surveys = this.value;
    if (!surveys) return;
    this.changeSet(set, { questions: surveys[set].questions.filter((q) => q.id !== questionId) });
    announce(msg('Question removed. Save to keep the change.', { id: 'surveys.admin.removed' }));
  }

  private add(set: SurveyName): void {
    const surveys = this.value;
    const field = <T extends HTMLElement>(name: string) =>
      this.renderRoot.querySelector<T>(`#survey-${set}-${name}`);
    const textInput = field<HTMLInputElement>('text');
    const text = textInput?.value.trim() ?? '';
    const kind = (field<HTMLSelectElement>('kind')?.value ?? 'scale') as Kind;
    const labels = (field<HTMLTextAreaElement>('options')?.value ?? '')
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    if (!surveys) return;
    const problem = !text
      ? msg('Write the question first.', { id: 'surveys.admin.error.text' })
      : kind === 'single' && labels.length < 2
        ? msg('A single choice needs at least two options.', { id: 'surveys.admin.error.options' })
        : '';
    this.addError = { ...this.addError, [set]: problem };
    if (problem) return;
    const taken = surveys[set].questions.map((q) => q.id);
    const question: Question = { id: unique(`custom.${slug(text)}`, taken), kind, text };
    if (kind === 'single') {
      const values: string[] = [];
      question.options = labels.map((label) => {
        const value = unique(slug(label), values);
        values.push(value);
        return { value, label };
      });
    }
    this.changeSet(set, { questions: [...surveys[set].questions, question] });
    if (textInput) textInput.value = '';
    const options = field<HTMLTextAreaElement>('options');
    if (options) options.value = '';
    announce(msg('Question added. Save to keep it.', { id: 'surveys.admin.added' }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tandem-survey-settings': TandemSurveySettings;
  }
}
