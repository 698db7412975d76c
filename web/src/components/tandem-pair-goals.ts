import { localized, msg, str } from '@lit/localize';
import { Task } from '@lit/task';
import { css, html, LitElement } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ApiError } from '../data/api-client.js';
import {
  addGoal,
  changeGoal,
  GOAL_LEVELS,
  type GoalMark,
  listGoals,
  MAX_GOALS,
  markGoalProgress,
  type PairGoal,
  removeGoal,
} from '../data/goals.js';
import type { PairSession } from '../data/pairs.js';
import { inLanguage } from '../data/session-language.js';
import { getLocale } from '../i18n/locale.js';
import { sharedStyles } from '../styles/shared-styles.js';
import { announce } from './announcer.js';
import { formatDateTime } from './date-time.js';
import { actionName, refusalText } from './pair-tool-refusal.js';
import { taskView } from './task-view.js';

/**
 * The pair's goals: the mentee's goals from enrolment and the ones the pair adds, each with its
 * progress (the latest mark) and the marks before it. Only the two partners see them; either
 * may add, reword, remove and mark progress, at a session of the plan or in between.
 */
@localized()
@customElement('tandem-pair-goals')
export class TandemPairGoals extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      ul.goals,
      ol.marks {
        list-style: none;
        padding: 0;
        margin: 0 0 1rem;
      }
      .goal-text {
        font-size: 1.1rem;
        margin: 0 0 0.25rem;
        overflow-wrap: anywhere;
      }
      .level {
        margin: 0 0 0.5rem;
      }
      .levels label {
        display: flex;
        align-items: center;
        gap: 0.5rem;
        font-weight: normal;
        margin-bottom: 0.25rem;
      }
      ol.marks li {
        border-top: 1px solid var(--tandem-border);
        padding: 0.5rem 0;
      }
      .mark-note {
        white-space: pre-wrap;
        overflow-wrap: anywhere;
        margin: 0.25rem 0 0;
      }
      input[type='text'],
      textarea,
      select {
        width: 100%;
      }
    `,
  ];

  @property({ attribute: false }) accessor pairId = '';
  /** The pair's plan, for tying a mark to one of its sessions. */
  @property({ attribute: false }) accessor sessions: PairSession[] = [];
  /** The session a mark is made at unless the person picks another: the one just held. */
  @property({ attribute: false }) accessor atSession: string | undefined;
  @state() private accessor goals: PairGoal[] | undefined;
  @state() private accessor draft = '';
  @state() private accessor draftInvalid = false;
  @state() private accessor editing: string | undefined;
  @state() private accessor editText = '';
  @state() private accessor marking: string | undefined;
  @state() private accessor level: number | undefined;
  @state() private accessor levelMissing = false;
  @state() private accessor note = '';
  @state() private accessor markSession = '';
  @state() private accessor busy = false;
  @state() private accessor error: unknown;

  private readonly loaded = new Task(this, {
    task: async ([pairId], { signal }) => {
      const goals = await listGoals(pairId, signal);
      this.goals = goals;
      return goals;
    },
    args: () => [this.pairId] as const,
  });

  override render() {
    return taskView(this.loaded, () => {
      const goals = this.goals ?? [];
      return html`
        <p class="hint">
          ${msg('Only you and your partner see your goals. Reports count progress only in total.', {
            id: 'goals.private',
          })}
        </p>
        ${this.renderAtSession()}
        ${
          goals.length
            ? html`<ul class="goals">
              ${goals.map((goal) => this.renderGoal(goal))}
            </ul>`
            : html`<p>${msg('No goals yet.', { id: 'goals.none' })}</p>`
        }
        ${this.error ? html`<p role="alert" class="error-text">${goalErrorText(this.error)}</p>` : null}
        ${this.renderAdd(goals.length)}
      `;
    });
  }

  private renderAtSession() {
    const session = this.sessionTitle(this.atSession);
    if (!session) return null;
    return html`<p>
      ${msg(str`Marks you make now count for "${session}".`, { id: 'goals.atSession' })}
    </p>`;
  }

  private renderGoal(goal: PairGoal) {
    const textId = `goal-${goal.id}`;
    if (this.editing === goal.id) return this.renderEdit(goal);
    return html`<li class="card">
      <p class="goal-text" id=${textId}>${goal.text}</p>
      <p class="level">
        ${
          goal.level === null
            ? msg('No progress marked yet.', { id: 'goals.noMark' })
            : msg(str`Progress: ${levelLabel(goal.level)}`, { id: 'goals.progress' })
        }
        ${goal.origin === 'enrolment' ? html`<span class="muted"> · ${msg('from enrolment', { id: 'goals.fromEnrolment' })}</span>` : null}
      </p>
      ${goal.note ? html`<p class="mark-note">${goal.note}</p>` : null}
      ${this.marking === goal.id ? this.renderMarkForm(goal) : this.renderGoalActions(goal)}
      ${this.renderMarks(goal)}
    </li>`;
  }

  private renderGoalActions(goal: PairGoal) {
    return html`<div class="actions">
      <button
        type="button"
        id="mark-button-${goal.id}"
        aria-label=${actionName(msg('Mark progress', { id: 'goals.mark' }), goal.text)}
        @click=${() => this.startMarking(goal)}
      >
        ${msg('Mark progress', { id: 'goals.mark' })}
      </button>
      <button
        type="button"
        class="secondary"
        id="edit-button-${goal.id}"
        aria-label=${actionName(msg('Edit', { id: 'goals.edit' }), goal.text)}
        @click=${() => this.startEditing(goal)}
      >
        ${msg('Edit', { id: 'goals.edit' })}
      </button>
      <button
        type="button"
        class="secondary"
        aria-label=${actionName(msg('Remove', { id: 'goals.remove' }), goal.text)}
        aria-disabled=${this.busy ? 'true' : 'false'}
        @click=${() => this.removeOne(goal)}
      >
        ${msg('Remove', { id: 'goals.remove' })}
      </button>
    </div>`;
  }

  private renderMarks(goal: PairGoal) {
    if (!goal.marks.length) return null;
    const count = goal.marks.length;
    return html`<details>
      <summary>
        ${msg(str`Progress so far (${count})`, { id: 'goals.history' })}
        <span class="visually-hidden">${goal.text}</span>
      </summary>
      <ol class="marks">
        ${goal.marks.map((mark) => this.renderMark(mark))}
      </ol>
    </details>`;
  }

  private renderMark(mark: GoalMark) {
    const session = this.sessionTitle(mark.sessionId ?? undefined);
    return html`<li>
      <strong>${levelLabel(mark.level)}</strong>
      <span class="muted">
        · ${mark.mine ? msg('You', { id: 'goals.byMe' }) : msg('Your partner', { id: 'goals.byPartner' })},
        <time datetime=${mark.createdAt}>${formatDateTime(mark.createdAt, 'short')}</time>
        ${session ? html` · ${msg(str`at "${session}"`, { id: 'goals.markedAt' })}` : null}
      </span>
      ${mark.note ? html`<p class="mark-note">${mark.note}</p>` : null}
    </li>`;
  }

  private renderMarkForm(goal: PairGoal) {
    const invalid = this.levelMissing;
    return html`<form novalidate @submit=${(event: Event) => this.mark(event, goal)}>
      <fieldset
        class="levels"
        aria-describedby=${invalid ? `level-error-${goal.id}` : ''}
        aria-invalid=${invalid ? 'true' : 'false'}
      >
        <legend>${msg(str`How far along is "${goal.text}"?`, { id: 'goals.levelLegend' })}</legend>
        ${GOAL_LEVELS.map(
          (value) => html`<label>
            <input
              type="radio"
              name="level-${goal.id}"
              .value=${String(value)}
              .checked=${this.level === value}
              @change=${() => {
                this.level = value;
                this.levelMissing = false;
              }}
            />
            ${levelLabel(value)}
          </label>`,
        )}
        ${
          invalid
            ? html`<p id="level-error-${goal.id}" role="alert" class="error-text">
              ${msg('Please choose how far along you are.', { id: 'goals.levelMissing' })}
            </p>`
            : null
        }
      </fieldset>
      <div class="field">
        <label for="note-${goal.id}">${msg('Note (optional)', { id: 'goals.note' })}</label>
        <textarea
          id="note-${goal.id}"
          maxlength="1000"
          .value=${this.note}
          @input=${(event: Event) => {
            this.note = (event.target as HTMLTextAreaElement).value;
          }}
        ></textarea>
      </div>
      ${
        this.sessions.length
          ? html`<div class="field">
            <label for="session-${goal.id}">${msg('At session', { id: 'goals.session' })}</label>
            <select
              id="session-${goal.id}"
              @change=${(event: Event) => {
                this.markSession = (event.target as HTMLSelectElement).value;
              }}
            >
              <option value="" ?selected=${!this.markSession}>
                ${msg('No particular session', { id: 'goals.noSession' })}
              </option>
              ${this.sessions.map(
                (
                  session,
                ) => html`<option value=${session.id} ?selected=${this.markSession === session.id}>
                  ${inLanguage(session, getLocale()).title}
                </option>`,
              )}
            </select>
          </div>`
          : null
      }
      <div class="actions">
        <button type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>
          ${msg('Save progress', { id: 'goals.saveMark' })}
        </button>
        <button type="button" class="secondary" @click=${() => this.stopMarking(goal)}>
          ${msg('Cancel', { id: 'goals.cancel' })}
        </button>
      </div>
    </form>`;
  }

  private renderEdit(goal: PairGoal) {
    const id = `edit-${goal.id}`;
    return html`<li class="card">
      <form @submit=${(event: Event) => this.save(event, goal)}>
        <label for=${id}>${msg('Goal', { id: 'goals.editLabel' })}</label>
        <input
          type="text"
          id=${id}
          required
          maxlength="300"
          .value=${this.editText}
          @input=${(event: Event) => {
            this.editText = (event.target as HTMLInputElement).value;
          }}
        />
        <div class="actions">
          <button type="submit" aria-disabled=${this.busy || !this.editText.trim() ? 'true' : 'false'}>
            ${msg('Save', { id: 'goals.save' })}
          </button>
          <button type="button" class="secondary" @click=${() => this.stopEditing(goal)}>
            ${msg('Cancel', { id: 'goals.cancel' })}
          </button>
        </div>
      </form>
    </li>`;
  }

  private renderAdd(count: number) {
    if (count >= MAX_GOALS)
      return html`<p class="hint">
        ${msg(
          str`You have ${MAX_GOALS} goals, the most a tandem keeps. Remove one to add another.`,
          {
            id: 'goals.full',
          },
        )}
      </p>`;
    const invalid = this.draftInvalid;
    return html`<form novalidate @submit=${this.add}>
      <div class="field">
        <label for="new-goal">${msg('New goal', { id: 'goals.new' })}</label>
        <input
          type="text"
          id="new-goal"
          maxlength="300"
          .value=${this.draft}
          aria-invalid=${invalid ? 'true' : 'false'}
          aria-describedby=${invalid ? 'new-goal-error' : 'new-goal-hint'}
          @input=${(event: Event) => {
            this.draft = (event.target as HTMLInputElement).value;
            this.draftInvalid = false;
          }}
        />
        <p class="hint" id="new-goal-hint">
          ${msg('What do you want to be able to do at the end? One goal at a time.', {
            id: 'goals.newHint',
          })}
        </p>
        ${
          invalid
            ? html`<p id="new-goal-error" role="alert" class="error-text">
              ${msg('Please write the goal first.', { id: 'goals.empty' })}
            </p>`
            : null
        }
      </div>
      <button type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>
        ${msg('Add goal', { id: 'goals.add' })}
      </button>
    </form>`;
  }

  private sessionTitle(sessionId: string | undefined): string | undefined {
    const session = this.sessions.find((each) => each.id === sessionId);
    return session ? inLanguage(session, getLocale()).title : undefined;
  }

  private readonly add = async (event: Event) => {
    event.preventDefault();
    if (!this.draft.trim()) {
      this.draftInvalid = true;
      this.renderRoot.querySelector<HTMLElement>('#new-goal')?.focus();
      return;
    }
    const ok = await this.run(async () => {
      const goal = await addGoal(this.pairId, this.draft.trim());
      this.goals = [...(this.goals ?? []), goal];
      this.draft = '';
    });
    if (ok) announce(msg('Goal added.', { id: 'goals.added' }));
  };

  private async startEditing(goal: PairGoal): Promise<void> {
    this.editing = goal.id;
    this.editText = goal.text;
    await this.updateComplete;
    this.shadowRoot?.getElementById(`edit-${goal.id}`)?.focus();
  }

  private async stopEditing(goal: PairGoal): Promise<void> {
    this.editing = undefined;
    await this.updateComplete;
    this.shadowRoot?.getElementById(`edit-button-${goal.id}`)?.focus();
  }

  private async save(event: Event, goal: PairGoal): Promise<void> {
    event.preventDefault();
    if (!this.editText.trim()) return;
    const ok = await this.run(async () => {
      this.replace(await changeGoal(this.pairId, goal.id, this.editText.trim()));
    });
    if (!ok) return;
    announce(msg('Goal saved.', { id: 'goals.saved' }));
    await this.stopEditing(goal);
  }

  private async removeOne(goal: PairGoal): Promise<void> {
    if (!window.confirm(msg(str`Remove the goal "${goal.text}"?`, { id: 'goals.confirmRemove' })))
      return;
    const ok = await this.run(async () => {
      await removeGoal(this.pairId, goal.id);
      this.goals = (this.goals ?? []).filter((each) => each.id !== goal.id);
    });
    if (!ok) return;
    announce(msg('Goal removed.', { id: 'goals.removed' }));
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#new-goal')?.focus();
  }

  private async startMarking(goal: PairGoal): Promise<void> {
    this.marking = goal.id;
    this.level = goal.level ?? undefined;
    this.levelMissing = false;
    this.note = '';
    this.markSession = this.atSession ?? '';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>(`input[name="level-${goal.id}"]`)?.focus();
  }

  private async stopMarking(goal: PairGoal): Promise<void> {
    this.marking = undefined;
    await this.updateComplete;
    this.shadowRoot?.getElementById(`mark-button-${goal.id}`)?.focus();
  }

  private async mark(event: Event, goal: PairGoal): Promise<void> {
    event.preventDefault();
    const level = this.level;
    if (level === undefined) {
      this.levelMissing = true;
      this.renderRoot.querySelector<HTMLInputElement>(`input[name="level-${goal.id}"]`)?.focus();
      return;
    }
    const note = this.note.trim();
    const ok = await this.run(async () => {
      this.replace(
        await markGoalProgress(this.pairId, goal.id, {
          level,
          ...(note ? { note } : {}),
          ...(this.markSession ? { sessionId: this.markSession } : {}),
        }),
      );
    });
    if (!ok) return;
    announce(msg(str`Progress saved: ${levelLabel(level)}.`, { id: 'goals.marked' }));
    await this.stopMarking(goal);
  }

  private replace(goal: PairGoal): void {
    this.goals = (this.goals ?? []).map((each) => (each.id === goal.id ? goal : each));
  }

  private async run(action: () => Promise<void>): Promise<boolean> {
    if (this.busy) return false;
    this.busy = true;
    this.error = undefined;
    try {
      await action();
      return true;
    } catch (error) {
      this.error = error;
      return false;
    } finally {
      this.busy = false;
    }
  }
}

/** A level of progress in the reader's language. */
export function levelLabel(level: number): string {
  switch (level) {
    case 0:
      return msg('not started', { id: 'goals.level.0' });
    case 1:
      return msg('started', { id: 'goals.level.1' });
    case 2:
      return msg('halfway', { id: 'goals.level.2' });
    case 3:
      return msg('nearly there', { id: 'goals.level.3' });
    default:
      return msg('reached', { id: 'goals.level.4' });
  }
}

/** A refusal of the server, worded for goals where the code says more than the status. */
function goalErrorText(error: unknown): string {
  switch (error instanceof ApiError ? error.code : undefined) {
    case 'goal.limit':
      return msg(str`A tandem keeps at most ${MAX_GOALS} goals. Remove one to add another.`, {
        id: 'goals.error.limit',
      });
    case 'goal.blank':
      return msg('Please write the goal first.', { id: 'goals.empty' });
    case 'goal.lunch':
      return msg('Lunch groups have no goals.', { id: 'goals.error.lunch' });
    case 'goal.session-unknown':
      return msg('That session is not in your plan any more. Please choose another.', {
        id: 'goals.error.session',
      });
    default:
      return refusalText(error);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tandem-pair-goals': TandemPairGoals;
  }
}
