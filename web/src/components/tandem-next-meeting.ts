import { localized, msg, str } from '@lit/localize';
import { Task } from '@lit/task';
import { css, html, LitElement } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import {
  answerInvitation,
  listMyMeetings,
  type Meeting,
  nextMeeting,
  type Rsvp,
  type RsvpResponse,
} from '../data/meetings.js';
import { RealtimeController } from '../data/realtime-controller.js';
import { getLocale } from '../i18n/locale.js';
import { sharedStyles } from '../styles/shared-styles.js';
import { announce } from './announcer.js';
import { formatDateTime, formatTime, toLocalInput } from './date-time.js';
import { dialogFormActions } from './dialog-actions.js';
import type { TandemDialog } from './tandem-dialog.js';
import './tandem-dialog.js';
import './tandem-find-a-time.js';
import { errorMessage, taskView } from './task-view.js';

/**
 * A pair's next meeting: when, where, who said what, and my answer to the invitation; without
 * one, finding a time together.
 */
@localized()
@customElement('tandem-next-meeting')
export class TandemNextMeeting extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      .when {
        font-size: 1.15rem;
        font-weight: 700;
        margin: 0 0 0.5rem;
      }
      dl {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: 0.25rem 1rem;
        margin: 0 0 0.5rem;
      }
      dt {
        font-weight: 600;
      }
      dd {
        margin: 0;
        overflow-wrap: anywhere;
      }
      @media (max-width: 30rem) {
        dl {
          grid-template-columns: 1fr;
        }
        dd {
          margin-bottom: 0.5rem;
        }
      }
      .answer {
        font-weight: 600;
      }
    `,
  ];

  @property({ attribute: false }) accessor pairId = '';
  /**
   * The meeting as it is now, after my answer or a live update (null: none any more); it
   * replaces what the task loaded without showing "Loading…" again, so focus stays put.
   */
  @state() private accessor latest: Meeting | null | undefined;
  @state() private accessor busy = false;
  @state() private accessor error: unknown;
  /** Errors show where the person acted: beside the buttons, or inside the open dialog. */
  @state() private accessor errorInDialog = false;
  @state() private accessor proposal = '';
  @state() private accessor proposalInvalid = false;
  /** The proposal dialog is open: live updates wait, so the form does not change under it. */
  private proposing = false;
  @query('tandem-dialog') private accessor dialog!: TandemDialog;

  private readonly meetings = new Task(this, {
    task: async ([pairId], { signal }) => {
      this.latest = undefined;
      return nextMeeting(await listMyMeetings(signal), pairId);
    },
    args: () => [this.pairId] as const,
  });

  override render() {
    return taskView(this.meetings, (loaded) => {
      const meeting = this.latest === undefined ? loaded : (this.latest ?? undefined);
      if (!meeting) {
        return html`<tandem-find-a-time
          .pairId=${this.pairId}
          @tandem-meeting-planned=${(event: CustomEvent<Meeting>) => {
            this.latest = event.detail;
          }}
        ></tandem-find-a-time>`;
      }
      return this.renderMeeting(meeting);
    });
  }

  private renderMeeting(meeting: Meeting) {
    const end = formatTime(meeting.endsAt);
    return html`<div class="card">
      <p class="when">
        <time datetime=${meeting.startsAt}>${formatDateTime(meeting.startsAt)}</time>
        ${msg(str`until ${end}`, { id: 'tandem.meeting.until' })}
      </p>
      <dl>
        <dt>${msg('Topic', { id: 'tandem.meeting.topic' })}</dt>
        <dd>${meeting.titles?.[getLocale() === 'en' ? 'en' : 'de'] ?? meeting.title}</dd>
        ${
          meeting.location
            ? html`<dt>${msg('Place', { id: 'tandem.meeting.place' })}</dt>
              <dd>${meeting.location}</dd>`
            : null
        }
        ${
          meeting.link
            ? html`<dt>${msg('Video call', { id: 'tandem.meeting.video' })}</dt>
              <dd>
                <a href=${meeting.link} target="_blank" rel="noopener noreferrer"
                  >${msg('Join the video call', { id: 'tandem.meeting.join' })}<span class="visually-hidden">
                    ${msg('(opens in a new tab)', { id: 'tandem.meeting.newTab' })}</span
                  ></a
                >
              </dd>`
            : null
        }
        ${meeting.partners.map(
          (partner) => html`<dt>${partner.name}</dt>
            <dd>${responseLabel(partner.response)}</dd>`,
        )}
        <dt>${msg('My answer', { id: 'tandem.meeting.myAnswer' })}</dt>
        <dd class="answer">${responseLabel(meeting.myResponse)}</dd>
      </dl>
      ${this.error && !this.errorInDialog ? errorMessage(this.error) : null}
      <div class="actions">
        <button
          type="button"
          aria-disabled=${this.busy || meeting.myResponse === 'accepted' ? 'true' : 'false'}
          @click=${() => this.answerNow(meeting, { response: 'accepted' })}
        >
          ${msg('Accept', { id: 'tandem.meeting.accept' })}
        </button>
        <button
          type="button"
          class="secondary"
          aria-disabled=${this.busy || meeting.myResponse === 'tentative' ? 'true' : 'false'}
          @click=${() => this.answerNow(meeting, { response: 'tentative' })}
        >
          ${msg('Maybe', { id: 'tandem.meeting.maybe' })}
        </button>
        <button
          type="button"
          class="secondary"
          aria-disabled=${this.busy || meeting.myResponse === 'declined' ? 'true' : 'false'}
          @click=${() => this.answerNow(meeting, { response: 'declined' })}
        >
          ${msg('Decline', { id: 'tandem.meeting.decline' })}
        </button>
        <button
          type="button"
          class="secondary"
          aria-disabled=${this.busy ? 'true' : 'false'}
          @click=${() => this.openProposal(meeting)}
        >
          ${msg('Propose another time', { id: 'tandem.meeting.propose' })}
        </button>
      </div>
      <p class="hint">
        ${msg(
          'If you decline without proposing a time, Tandem moves the meeting to the next time you are both free.',
          { id: 'tandem.meeting.declineHint' },
        )}
      </p>
      ${this.renderDialog(meeting)}
    </div>`;
  }

  private renderDialog(meeting: Meeting) {
    const invalid = this.proposalInvalid;
    return html`<tandem-dialog
      heading=${msg('Propose another time', { id: 'tandem.meeting.propose' })}
      @close=${() => {
        this.proposing = false;
        this.errorInDialog = false;
        this.error = undefined;
      }}
    >
      <form id="proposal" @submit=${(event: Event) => this.propose(event, meeting)} novalidate>
        <p>
          ${msg(
            'Your partner is told about your proposal and can accept it or answer with another one.',
            { id: 'tandem.meeting.proposeText' },
          )}
        </p>
        <div class="field">
          <label for="start">${msg('New date and time', { id: 'tandem.meeting.newStart' })}</label>
          <input
            id="start"
            type="datetime-local"
            required
            .value=${this.proposal}
            aria-invalid=${invalid ? 'true' : 'false'}
            aria-describedby=${invalid ? 'start-error' : ''}
            @input=${(event: Event) => {
              this.proposal = (event.target as HTMLInputElement).value;
            }}
          />
          ${
            invalid
              ? html`<p id="start-error" role="alert" class="error-text">
                ${msg('Please choose a date and time in the future.', { id: 'tandem.meeting.startInvalid' })}
              </p>`
              : null
          }
        </div>
        ${this.error && this.errorInDialog ? errorMessage(this.error) : null}
      </form>
      ${dialogFormActions({
        form: 'proposal',
        submit: msg('Send proposal', { id: 'tandem.meeting.sendProposal' }),
        cancel: msg('Cancel', { id: 'tandem.meeting.cancel' }),
        busy: this.busy,
        onCancel: () => this.dialog.close(),
      })}
    </tandem-dialog>`;
  }

  /**
   * A new inbox message often means the meeting moved (the partner proposed another time);
   * look again quietly, unless the person is in the middle of answering.
   */
  protected readonly realtime = new RealtimeController(this, ['inbox', 'resync'], () => {
    if (this.busy || this.proposing) return;
    void listMyMeetings()
      .then((meetings) => {
        this.latest = nextMeeting(meetings, this.pairId) ?? null;
      })
      .catch(() => undefined);
  });

  private async openProposal(meeting: Meeting): Promise<void> {
    if (this.busy) return;
    this.proposal = toLocalInput(meeting.startsAt);
    this.proposalInvalid = false;
    this.error = undefined;
    this.errorInDialog = true;
    this.proposing = true;
    await this.dialog.show();
  }

  private async propose(event: Event, meeting: Meeting): Promise<void> {
    event.preventDefault();
    const start = this.proposal ? new Date(this.proposal) : undefined;
    if (!start || Number.isNaN(start.getTime()) || start.getTime() <= Date.now()) {
      this.proposalInvalid = true;
      return;
    }
    this.proposalInvalid = false;
    const done = await this.answer(meeting, {
      response: 'declined',
      proposedStart: start.toISOString(),
    });
    if (done) this.dialog.close();
  }

  private answerNow(meeting: Meeting, rsvp: Rsvp): void {
    // Answering again what one already answered changes nothing; the button says so.
    if (meeting.myResponse === rsvp.response) return;
    this.errorInDialog = false;
    void this.answer(meeting, rsvp);
  }

  private async answer(meeting: Meeting, rsvp: Rsvp): Promise<boolean> {
    if (this.busy) return false;
    this.busy = true;
    this.error = undefined;
    try {
      // Names the version answered: a second click after the meeting moved is refused, not
      // applied to the new time.
      this.latest = await answerInvitation(meeting.id, { ...rsvp, sequence: meeting.sequence });
      announce(answeredText(rsvp));
      return true;
    } catch (error) {
      this.error = error;
      return false;
    } finally {
      this.busy = false;
    }
  }
}

function answeredText(rsvp: Rsvp): string {
  if (rsvp.response === 'accepted') {
    return msg('You accepted the meeting.', { id: 'tandem.meeting.accepted' });
  }
  if (rsvp.response === 'tentative') {
    return msg('You answered maybe; the time stays.', { id: 'tandem.meeting.tentative' });
  }
  return 'proposedStart' in rsvp && rsvp.proposedStart
    ? msg('Your proposal has been sent.', { id: 'tandem.meeting.proposalSent' })
    : msg('You declined the meeting.', { id: 'tandem.meeting.declined' });
}

function responseLabel(response: RsvpResponse): string {
  switch (response) {
    case 'accepted':
      return msg('Accepted', { id: 'tandem.meeting.response.accepted' });
    case 'tentative':
      return msg('Maybe', { id: 'tandem.meeting.response.tentative' });
    case 'declined':
      return msg('Declined', { id: 'tandem.meeting.response.declined' });
    default:
      return msg('No answer yet', { id: 'tandem.meeting.response.pending' });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tandem-next-meeting': TandemNextMeeting;
  }
}
