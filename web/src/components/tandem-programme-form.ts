import { localized, msg, str } from '@lit/localize';
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { ProgrammeSettings, ProgrammeSettingsChange } from '../data/admin-programmes.js';
import type { ChannelInstance } from '../data/channel-instances.js';
import { getLocale } from '../i18n/locale.js';
import { sharedStyles } from '../styles/shared-styles.js';
import { channelLabel, formatLabel, languageName } from './programme-labels.js';
import { criterionLabel } from './tandem-match-criteria.js';
import type { TandemSurveySettings } from './tandem-survey-settings.js';
import './tandem-survey-settings.js';

/** What the form hands to its page: the programme's name, description and settings. */
export interface ProgrammeFormValue {
  name: string;
  description: string;
  settings: ProgrammeSettingsChange;
  /** Set only where the form offers the choice (admins, `strategies` given). */
  matchingStrategy?: string;
}

type FieldName =
  | 'name'
  | 'enrolmentClosesAt'
  | 'meetingLinkTemplate'
  | 'languages'
  | 'requestExpiryDays'
  | 'staleAfterWeeks'
  | 'reportingLineLevels'
  | 'approvalExpiryDays'
  | 'capacity'
  | `weight-${string}`;

/** The criteria the built-in `weighted` strategy scores; a programme's own names are added. */
const WEIGHTED_CRITERIA = ['skills', 'goals', 'availability', 'format', 'generation', 'department'];
/** Whole numbers an admin types, with the range the server accepts (programme-settings.ts). */
const RANGES = {
  requestExpiryDays: [1, 30],
  staleAfterWeeks: [1, 52],
  reportingLineLevels: [0, 10],
  approvalExpiryDays: [1, 60],
  capacity: [1, 100000],
  weight: [0, 100],
} as const;

/** Languages offered as checkboxes; a programme's own codes are added to these. */
const COMMON_LANGUAGES = ['de', 'en', 'fr', 'es', 'it', 'pl', 'tr', 'uk', 'ru', 'ar'];
/** The notification channels Tandem ships; a programme's own are added to these. */
const COMMON_CHANNELS = ['email', 'in-app'];
const FORMATS: ProgrammeSettings['format'][] = ['both', 'on-site', 'remote'];

/**
 * The programme's name, description and settings as one form, for the create wizard (the
 * main settings) and the programme page (all that matter). It checks what it can before
 * sending, marks the fields, and shows the server's answer (`error`) as an alert that takes
 * focus, so a screen reader user hears why nothing happened.
 */
@localized()
@customElement('tandem-programme-form')
export class TandemProgrammeForm extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      .grid {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 16rem), 1fr));
        gap: 0 1.5rem;
      }
      input:not([type='checkbox']),
      select,
      textarea {
        width: 100%;
      }
      textarea {
        min-height: 5rem;
      }
      /* Its buttons are only ever held back while saving. */
      button[aria-disabled='true'] {
        cursor: progress;
      }
      [aria-invalid='true'] {
        border: 2px solid var(--tandem-danger);
      }
      .form-error {
        border-left: 4px solid var(--tandem-danger);
        padding: 0.5rem 0.75rem;
        background: var(--tandem-surface);
      }
    `,
  ];

  /** The values to start from: a programme's, or the template's defaults. */
  @property({ attribute: false }) accessor name = '';
  @property({ attribute: false }) accessor description = '';
  @property({ attribute: false }) accessor settings: Partial<ProgrammeSettings> = {};
  /**
   * The channel instances to choose from (admins only); undefined: the choice is not shown and
   * the programme's stays as it is.
   */
  @property({ attribute: false }) accessor channelInstances: ChannelInstance[] | undefined;
  /** The programme's matching strategy: the weighted one has criteria to weigh. */
  @property() accessor strategy = '';
  /**
   * The active matching strategies to choose from (admins only); undefined: the choice is not
   * shown and the programme keeps its strategy.
   */
  @property({ attribute: false }) accessor strategies: string[] | undefined;
  /** The programme edited on its page: its survey counts are shown; empty in the create wizard. */
  @property() accessor programmeId = '';
  /** All settings (programme page) or only the main ones (create wizard). */
  @property({ type: Boolean }) accessor full = false;
  @property() accessor submitLabel = '';
  @property({ type: Boolean }) accessor busy = false;
  /** The server's sentence when it refused the form. */
  @property() accessor error = '';

  @state() private accessor problems: Partial<Record<FieldName, string>> = {};
  @query('form') private accessor form!: HTMLFormElement;
  @query('tandem-survey-settings') private accessor surveyEditor: TandemSurveySettings | null =
    null;

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('error') && this.error) {
      this.renderRoot.querySelector<HTMLElement>('#form-error')?.focus();
    }
  }

  override render() {
    const s = this.settings;
    return html`<form novalidate @submit=${this.onSubmit}>
      ${
        this.error
          ? html`<p id="form-error" class="form-error error-text" role="alert" tabindex="-1">
            ${this.error}
          </p>`
          : nothing
      }
      <div class="field">
        <label for="name">${msg('Name', { id: 'admin.form.name' })}</label>
        <input id="name" name="name" required maxlength="200" .value=${this.name}
          aria-invalid=${this.problems.name ? 'true' : 'false'}
          aria-describedby=${this.problems.name ? 'name-error' : nothing} />
        ${this.problemText('name')}
      </div>
      <div class="field">
        <label for="description">${msg('Description', { id: 'admin.form.description' })}</label>
        <textarea id="description" name="description" maxlength="5000" rows="4"
          aria-describedby="description-hint" .value=${this.description}></textarea>
        <p class="hint" id="description-hint">
          ${msg('Participants read this before they enrol.', { id: 'admin.form.descriptionHint' })}
        </p>
      </div>
      ${this.renderStrategy()}
      ${this.full ? this.renderAims(s) : nothing}
      <fieldset>
        <legend>${msg('Enrolment', { id: 'admin.form.enrolment' })}</legend>
        <div class="grid">
          <div class="field">
            <label for="opens">${msg('Enrolment opens on', { id: 'admin.form.opens' })}</label>
            <input id="opens" name="enrolmentOpensAt" type="date" .value=${toDateInput(s.enrolmentOpensAt)} />
          </div>
          <div class="field">
            <label for="closes">${msg('Enrolment closes on', { id: 'admin.form.closes' })}</label>
            <input id="closes" name="enrolmentClosesAt" type="date" .value=${toDateInput(s.enrolmentClosesAt)}
              aria-invalid=${this.problems.enrolmentClosesAt ? 'true' : 'false'}
              aria-describedby=${this.problems.enrolmentClosesAt ? 'enrolmentClosesAt-error' : nothing} />
            ${this.problemText('enrolmentClosesAt')}
          </div>
          <div class="field">
            <label for="capacity">${msg('Capacity (most tandems)', { id: 'admin.form.capacity' })}</label>
            <input id="capacity" name="maxTandems" type="number" min="1" max="10000" inputmode="numeric"
              aria-describedby="capacity-hint" .value=${s.maxTandems?.toString() ?? ''} />
            <p class="hint" id="capacity-hint">${msg('Empty: no limit.', { id: 'admin.form.capacityHint' })}</p>
          </div>
          ${
            this.full
              ? html`<div class="field">
                <label for="mentees">${msg('Mentees per mentor', { id: 'admin.form.menteesPerMentor' })}</label>
                <input id="mentees" name="menteesPerMentor" type="number" min="1" max="5" inputmode="numeric"
                  .value=${(s.menteesPerMentor ?? 1).toString()} />
              </div>`
              : nothing
          }
        </div>
        ${this.full ? this.renderEligibility(s) : nothing}
      </fieldset>
      <fieldset>
        <legend>${msg('Meetings', { id: 'admin.form.meetings' })}</legend>
        ${this.renderLanguages(s.languages ?? ['de'])}
        <div class="grid">
          <div class="field">
            <label for="format">${msg('Format', { id: 'admin.form.format' })}</label>
            <select id="format" name="format">
              ${FORMATS.map(
                (
                  format,
                ) => html`<option value=${format} ?selected=${(s.format ?? 'both') === format}>
                  ${formatLabel(format)}
                </option>`,
              )}
            </select>
          </div>
          <div class="field">
            <label for="location">${msg('Location', { id: 'admin.form.location' })}</label>
            <input id="location" name="location" maxlength="200" aria-describedby="location-hint"
              .value=${s.location ?? ''} />
            <p class="hint" id="location-hint">${msg('Site or city.', { id: 'admin.form.locationHint' })}</p>
          </div>
          ${this.full ? this.renderRoom(s) : nothing}
        </div>
        <div class="field">
          <label for="link">${msg('Meeting link template', { id: 'admin.form.link' })}</label>
          <input id="link" name="meetingLinkTemplate" type="url" .value=${s.meetingLinkTemplate ?? ''}
            aria-invalid=${this.problems.meetingLinkTemplate ? 'true' : 'false'}
            aria-describedby=${this.problems.meetingLinkTemplate ? 'link-hint meetingLinkTemplate-error' : 'link-hint'} />
          <p class="hint" id="link-hint">
            ${msg('An https address with {meeting} where the meeting goes, e.g. https://meet.example.org/tandem-{meeting}.', { id: 'admin.form.linkHint' })}
          </p>
          ${this.problemText('meetingLinkTemplate')}
        </div>
        ${this.full ? this.renderNotifications(s) : nothing}
      </fieldset>
      ${
        this.full
          ? [
              this.renderMatching(s),
              this.renderSelfService(s),
              this.renderApproval(s),
              this.renderStalePairs(s),
              html`<tandem-survey-settings .programmeId=${this.programmeId} .surveys=${s.surveys}></tandem-survey-settings>`,
            ]
          : nothing
      }
      <div class="actions">
        <button type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>${this.submitLabel}</button>
      </div>
    </form>`;
  }

  private renderAims(s: Partial<ProgrammeSettings>) {
    return html`<fieldset>
      <legend>${msg('Goals and budget', { id: 'admin.form.aims' })}</legend>
      <div class="field">
        <label for="goals">${msg('Goals', { id: 'admin.form.goals' })}</label>
        <textarea id="goals" name="goals" rows="4" aria-describedby="goals-hint"
          .value=${(s.goals ?? []).join('\n')}></textarea>
        <p class="hint" id="goals-hint">
          ${msg('One goal per line, at most 10. The kick-off session takes them up.', { id: 'admin.form.goalsHint' })}
        </p>
      </div>
      <div class="field">
        <label for="budget">${msg('Budget', { id: 'admin.form.budget' })}</label>
        <input id="budget" name="budget" maxlength="200" aria-describedby="budget-hint" .value=${s.budget ?? ''} />
        <p class="hint" id="budget-hint">
          ${msg('E.g. "Meal voucher 15 € per meeting".', { id: 'admin.form.budgetHint' })}
        </p>
      </div>
    </fieldset>`;
  }

  private renderEligibility(s: Partial<ProgrammeSettings>) {
    const eligibility = s.eligibility ?? { departments: [], titles: [], roles: [] };
    const hint = msg('One per line; empty: everyone.', { id: 'admin.form.eligibilityHint' });
    return html`<fieldset>
      <legend>${msg('Who may join', { id: 'admin.form.eligibility' })}</legend>
      <p class="hint" id="eligibility-hint">${hint}</p>
      <div class="grid">
        <div class="field">
          <label for="departments">${msg('Departments', { id: 'admin.form.departments' })}</label>
          <textarea id="departments" name="departments" rows="3" aria-describedby="eligibility-hint"
            .value=${eligibility.departments.join('\n')}></textarea>
        </div>
        <div class="field">
          <label for="titles">${msg('Job titles', { id: 'admin.form.titles' })}</label>
          <textarea id="titles" name="titles" rows="3" aria-describedby="eligibility-hint"
            .value=${eligibility.titles.join('\n')}></textarea>
        </div>
        <div class="field">
          <label for="roles">${msg('Roles from the sign-in', { id: 'admin.form.roles' })}</label>
          <textarea id="roles" name="roles" rows="3" aria-describedby="eligibility-hint"
            .value=${eligibility.roles.join('\n')}></textarea>
        </div>
      </div>
    </fieldset>`;
  }

  private renderLanguages(chosen: string[]) {
    const locale = getLocale();
    const codes = [...new Set([...chosen, ...COMMON_LANGUAGES])];
    return html`<fieldset aria-describedby=${this.problems.languages ? 'languages-error' : nothing}>
      <legend>${msg('Languages to meet in', { id: 'admin.form.languages' })}</legend>
      <div class="choices">
        ${codes.map(
          (code) => html`<label>
            <input type="checkbox" name="languages" value=${code} .checked=${chosen.includes(code)} />
            <span lang=${code}>${languageName(code, code)}</span>
            ${code === locale ? nothing : html`<span class="muted">(${languageName(code, locale)})</span>`}
          </label>`,
        )}
      </div>
      ${this.problemText('languages')}
    </fieldset>`;
  }

  private renderNotifications(s: Partial<ProgrammeSettings>) {
    const chosen = s.channels ?? [];
    const instances = this.channelInstances ?? [];
    const channels = [
      ...new Set([...COMMON_CHANNELS, ...chosen, ...instances.map((i) => i.channel)]),
    ];
    return html`<div class="grid">
        <div class="field">
          <label for="reminder">${msg('Reminder, hours before a meeting', { id: 'admin.form.reminder' })}</label>
          <input id="reminder" name="reminderHours" type="number" min="0" max="168" inputmode="numeric"
            aria-describedby="reminder-hint" .value=${(s.reminderHours ?? 24).toString()} />
          <p class="hint" id="reminder-hint">${msg('0 sends no reminder.', { id: 'admin.form.reminderHint' })}</p>
        </div>
        <div class="field">
          <label for="nudge">${msg('Ask again after days without an answer', { id: 'admin.form.nudge' })}</label>
          <input id="nudge" name="nudgeAfterDays" type="number" min="0" max="30" inputmode="numeric"
            aria-describedby="nudge-hint" .value=${(s.nudgeAfterDays ?? 3).toString()} />
          <p class="hint" id="nudge-hint">${msg('Only who has not answered an invitation is asked; 0 asks nobody.', { id: 'admin.form.nudgeHint' })}</p>
        </div>
        <div class="field">
          <label for="homework-reminder">${msg('Homework reminder, hours before a meeting', { id: 'admin.form.homeworkReminder' })}</label>
          <input id="homework-reminder" name="homeworkReminderHours" type="number" min="0" max="168" inputmode="numeric"
            aria-describedby="homework-reminder-hint" .value=${(s.homeworkReminderHours ?? 48).toString()} />
          <p class="hint" id="homework-reminder-hint">${msg('Only who has open homework is reminded; 0 sends none.', { id: 'admin.form.homeworkReminderHint' })}</p>
        </div>
      </div>
      <label>
        <input type="checkbox" name="feedbackPrompt" .checked=${s.feedbackPrompt ?? true} />
        ${msg('Ask both partners after each meeting how it went', { id: 'admin.form.feedbackPrompt' })}
      </label>
      <fieldset>
        <legend>${msg('Notification channels', { id: 'admin.form.channels' })}</legend>
        <div class="choices">
          ${channels.map(
            (channel) => html`<label>
              <input type="checkbox" name="channels" value=${channel} .checked=${chosen.includes(channel)} />
              ${channelLabel(channel)}
            </label>`,
          )}
        </div>
      </fieldset>
      ${this.renderInstanceChoice(s, instances)}`;
  }

  /** Per channel with instances: which one the programme's messages go through. */
  private renderInstanceChoice(s: Partial<ProgrammeSettings>, instances: ChannelInstance[]) {
    const channels = [...new Set(instances.map((instance) => instance.channel))];
    if (channels.length === 0) return nothing;
    return html`<div class="grid">
      ${channels.map(
        (channel) => html`<div class="field">
          <label for=${`instance-${channel}`}>
            ${msg(str`Instance for ${channelLabel(channel)}`, { id: 'channels.choice' })}
          </label>
          <select id=${`instance-${channel}`} name=${`instance-${channel}`}>
            <option value="" ?selected=${!s.channelInstances?.[channel]}>
              ${msg('Server configuration', { id: 'channels.default' })}
            </option>
            ${instances
              .filter((instance) => instance.channel === channel)
              .map(
                (instance) =>
                  html`<option value=${instance.id} ?selected=${s.channelInstances?.[channel] === instance.id}>${instance.name}</option>`,
              )}
          </select>
        </div>`,
      )}
    </div>`;
  }

  private renderRoom(s: Partial<ProgrammeSettings>) {
    return html`<div class="field">
      <label for="room">${msg('Meeting room', { id: 'settings.room' })}</label>
      <input id="room" name="room" maxlength="200" aria-describedby="room-hint" .value=${s.room ?? ''} />
      <p class="hint" id="room-hint">
        ${msg('For meetings on site; it goes into every invitation. Empty: none.', { id: 'settings.roomHint' })}
      </p>
    </div>`;
  }

  private renderMatching(s: Partial<ProgrammeSettings>) {
    const weights = s.weights ?? {};
    const criteria =
      this.strategy === 'weighted'
        ? [...new Set([...WEIGHTED_CRITERIA, ...Object.keys(weights)])]
        : Object.keys(weights);
    return html`<fieldset>
      <legend>${msg('Matching', { id: 'settings.matching' })}</legend>
      <label>
        <input type="checkbox" name="differentDepartments" aria-describedby="departments-rule-hint"
          .checked=${s.differentDepartments ?? false} />
        ${msg('Pair people from different departments only', { id: 'settings.differentDepartments' })}
      </label>
      <p class="hint" id="departments-rule-hint">
        ${msg('Mentoring: whoever has nobody from another department stays without a partner. Lunch rounds: two people of one department share a lunch only where nothing else gives everyone a lunch.', { id: 'settings.differentDepartmentsHint' })}
      </p>
      ${this.numberField('reportingLineLevels', s.reportingLineLevels ?? 2, {
        label: msg('Keep reporting lines apart, up to this many levels', {
          id: 'settings.reportingLineLevels',
        }),
        hint: msg(
          'Nobody is paired with their manager, their manager\'s manager and so on up to this many levels, in either direction; the review says "excluded: reporting line". Who manages whom comes from the directory. 0 turns the rule off; 0 to 10.',
          { id: 'settings.reportingLineLevelsHint' },
        ),
      })}
      ${criteria.length ? this.renderWeights(criteria, weights) : nothing}
    </fieldset>`;
  }

  private renderWeights(criteria: string[], weights: Record<string, number>) {
    return html`<fieldset aria-describedby="weights-hint">
      <legend>${msg('Weight of each criterion', { id: 'settings.weights' })}</legend>
      <p class="hint" id="weights-hint">
        ${msg("A pair's score is the weighted mean of its criteria. 0 leaves a criterion out; empty: the strategy's default.", { id: 'settings.weightsHint' })}
      </p>
      <div class="grid">
        ${criteria.map((name) => {
          const field = `weight-${name}` as const;
          return html`<div class="field">
            <label for=${field}>${criterionLabel(name)}</label>
            <input id=${field} name=${field} type="number" min="0" max="100" step="any" inputmode="decimal"
              .value=${weights[name]?.toString() ?? ''}
              aria-invalid=${this.problems[field] ? 'true' : 'false'}
              aria-describedby=${this.problems[field] ? `${field}-error` : nothing} />
            ${this.problemText(field)}
          </div>`;
        })}
      </div>
    </fieldset>`;
  }

  private renderSelfService(s: Partial<ProgrammeSettings>) {
    return html`<fieldset>
      <legend>${msg('Self-service', { id: 'settings.selfServiceLegend' })}</legend>
      <label>
        <input type="checkbox" name="selfService" aria-describedby="self-service-hint"
          .checked=${s.selfService ?? false} />
        ${msg('Participants choose their partner themselves', { id: 'settings.selfService' })}
      </label>
      <p class="hint" id="self-service-hint">
        ${msg('They see their best suggestions and ask one of them, instead of (or before) a matching run.', { id: 'settings.selfServiceHint' })}
      </p>
      ${this.numberField('requestExpiryDays', s.requestExpiryDays ?? 7, {
        label: msg('Days a request waits for an answer', { id: 'settings.requestExpiryDays' }),
        hint: msg(
          'Then the request lapses and the person asking gets their next suggestion. 1 to 30.',
          { id: 'settings.requestExpiryDaysHint' },
        ),
      })}
    </fieldset>`;
  }

  private renderApproval(s: Partial<ProgrammeSettings>) {
    return html`<fieldset>
      <legend>${msg('Approval and places', { id: 'settings.approvalLegend' })}</legend>
      <label>
        <input type="checkbox" name="managerApproval" aria-describedby="manager-approval-hint"
          .checked=${s.managerApproval ?? false} />
        ${msg("Enrolments need the line manager's approval", { id: 'settings.managerApproval' })}
      </label>
      <p class="hint" id="manager-approval-hint">
        ${msg('Tandem asks the manager the directory names, on their channels; they approve or decline with one click. Without a known manager, you answer on the programme’s Enrolments page.', { id: 'settings.managerApprovalHint' })}
      </p>
      ${this.numberField('approvalExpiryDays', s.approvalExpiryDays ?? 14, {
        label: msg('Days a request for approval waits', { id: 'settings.approvalExpiryDays' }),
        hint: msg(
          'Halfway the manager is reminded; without an answer the enrolment then runs out and the person is told. 1 to 60.',
          { id: 'settings.approvalExpiryDaysHint' },
        ),
      })}
      ${this.numberField('capacity', s.capacity ?? null, {
        label: msg('Places', { id: 'settings.capacity' }),
        hint: msg(
          'At most so many take part, whatever their role; who enrols beyond joins a waitlist and moves up when a place frees. Empty: no limit.',
          { id: 'settings.capacityHint' },
        ),
      })}
    </fieldset>`;
  }

  private renderStalePairs(s: Partial<ProgrammeSettings>) {
    return html`<fieldset>
      <legend>${msg('Pairs that stall or part', { id: 'settings.stale' })}</legend>
      ${this.numberField('staleAfterWeeks', s.staleAfterWeeks ?? 6, {
        label: msg('Weeks without a session before a pair is asked', {
          id: 'settings.staleAfterWeeks',
        }),
        hint: msg(
          'After so many weeks without a session marked done, both are asked whether to go on or find someone new. 1 to 52.',
          { id: 'settings.staleAfterWeeksHint' },
        ),
      })}
      <label>
        <input type="checkbox" name="rematchAtOnce" aria-describedby="rematch-hint"
          .checked=${s.rematchAtOnce ?? false} />
        ${msg('Find new partners at once when a pair parts', { id: 'settings.rematchAtOnce' })}
      </label>
      <p class="hint" id="rematch-hint">
        ${msg('Both are paired with someone from the open pool right away, instead of in the next matching run you start.', { id: 'settings.rematchAtOnceHint' })}
      </p>
    </fieldset>`;
  }

  private numberField(
    field:
      | 'requestExpiryDays'
      | 'staleAfterWeeks'
      | 'reportingLineLevels'
      | 'approvalExpiryDays'
      | 'capacity',
    value: number | null,
    text: { label: string; hint: string },
  ) {
    const [min, max] = RANGES[field];
    const problem = this.problems[field];
    return html`<div class="field">
      <label for=${field}>${text.label}</label>
      <input id=${field} name=${field} type="number" min=${min} max=${max} inputmode="numeric"
        .value=${value?.toString() ?? ''} aria-invalid=${problem ? 'true' : 'false'}
        aria-describedby=${problem ? `${field}-hint ${field}-error` : `${field}-hint`} />
      <p class="hint" id="${field}-hint">${text.hint}</p>
      ${this.problemText(field)}
    </div>`;
  }

  /** The strategy that proposes the pairs: built-in or a plugin's, among the active ones. */
  private renderStrategy() {
    const strategies = this.strategies;
    if (!strategies || strategies.length === 0) return nothing;
    const options =
      strategies.includes(this.strategy) || !this.strategy
        ? strategies
        : [this.strategy, ...strategies];
    return html`<div class="field">
      <label for="matchingStrategy">${msg('Matching strategy', { id: 'strategy.label' })}</label>
      <select id="matchingStrategy" name="matchingStrategy" aria-describedby="strategy-hint">
        ${options.map((name) => html`<option value=${name} ?selected=${name === this.strategy}>${name}</option>`)}
      </select>
      <p class="hint" id="strategy-hint">
        ${msg('The plugin that proposes the pairs at the next matching run.', { id: 'strategy.hint' })}
      </p>
    </div>`;
  }

  private problemText(field: FieldName) {
    const text = this.problems[field];
    return text ? html`<p class="error-text" id="${field}-error">${text}</p>` : nothing;
  }

  private onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    // The button stays focusable while a request runs (aria-disabled), so ignore a second press.
    if (this.busy) return;
    const data = new FormData(this.form);
    const text = (key: string) => String(data.get(key) ?? '').trim();
    const lines = (key: string) => [
      ...new Set(
        text(key)
          .split('\n')
          .map((line) => line.trim())
          .filter(Boolean),
      ),
    ];
    const number = (key: string) => (text(key) === '' ? undefined : Number(text(key)));
    const settings: ProgrammeSettingsChange = {
      languages: data.getAll('languages').map(String),
      format: text('format') as ProgrammeSettings['format'],
    };
    const opens = fromDateInput(text('enrolmentOpensAt'), 'start');
    const closes = fromDateInput(text('enrolmentClosesAt'), 'end');
    if (opens) settings.enrolmentOpensAt = opens;
    if (closes) settings.enrolmentClosesAt = closes;
    const maxTandems = number('maxTandems');
    if (maxTandems !== undefined) settings.maxTandems = maxTandems;
    // On the programme page an emptied text field clears it; the create wizard leaves it out.
    if (text('location') || this.full) settings.location = text('location');
    if (text('meetingLinkTemplate')) settings.meetingLinkTemplate = text('meetingLinkTemplate');
    if (this.full) {
      settings.goals = lines('goals');
      settings.budget = text('budget');
      settings.eligibility = {
        departments: lines('departments'),
        titles: lines('titles'),
        roles: lines('roles'),
      };
      settings.menteesPerMentor = number('menteesPerMentor') ?? 1;
      settings.reminderHours = number('reminderHours') ?? 0;
      settings.nudgeAfterDays = number('nudgeAfterDays') ?? 0;
      settings.homeworkReminderHours = number('homeworkReminderHours') ?? 0;
      settings.feedbackPrompt = data.has('feedbackPrompt');
      settings.channels = data.getAll('channels').map(String);
      if (this.channelInstances)
        settings.channelInstances = Object.fromEntries(
          [...data.keys()]
            .filter((key) => key.startsWith('instance-') && text(key) !== '')
            .map((key) => [key.slice('instance-'.length), text(key)]),
        );
      settings.room = text('room');
      settings.differentDepartments = data.has('differentDepartments');
      settings.reportingLineLevels = number('reportingLineLevels') ?? Number.NaN;
      settings.selfService = data.has('selfService');
      settings.rematchAtOnce = data.has('rematchAtOnce');
      settings.requestExpiryDays = number('requestExpiryDays') ?? Number.NaN;
      settings.managerApproval = data.has('managerApproval');
      settings.approvalExpiryDays = number('approvalExpiryDays') ?? Number.NaN;
      settings.capacity = number('capacity') ?? null;
      settings.staleAfterWeeks = number('staleAfterWeeks') ?? Number.NaN;
      const surveys = this.surveyEditor?.value;
      if (surveys) settings.surveys = surveys;
      settings.weights = Object.fromEntries(
        [...data.keys()]
          .filter((key) => key.startsWith('weight-') && text(key) !== '')
          .map((key) => [key.slice('weight-'.length), Number(text(key))]),
      );
    }
    const value: ProgrammeFormValue = {
      name: text('name'),
      description: text('description'),
      settings,
    };
    if (this.strategies && text('matchingStrategy'))
      value.matchingStrategy = text('matchingStrategy');
    this.problems = checkForm(value);
    const first = Object.keys(this.problems)[0] as FieldName | undefined;
    if (first) {
      void this.updateComplete.then(() => this.focusField(first));
      return;
    }
    this.dispatchEvent(new CustomEvent<ProgrammeFormValue>('programme-submit', { detail: value }));
  }

  private focusField(field: FieldName): void {
    const selector = field === 'languages' ? 'input[name="languages"]' : `[name="${field}"]`;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }
}

/** Problems the browser can find before the server does, each said next to its field. */
function checkForm(value: ProgrammeFormValue): Partial<Record<FieldName, string>> {
  const problems: Partial<Record<FieldName, string>> = {};
  const { settings } = value;
  if (!value.name) problems.name = msg('Please enter a name.', { id: 'admin.form.nameMissing' });
  if (
    settings.enrolmentOpensAt &&
    settings.enrolmentClosesAt &&
    settings.enrolmentClosesAt < settings.enrolmentOpensAt
  ) {
    problems.enrolmentClosesAt = msg('Enrolment must close after it opens.', {
      id: 'admin.form.closesBeforeOpens',
    });
  }
  if (
    settings.meetingLinkTemplate &&
    !/^https:\/\/\S*\{meeting\}\S*$/.test(settings.meetingLinkTemplate)
  ) {
    problems.meetingLinkTemplate = msg('Please enter an https address that contains {meeting}.', {
      id: 'admin.form.linkInvalid',
    });
  }
  if (!settings.languages?.length) {
    problems.languages = msg('Please choose at least one language.', {
      id: 'admin.form.languagesMissing',
    });
  }
  for (const field of [
    'requestExpiryDays',
    'staleAfterWeeks',
    'reportingLineLevels',
    'approvalExpiryDays',
    'capacity',
  ] as const) {
    const value = settings[field];
    if (value !== undefined && value !== null && !inRange(value, RANGES[field], true))
      problems[field] = rangeProblem(RANGES[field]);
  }
  for (const [name, weight] of Object.entries(settings.weights ?? {}))
    if (!inRange(weight, RANGES.weight, false))
      problems[`weight-${name}`] = rangeProblem(RANGES.weight);
  return problems;
}

function inRange(value: number, [min, max]: readonly [number, number], whole: boolean): boolean {
  return (
    Number.isFinite(value) && value >= min && value <= max && (!whole || Number.isInteger(value))
  );
}

function rangeProblem([min, max]: readonly [number, number]): string {
  return msg(str`Please enter a number from ${min} to ${max}.`, { id: 'settings.outOfRange' });
}

/** An ISO instant as the local date a date input shows. */
function toDateInput(iso: string | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  const pad = (n: number) => n.toString().padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** A local date as an instant: the start of the day it opens, the end of the day it closes. */
function fromDateInput(value: string, edge: 'start' | 'end'): string | undefined {
  if (!value) return undefined;
  const date = new Date(`${value}T${edge === 'start' ? '00:00:00' : '23:59:59'}`);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

declare global {
  interface HTMLElementTagNameMap {
    'tandem-programme-form': TandemProgrammeForm;
  }
  interface HTMLElementEventMap {
    'programme-submit': CustomEvent<ProgrammeFormValue>;
  }
}
