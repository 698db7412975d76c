import { localized, msg, str } from '@lit/localize';
import { css, html, LitElement } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import {
  giveFeedback,
  type Pair,
  type PairSession,
  type SessionStatus,
  setSessionStatus,
  tickHomework,
} from '../data/pairs.js';
import { inLanguage } from '../data/session-language.js';
import { getLocale } from '../i18n/locale.js';
import { sharedStyles } from '../styles/shared-styles.js';
import { announce } from './announcer.js';
import { dialogFormActions } from './dialog-actions.js';
import type { TandemDialog } from './tandem-dialog.js';
import './tandem-dialog.js';
import { errorMessage } from './task-view.js';

const RATINGS = [1, 2, 3, 4, 5] as const;

/**
 * A pair's session plan: each session's goal, agenda, tutorials and my side's homework as a
 * checklist; "Mark as done" and then a short feedback that not even the partner sees. Every
 * change comes back as the whole pair, passed up in a `pair-changed` event.
 */
@localized()
@customElement('tandem-session-plan')
export class TandemSessionPlan extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      ol.sessions {
        list-style: none;
        padding: 0;
        margin: 0;
      }
      .head {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem 1rem;
        align-items: baseline;
        justify-content: space-between;
      }
      .status {
        font-weight: 600;
        padding: 0.1rem 0.6rem;
        border-radius: 1rem;
        border: 1px solid var(--tandem-border);
      }
      .status.done {
        color: var(--tandem-success);
        border-color: var(--tandem-success);
      }
      .status.skipped {
        color: var(--tandem-muted);
      }
      h4 {
        margin: 0.75rem 0 0.25rem;
        font-size: 1rem;
      }
      ul,
      ol {
        margin: 0.25rem 0;
      }
      .homework {
        list-style: none;
        padding: 0;
      }
      .homework li {
        display: flex;
        gap: 0.5rem;
        align-items: flex-start;
        padding: 0.25rem 0;
      }
      .homework label {
        font-weight: normal;
        margin: 0;
      }
      .homework input {
        margin-top: 0.2rem;
        flex: none;
      }
      .homework .done {
        text-decoration: line-through;
        color: var(--tandem-muted);
      }
      .ratings {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1.25rem;
      }
      @media (max-width: 30rem) {
        .ratings {
          flex-direction: column;
        }
      }
      .ratings label {
        display: inline-flex;
        gap: 0.4rem;
        align-items: center;
        font-weight: normal;
      }
      textarea {
        width: 100%;
        min-height: 5rem;
      }
      .goal {
        margin: 0.25rem 0 0;
      }
      li.next {
        border: 2px solid var(--tandem-primary);
      }
      details {
        margin-top: 0.5rem;
      }
      summary {
        cursor: pointer;
        color: var(--tandem-primary);
        padding: 0.4rem 0;
      }
      .actions {
        margin-top: 0.75rem;
      }
    `,
  ];

  @property({ attribute: false }) accessor pair!: Pair;
  @state() private accessor busy = false;
  /** Which session an error belongs to, so it shows where the person acted. */
  @state() private accessor error: { sessionId: string; error: unknown } | undefined;
  @state() private accessor feedbackFor: PairSession | undefined;
  @state() private accessor rating = 0;
  @state() private accessor comment = '';
  @state() private accessor ratingMissing = false;
  @state() private accessor feedbackError: unknown;
  @query('tandem-dialog') private accessor dialog!: TandemDialog;

  override render() {
    return html`<ol class="sessions">
        ${this.pair.sessions.map((session, index) =>
          this.renderSession(inLanguage(session, getLocale()), index),
        )}
      </ol>
      ${this.renderFeedbackDialog()}`;
  }

  private renderSession(session: PairSession, index: number) {
    const number = index + 1;
    const headingId = `session-${session.id}`;
    // The next session shows everything; the others keep their details folded, so the plan
    // stays short enough to find one's way on a phone.
    const next = session.id === this.pair.sessions.find((each) => each.status === 'planned')?.id;
    const details = html`${
      session.agenda.length
        ? html`<h4>${msg('Agenda', { id: 'tandem.plan.agenda' })}</h4>
          <ul>
            ${session.agenda.map((item) => html`<li>${item}</li>`)}
          </ul>`
        : null
    }
    ${this.renderTutorials(session)} ${this.renderHomework(session)}`;
    return html`<li class="card ${next ? 'next' : ''}">
      <div class="head">
        <h3 id=${headingId} tabindex="-1">
          ${msg(str`Session ${number}: ${session.title}`, { id: 'tandem.plan.sessionTitle' })}
        </h3>
        <span class="status ${session.status}">
          ${next ? html`<span class="next-label">${msg('Next', { id: 'tandem.plan.next' })} · </span>` : null}${statusLabel(session.status)}
        </span>
      </div>
      ${session.goal ? html`<p class="goal">${session.goal}</p>` : null}
      ${
        next
          ? details
          : html`<details>
            <summary>${msg('Agenda, preparation and homework', { id: 'tandem.plan.details' })}</summary>
            ${details}
          </details>`
      }
      ${this.error?.sessionId === session.id ? errorMessage(this.error.error) : null}
      ${this.renderActions(session)}
    </li>`;
  }

  private renderTutorials(session: PairSession) {
    if (!session.tutorials.length) return null;
    return html`<h4>${msg('To prepare', { id: 'tandem.plan.tutorials' })}</h4>
      <ul>
        ${session.tutorials.map((tutorial) => {
          const minutes = tutorial.minutes;
          const length = minutes ? msg(str`(${minutes} min)`, { id: 'tandem.plan.minutes' }) : '';
          return html`<li>
            ${
              tutorial.url
                ? html`<a href=${tutorial.url} target="_blank" rel="noopener noreferrer"
                  >${tutorial.title}<span class="visually-hidden">
                    ${msg('(opens in a new tab)', { id: 'tandem.meeting.newTab' })}</span
                  ></a
                >`
                : tutorial.title
            }
            ${length}
          </li>`;
        })}
      </ul>`;
  }

  /** Only my own side's tasks: the partner's are theirs to tick. */
  private renderHomework(session: PairSession) {
    const role = this.pair.myRole;
    if (role === 'peer') return null;
    const items = session.homework[role];
    if (!items.length) return null;
    return html`<h4>${msg('My homework', { id: 'tandem.plan.homework' })}</h4>
      <ul class="homework">
        ${items.map((item, index) => {
          const id = `hw-${session.id}-${index}`;
          return html`<li>
            <input
              id=${id}
              type="checkbox"
              .checked=${item.done}
              @change=${(event: Event) => {
                const box = event.target as HTMLInputElement;
                // One change at a time; the box stays focusable (never disabled) meanwhile.
                if (this.busy) {
                  box.checked = !box.checked;
                  return;
                }
                void this.tick(session, index, box.checked);
              }}
            />
            <label for=${id} class=${item.done ? 'done' : ''}>${item.text}</label>
          </li>`;
        })}
      </ul>`;
  }

  private renderActions(session: PairSession) {
    if (session.status === 'planned') {
      return html`<div class="actions">
        <button
          type="button"
          aria-disabled=${this.busy ? 'true' : 'false'}
          @click=${() => this.markDone(session)}
        >
          ${msg('Mark as done', { id: 'tandem.plan.markDone' })}
          <span class="visually-hidden">${session.title}</span>
        </button>
      </div>`;
    }
    if (session.status !== 'done') return null;
    return html`${this.renderFeedback(session)} ${this.renderGoalsLink(session)}`;
  }

  private renderFeedback(session: PairSession) {
    const feedback = session.myFeedback;
    if (feedback) {
      const rating = feedback.rating;
      return html`<p class="muted">
        ${msg(str`Your feedback: ${rating} of 5`, { id: 'tandem.plan.feedbackGiven' })}
      </p>`;
    }
    return html`<div class="actions">
      <button type="button" class="secondary" @click=${() => this.openFeedback(session)}>
        ${msg('Give feedback', { id: 'tandem.plan.giveFeedback' })}
        <span class="visually-hidden">${session.title}</span>
      </button>
    </div>`;
  }

  /**
   * After a session, the way to the pair's goals, to mark how far it got: the page takes the
   * reader there with the session chosen for the marks. Lunch groups have no goals.
   */
  private renderGoalsLink(session: PairSession) {
    if (this.pair.myRole === 'peer') return null;
    return html`<div class="actions">
      <button
        type="button"
        class="secondary"
        @click=${() =>
          this.dispatchEvent(
            new CustomEvent<string>('goal-progress-requested', {
              detail: session.id,
              bubbles: true,
              composed: true,
            }),
          )}
      >
        ${msg('Progress on your goals', { id: 'goals.fromSession' })}
        <span class="visually-hidden">${session.title}</span>
      </button>
    </div>`;
  }

  private renderFeedbackDialog() {
    const session = this.feedbackFor;
    return html`<tandem-dialog
      heading=${msg('How was the session?', { id: 'tandem.plan.feedback.title' })}
      @close=${this.onFeedbackClosed}
    >
      <form id="feedback" novalidate @submit=${this.sendFeedback}>
        <p>
          ${msg('Your feedback helps the programme team. Your partner does not see it.', {
            id: 'tandem.plan.feedback.private',
          })}
        </p>
        <fieldset aria-describedby=${this.ratingMissing ? 'rating-error' : ''}>
          <legend>
            ${
              session
                ? msg(str`How helpful was "${session.title}"?`, {
                    id: 'tandem.plan.feedback.legend',
                  })
                : ''
            }
          </legend>
          <div class="ratings">
            ${RATINGS.map(
              (value) => html`<label>
                <input
                  type="radio"
                  name="rating"
                  .value=${String(value)}
                  .checked=${this.rating === value}
                  @change=${() => {
                    this.rating = value;
                    this.ratingMissing = false;
                  }}
                />
                ${ratingLabel(value)}
              </label>`,
            )}
          </div>
          ${
            this.ratingMissing
              ? html`<p id="rating-error" role="alert" class="error-text">
                ${msg('Please choose a rating.', { id: 'tandem.plan.feedback.ratingMissing' })}
              </p>`
              : null
          }
        </fieldset>
        <div class="field">
          <label for="comment">${msg('Comment (optional)', { id: 'tandem.plan.feedback.comment' })}</label>
          <textarea
            id="comment"
            maxlength="2000"
            .value=${this.comment}
            @input=${(event: Event) => {
              this.comment = (event.target as HTMLTextAreaElement).value;
            }}
          ></textarea>
        </div>
        ${this.feedbackError ? errorMessage(this.feedbackError) : null}
      </form>
      ${dialogFormActions({
        form: 'feedback',
        submit: msg('Send feedback', { id: 'tandem.plan.feedback.send' }),
        cancel: msg('Not now', { id: 'tandem.plan.feedback.later' }),
        busy: this.busy,
        onCancel: () => this.dialog.close(),
      })}
    </tandem-dialog>`;
  }

  /**
   * After "Mark as done" the button that opened the dialog is gone, so the dialog cannot give
   * focus back to it; the session's heading takes it instead.
   */
  private readonly onFeedbackClosed = () => {
    const session = this.feedbackFor;
    this.feedbackFor = undefined;
    if (!session) return;
    // Focus is still on a button of the closed dialog (or nowhere) when the opener is gone.
    requestAnimationFrame(() => {
      const active = this.shadowRoot?.activeElement;
      if (active && active !== this.dialog && !this.dialog.contains(active)) return;
      this.shadowRoot?.getElementById(`session-${session.id}`)?.focus();
    });
  };

  private async tick(session: PairSession, index: number, done: boolean): Promise<void> {
    const changed = await this.change(session, () =>
      tickHomework(this.pair.id, session.id, index, done),
    );
    if (changed) {
      announce(
        done
          ? msg('Homework ticked off.', { id: 'tandem.plan.homeworkDone' })
          : msg('Homework marked as open.', { id: 'tandem.plan.homeworkOpen' }),
      );
    }
  }

  private async markDone(session: PairSession): Promise<void> {
    const changed = await this.change(session, () =>
      setSessionStatus(this.pair.id, session.id, 'done'),
    );
    if (!changed) return;
    announce(msg('Session marked as done.', { id: 'tandem.plan.markedDone' }));
    await this.openFeedback(changed.sessions.find((each) => each.id === session.id) ?? session);
  }

  /** Runs a change of the pair, passes the new pair up, and keeps errors with the session. */
  private async change(session: PairSession, run: () => Promise<Pair>): Promise<Pair | undefined> {
    if (this.busy) return undefined;
    this.busy = true;
    this.error = undefined;
    try {
      const pair = await run();
      this.dispatchEvent(new CustomEvent<Pair>('pair-changed', { detail: pair }));
      return pair;
    } catch (error) {
      this.error = { sessionId: session.id, error };
      return undefined;
    } finally {
      this.busy = false;
    }
  }

  private async openFeedback(session: PairSession): Promise<void> {
    this.feedbackFor = session;
    this.rating = 0;
    this.comment = '';
    this.ratingMissing = false;
    this.feedbackError = undefined;
    await this.dialog.show();
  }

  private readonly sendFeedback = async (event: Event) => {
    event.preventDefault();
    const session = this.feedbackFor;
    if (!session) return;
    if (!this.rating) {
      this.ratingMissing = true;
      return;
    }
    if (this.busy) return;
    this.busy = true;
    try {
      const comment = this.comment.trim();
      const feedback = await giveFeedback(this.pair.id, session.id, {
        rating: this.rating,
        ...(comment ? { comment } : {}),
      });
      const pair: Pair = {
        ...this.pair,
        sessions: this.pair.sessions.map((each) =>
          each.id === session.id ? { ...each, myFeedback: feedback } : each,
        ),
      };
      this.dispatchEvent(new CustomEvent<Pair>('pair-changed', { detail: pair }));
      this.dialog.close();
      announce(msg('Thank you for your feedback.', { id: 'tandem.plan.feedback.thanks' }));
    } catch (error) {
      this.feedbackError = error;
    } finally {
      this.busy = false;
    }
  };
}

function statusLabel(status: SessionStatus): string {
  switch (status) {
    case 'done':
      return msg('Done', { id: 'tandem.plan.status.done' });
    case 'skipped':
      return msg('Skipped', { id: 'tandem.plan.status.skipped' });
    default:
      return msg('Planned', { id: 'tandem.plan.status.planned' });
  }
}

function ratingLabel(value: number): string {
  switch (value) {
    case 1:
      return msg('1 – not helpful', { id: 'tandem.plan.rating.1' });
    case 5:
      return msg('5 – very helpful', { id: 'tandem.plan.rating.5' });
    default:
      return String(value);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tandem-session-plan': TandemSessionPlan;
  }
}
