import { consume } from '@lit/context';
import { localized, msg, str } from '@lit/localize';
import { Task } from '@lit/task';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { announce } from '../components/announcer.js';
import {
  enrolmentWindow,
  kindLabel,
  stateLabel,
  transitionLabel,
} from '../components/programme-labels.js';
import '../components/tandem-dialog.js';
import type { TandemDialog } from '../components/tandem-dialog.js';
import '../components/tandem-programme-form.js';
import '../components/tandem-programme-managers.js';
import '../components/tandem-programme-certificates.js';
import type { ProgrammeFormValue } from '../components/tandem-programme-form.js';
import { errorText, taskView } from '../components/task-view.js';
import {
  type Programme,
  type ProgrammeState,
  readProgramme,
  transitionProgramme,
  updateProgramme,
} from '../data/admin-programmes.js';
import { ApiError } from '../data/api-client.js';
import { readChannelInstances } from '../data/channel-instances.js';
import type { Me } from '../data/me.js';
import { activeStrategies, readPlugins } from '../data/plugins.js';
import { getLocale } from '../i18n/locale.js';
import { isAdmin, sessionContext } from '../session/session-context.js';
import { sharedStyles } from '../styles/shared-styles.js';

const LIFECYCLE: ProgrammeState[] = ['draft', 'enrolment', 'matching', 'running', 'closed'];

/**
 * One programme for admins: where it stands in its lifecycle and where it can go next (each
 * step confirmed in a dialog), links to enrolments, matching and meetings, and its settings.
 */
@localized()
@customElement('tandem-admin-programme-page')
export class TandemAdminProgrammePage extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      .lifecycle {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem 0.5rem;
        list-style: none;
        padding: 0;
        margin: 0 0 1rem;
      }
      .lifecycle li {
        padding: 0.25rem 0.75rem;
        border: 1px solid var(--tandem-border);
        border-radius: 999px;
      }
      .lifecycle li[aria-current='step'] {
        border: 2px solid var(--tandem-primary);
        font-weight: 700;
      }
      .links {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        list-style: none;
        padding: 0;
        margin: 0;
      }
      h2:focus {
        outline: none;
      }
      .summary {
        margin: 0 0 1rem;
      }
      .error-text {
        margin: 0.5rem 0;
      }
    `,
  ];

  @property({ attribute: false }) accessor params: Record<string, string> = {};
  @consume({ context: sessionContext, subscribe: true })
  accessor me: Me | null = null;
  @state() private accessor target: ProgrammeState | undefined;
  @state() private accessor busy = false;
  @state() private accessor saveError = '';
  @state() private accessor transitionError = '';
  /** The programme as the last save or transition returned it; saves reloading the form. */
  @state() private accessor latest: Programme | undefined;
  /** Set when the dialog closes after a transition, so focus goes to the new state. */
  private moved = false;
  @query('tandem-dialog') private accessor dialog!: TandemDialog;

  /** For admins, the channel instances a programme may choose; managers keep the choice made. */
  private readonly channelInstances = new Task(this, {
    task: async ([admin], { signal }) =>
      admin ? readChannelInstances(signal).catch(() => undefined) : undefined,
    args: () => [isAdmin(this.me)] as const,
  });

  /** For admins, the active matching strategies a programme may use. */
  private readonly strategies = new Task(this, {
    task: async ([admin], { signal }) =>
      admin
        ? readPlugins(signal)
            .then((plugins) => activeStrategies(plugins))
            .catch(() => undefined)
        : undefined,
    args: () => [isAdmin(this.me)] as const,
  });

  private readonly programme = new Task(this, {
    task: async ([id], { signal }) => readProgramme(id ?? '', signal),
    args: () => [this.params.id] as const,
  });

  /**
   * Waits for the programme too, so the shell titles the document and focuses the <h1> with
   * the programme's name in it rather than the placeholder shown while loading.
   */
  protected override async getUpdateComplete(): Promise<boolean> {
    await super.getUpdateComplete();
    await this.programme.taskComplete.catch(() => undefined);
    return super.getUpdateComplete();
  }

  override render() {
    return html`
      <p><a href="/admin">${msg('Back to administration', { id: 'admin.back' })}</a></p>
      <h1>${this.latest?.name ?? this.programme.value?.name ?? msg('Programme', { id: 'admin.programme.title' })}</h1>
      ${taskView(this.programme, (programme) => this.renderProgramme(this.latest ?? programme))}
    `;
  }

  private renderProgramme(programme: Programme) {
    const base = `/admin/programmes/${encodeURIComponent(programme.id)}`;
    const { enrolmentOpensAt, enrolmentClosesAt } = programme.settings;
    const participants = programme.participants;
    return html`
      <p class="summary">
        ${kindLabel(programme.kind)} ·
        ${msg(str`${participants} participants`, { id: 'admin.programme.participants' })} ·
        ${msg('Enrolment:', { id: 'admin.programme.window' })}
        ${enrolmentWindow(enrolmentOpensAt, enrolmentClosesAt, getLocale())}
      </p>
      <ul class="links">
        <li><a class="button secondary" href="${base}/enrolments">${msg('Enrolments', { id: 'admin.dashboard.enrolments' })}</a></li>
        <li><a class="button secondary" href="${base}/matching">${msg('Matching review', { id: 'admin.programme.matching' })}</a></li>
        <li><a class="button secondary" href="${base}/meetings">${msg('Meetings', { id: 'admin.dashboard.meetings' })}</a></li>
        ${programme.kind === 'peer-lunch' ? html`<li><a class="button secondary" href="${base}/lunch">${msg('Lunch rounds', { id: 'lunch.admin.titleShort' })}</a></li>` : nothing}
        <li><a class="button secondary" href="${base}/report">${msg('Report', { id: 'reports.titleShort' })}</a></li>
        <li><a class="button secondary" href="${base}/impact">${msg('Impact', { id: 'impact.titleShort' })}</a></li>
      </ul>
      ${this.renderLifecycle(programme)}
      <section aria-labelledby="settings-heading" class="card">
        <h2 id="settings-heading">${msg('Settings', { id: 'admin.dashboard.open' })}</h2>
        <tandem-programme-form
          full
          .programmeId=${programme.id}
          .strategy=${programme.matchingStrategy}
          .name=${programme.name}
          .description=${programme.description}
          .settings=${programme.settings}
          .channelInstances=${this.channelInstances.value}
          .strategies=${this.strategies.value}
          .submitLabel=${msg('Save settings', { id: 'admin.programme.save' })}
          .busy=${this.busy}
          .error=${this.saveError}
          @programme-submit=${(event: CustomEvent<ProgrammeFormValue>) => this.save(programme, event.detail)}
        ></tandem-programme-form>
      </section>
      ${isAdmin(this.me) ? html`<tandem-programme-managers .programmeId=${programme.id}></tandem-programme-managers>` : nothing}
      <tandem-programme-certificates .programmeId=${programme.id}></tandem-programme-certificates>
      ${this.renderDialog(programme)}
    `;
  }

  private renderLifecycle(programme: Programme) {
    const next = programme.nextStates;
    const current = stateLabel(programme.state);
    return html`<section aria-labelledby="lifecycle-heading" class="card">
      <h2 id="lifecycle-heading" tabindex="-1">${msg('Lifecycle', { id: 'admin.programme.lifecycle' })}</h2>
      <p>${msg(str`This programme is now: ${current}.`, { id: 'admin.programme.current' })}</p>
      <ol class="lifecycle" aria-label=${msg('Stages of a programme', { id: 'admin.programme.stages' })}>
        ${LIFECYCLE.map(
          (step) => html`<li aria-current=${step === programme.state ? 'step' : 'false'}>
            ${stateLabel(step)}${
              step === programme.state
                ? html`<span class="visually-hidden"> ${msg('(current)', { id: 'admin.programme.currentStep' })}</span>`
                : nothing
            }
          </li>`,
        )}
      </ol>
      ${
        next.length
          ? html`<div class="actions">
            ${next.map(
              (to, index) => html`<button type="button"
                class=${to === 'closed' ? 'danger' : index === 0 ? '' : 'secondary'}
                @click=${() => this.askTransition(to)}>${transitionLabel(programme.state, to)}</button>`,
            )}
          </div>`
          : html`<p>${msg('A closed programme cannot change any more.', { id: 'admin.programme.final' })}</p>`
      }
      ${
        this.transitionError && !this.target
          ? html`<p class="error-text" role="alert">${this.transitionError}</p>`
          : nothing
      }
    </section>`;
  }

  /** Closing cannot be undone, so that dialog starts on Cancel, the others on the step. */
  private renderDialog(programme: Programme) {
    const to = this.target;
    const from = stateLabel(programme.state);
    const label = to ? transitionLabel(programme.state, to) : '';
    const toLabel = to ? stateLabel(to) : '';
    return html`<tandem-dialog .heading=${label} @close=${this.onDialogClose}>
      <p>${msg(str`The programme goes from "${from}" to "${toLabel}".`, { id: 'admin.programme.confirmText' })}</p>
      ${to ? html`<p>${consequence(to)}</p>` : nothing}
      ${
        this.transitionError && to
          ? html`<p class="error-text" role="alert">${this.transitionError}</p>`
          : nothing
      }
      <button slot="actions" type="button" class=${to === 'closed' ? 'danger' : ''} aria-disabled=${this.busy ? 'true' : 'false'}
        @click=${() => this.transition(programme)}>${label}</button>
      <button slot="actions" type="button" class="secondary" ?autofocus=${to === 'closed'}
        @click=${() => this.dialog.close()}>
        ${msg('Cancel', { id: 'admin.cancel' })}
      </button>
    </tandem-dialog>`;
  }

  private async askTransition(to: ProgrammeState): Promise<void> {
    this.target = to;
    this.transitionError = '';
    await this.updateComplete;
    await this.dialog.show();
  }

  private readonly onDialogClose = async () => {
    this.target = undefined;
    if (!this.moved) return;
    // The button that opened the dialog may be gone: the new state has other next steps.
    this.moved = false;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#lifecycle-heading')?.focus();
  };

  private async transition(programme: Programme): Promise<void> {
    const to = this.target;
    if (!to || this.busy) return;
    this.busy = true;
    this.transitionError = '';
    try {
      const changed = await transitionProgramme(programme.id, to);
      this.latest = changed;
      this.moved = true;
      this.dialog.close();
      const label = stateLabel(changed.state);
      announce(msg(str`The programme is now: ${label}.`, { id: 'admin.programme.moved' }));
    } catch (error) {
      this.transitionError = errorText(error);
      // Someone else moved it meanwhile: show where it stands now, with its next steps.
      if (error instanceof ApiError && error.status === 409) {
        this.latest = await readProgramme(programme.id).catch(() => this.latest);
      }
    } finally {
      this.busy = false;
    }
  }

  private async save(programme: Programme, value: ProgrammeFormValue): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.saveError = '';
    try {
      this.latest = await updateProgramme(programme.id, value);
      announce(msg('Settings saved.', { id: 'admin.programme.saved' }));
    } catch (error) {
      this.saveError = errorText(error);
    } finally {
      this.busy = false;
    }
  }
}

/** What moving into a state means for participants, said before an admin confirms it. */
function consequence(to: ProgrammeState): string {
  switch (to) {
    case 'draft':
      return msg('Enrolment closes; participants who enrolled stay enrolled.', {
        id: 'admin.consequence.draft',
      });
    case 'enrolment':
      return msg('Eligible colleagues can see the programme and enrol.', {
        id: 'admin.consequence.enrolment',
      });
    case 'matching':
      return msg('Enrolment closes, and you can run the matching and review the pairs.', {
        id: 'admin.consequence.matching',
      });
    case 'running':
      return msg('The programme starts; pairs meet and work through the sessions.', {
        id: 'admin.consequence.running',
      });
    case 'closed':
      return msg('The programme ends. This cannot be undone.', { id: 'admin.consequence.closed' });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tandem-admin-programme-page': TandemAdminProgrammePage;
  }
}
