import { localized, msg, str } from '@lit/localize';
import { Task } from '@lit/task';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { type MyLunch, readMyLunch, skipNextRound, undoSkip } from '../data/lunch.js';
import { sharedStyles } from '../styles/shared-styles.js';
import { announce } from './announcer.js';
import { formatDate, formatDateTime } from './date-time.js';
import { errorMessage, taskView } from './task-view.js';

/**
 * A participant's lunch programme: their lunch in the current round (when, where, with whom),
 * or why they have none, the next round's date and "skip the next round" with its undo.
 */
@localized()
@customElement('tandem-lunch-status')
export class TandemLunchStatus extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      p {
        margin: 0 0 0.5rem;
      }
      .lunch {
        font-weight: 700;
      }
    `,
  ];

  @property({ attribute: false }) accessor programmeId = '';
  /** The lunch after "skip" or its undo (it replaces what the task loaded). */
  @state() private accessor changed: MyLunch | undefined;
  @state() private accessor busy = false;
  @state() private accessor changeError: unknown;

  private readonly data = new Task(this, {
    task: ([id], { signal }) => {
      this.changed = undefined;
      return readMyLunch(id, signal);
    },
    args: () => [this.programmeId] as const,
  });

  override render() {
    return taskView(this.data, (loaded) => {
      const lunch = this.changed ?? loaded;
      return html`${this.renderRound(lunch)} ${this.renderNext(lunch)}`;
    });
  }

  private renderRound(lunch: MyLunch) {
    const { round } = lunch;
    if (round) {
      const number = round.number;
      const names = round.partners.map((p) => p.name).join(', ');
      if (!round.lunch)
        return html`<p class="lunch">
          ${msg(
            str`Round ${number}: you have lunch with ${names}. The date follows in your inbox.`,
            {
              id: 'lunch.my.undated',
            },
          )}
        </p>`;
      const when = formatDateTime(round.lunch.startsAt);
      const { location, link } = round.lunch;
      return html`<p class="lunch">
          ${msg(str`Round ${number}: your lunch on ${when} with ${names}.`, { id: 'lunch.my.dated' })}
        </p>
        ${location ? html`<p>${msg(str`Place: ${location}`, { id: 'lunch.my.place' })}</p>` : nothing}
        ${link ? html`<p><a href=${link}>${msg('Video link', { id: 'lunch.my.link' })}</a></p>` : nothing}`;
    }
    if (lunch.satOutRound !== null) {
      const number = lunch.satOutRound;
      return html`<p>${msg(str`You are sitting out round ${number}.`, { id: 'lunch.my.satOut' })}</p>`;
    }
    if (lunch.roundsDrawn > 0)
      return html`<p>
        ${msg('You have no lunch partner in this round: the numbers did not work out.', {
          id: 'lunch.my.leftOver',
        })}
      </p>`;
    return html`<p>${msg('The first round has not been drawn yet.', { id: 'lunch.my.noneYet' })}</p>`;
  }

  private renderNext(lunch: MyLunch) {
    if (!lunch.nextRoundAt) return nothing;
    const date = formatDate(lunch.nextRoundAt, 'long');
    return html`<p>
        ${msg(str`The next round is drawn on ${date}.`, { id: 'lunch.my.next' })}
        ${
          lunch.skipsNextRound
            ? msg('You are sitting it out.', { id: 'lunch.my.skipping' })
            : nothing
        }
      </p>
      ${this.changeError ? errorMessage(this.changeError) : nothing}
      <div class="actions">
        ${
          lunch.skipsNextRound
            ? html`<button
              type="button"
              class="secondary"
              ?disabled=${this.busy}
              @click=${() => this.change(undoSkip)}
            >
              ${msg('Take part in the next round after all', { id: 'lunch.my.undo' })}
            </button>`
            : html`<button
              type="button"
              class="secondary"
              ?disabled=${this.busy}
              @click=${() => this.change(skipNextRound)}
            >
              ${msg('Skip the next round', { id: 'lunch.my.skip' })}
            </button>`
        }
      </div>`;
  }

  private async change(action: (programmeId: string) => Promise<MyLunch>): Promise<void> {
    this.busy = true;
    try {
      this.changed = await action(this.programmeId);
      this.changeError = undefined;
      announce(
        this.changed.skipsNextRound
          ? msg('You sit out the next round. You can undo this until it is drawn.', {
              id: 'lunch.my.skipped',
            })
          : msg('You take part in the next round.', { id: 'lunch.my.undone' }),
      );
    } catch (error) {
      this.changeError = error;
    } finally {
      this.busy = false;
    }
    // The button was replaced by its opposite: keep the keyboard there.
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>('.actions button')?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tandem-lunch-status': TandemLunchStatus;
  }
}
