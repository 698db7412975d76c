import { localized, msg, str } from '@lit/localize';
import { Task } from '@lit/task';
import { css, html, LitElement } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import {
  type FindATime,
  getFindATime,
  type Meeting,
  pickTime,
  proposeTimes,
} from '../data/meetings.js';
import { sharedStyles } from '../styles/shared-styles.js';
import { announce } from './announcer.js';
import { formatDateTime, toLocalInput } from './date-time.js';
import { errorMessage, taskView } from './task-view.js';

/** Fired with the meeting when a pick made it; the next-meeting card shows it then. */
export const MEETING_PLANNED = 'tandem-meeting-planned';

/**
 * "Find a time together", shown while the pair has no meeting: when Tandem found no common
 * time, each member proposes times and picks one of the partner's; otherwise Tandem is still
 * looking and says so.
 */
@localized()
@customElement('tandem-find-a-time')
export class TandemFindATime extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      ul {
        list-style: none;
        padding: 0;
        margin: 0 0 0.75rem;
      }
      li {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem;
        margin-bottom: 0.5rem;
      }
    `,
  ];

  @property({ attribute: false }) accessor pairId = '';
  /** The search after my last change, replacing what the task loaded. */
  @state() private accessor latest: FindATime | undefined;
  /** My times as the inputs hold them (local date-times); one empty row to start with. */
  @state() private accessor drafts: string[] = [''];
  @state() private accessor busy = false;
  @state() private accessor error: unknown;

  private readonly search = new Task(this, {
    task: async ([pairId], { signal }) => {
      this.latest = undefined;
      const search = await getFindATime(pairId, signal);
      this.drafts = draftsOf(search);
      return search;
    },
    args: () => [this.pairId] as const,
  });

  override render() {
    return taskView(this.search, (loaded) => {
      const search = this.latest ?? loaded;
      if (!search)
        return html`<p>
          ${msg(
            'No meeting is planned yet. Tandem suggests one as soon as it finds a time that suits you both.',
            { id: 'tandem.meeting.none' },
          )}
        </p>`;
      return this.renderSearch(search);
    });
  }

  private renderSearch(search: NonNullable<FindATime>) {
    const minutes = search.minutes;
    return html`<div class="card" role="region" aria-labelledby="find-time-heading">
      <h3 id="find-time-heading">
        ${msg('No common time found — propose times', { id: 'tandem.findTime.heading' })}
      </h3>
      <p>
        ${msg(
          str`Tandem found no time when you are both free for "${search.sessionTitle}" (${minutes} minutes). Propose a few times that suit you; your partner picks one, or you pick one of theirs.`,
          { id: 'tandem.findTime.text' },
        )}
      </p>
      ${search.partners.map((partner) => this.renderPartner(partner))}
      <form @submit=${(event: Event) => this.send(event)} novalidate>
        <fieldset>
          <legend>${msg('My proposals', { id: 'tandem.findTime.mine' })}</legend>
          <ul>
            ${this.drafts.map((draft, index) => this.renderDraft(draft, index))}
          </ul>
          <button type="button" class="secondary" @click=${() => this.addRow()}>
            ${msg('Add another time', { id: 'tandem.findTime.add' })}
          </button>
        </fieldset>
        ${this.error ? errorMessage(this.error) : null}
        <div class="actions">
          <button type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>
            ${msg('Send my times', { id: 'tandem.findTime.send' })}
          </button>
        </div>
      </form>
    </div>`;
  }

  private renderPartner(partner: NonNullable<FindATime>['partners'][number]) {
    if (partner.proposals.length === 0)
      return html`<p>
        ${msg(str`${partner.name} has not proposed any times yet.`, { id: 'tandem.findTime.waiting' })}
      </p>`;
    return html`<h4>${msg(str`Times ${partner.name} proposes`, { id: 'tandem.findTime.theirs' })}</h4>
      <ul>
        ${partner.proposals.map(
          (proposal) => html`<li>
            <time datetime=${proposal.startsAt}>${formatDateTime(proposal.startsAt)}</time>
            <button
              type="button"
              aria-disabled=${this.busy ? 'true' : 'false'}
              @click=${() => this.pick(proposal.id)}
            >
              ${msg('Pick this one', { id: 'tandem.findTime.pick' })}
            </button>
          </li>`,
        )}
      </ul>`;
  }

  private renderDraft(draft: string, index: number) {
    const id = `proposal-${index}`;
    return html`<li>
      <label for=${id}>${msg(str`Time ${index + 1}`, { id: 'tandem.findTime.time' })}</label>
      <input
        id=${id}
        type="datetime-local"
        .value=${draft}
        @input=${(event: Event) => {
          const value = (event.target as HTMLInputElement).value;
          this.drafts = this.drafts.map((old, i) => (i === index ? value : old));
        }}
      />
      <button type="button" class="secondary" @click=${() => this.removeRow(index)}>
        ${msg(str`Remove time ${index + 1}`, { id: 'tandem.findTime.remove' })}
      </button>
    </li>`;
  }

  private addRow(): void {
    this.drafts = [...this.drafts, ''];
  }

  private removeRow(index: number): void {
    const left = this.drafts.filter((_, i) => i !== index);
    this.drafts = left.length ? left : [''];
  }

  /** Sends the filled-in times; with none, my earlier proposals are withdrawn. */
  private async send(event: Event): Promise<void> {
    event.preventDefault();
    const starts = this.drafts.filter(Boolean).map((draft) => new Date(draft).toISOString());
    await this.act(async () => {
      const search = await proposeTimes(this.pairId, starts);
      this.latest = search;
      this.drafts = draftsOf(search);
      announce(
        starts.length
          ? msg('Your times have been sent.', { id: 'tandem.findTime.sent' })
          : msg('Your times have been withdrawn.', { id: 'tandem.findTime.withdrawn' }),
      );
    });
  }

  private async pick(proposalId: string): Promise<void> {
    await this.act(async () => {
      const meeting = await pickTime(this.pairId, proposalId);
      announce(
        msg('The meeting is planned. Tandem sends the invitations.', {
          id: 'tandem.findTime.picked',
        }),
      );
      this.dispatchEvent(
        new CustomEvent<Meeting>(MEETING_PLANNED, {
          detail: meeting,
          bubbles: true,
          composed: true,
        }),
      );
    });
  }

  private async act(action: () => Promise<void>): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.error = undefined;
    try {
      await action();
    } catch (error) {
      this.error = error;
    } finally {
      this.busy = false;
    }
  }
}

/** My proposals as input values, and one empty row when I have none. */
function draftsOf(search: FindATime): string[] {
  const mine = search?.mine.map((proposal) => toLocalInput(proposal.startsAt)) ?? [];
  return mine.length ? mine : [''];
}

declare global {
  interface HTMLElementTagNameMap {
    'tandem-find-a-time': TandemFindATime;
  }
}
