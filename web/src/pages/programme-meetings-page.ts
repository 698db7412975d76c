import { localized, msg, str } from '@lit/localize';
import { Task } from '@lit/task';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { formatTimeRange } from '../components/date-time.js';
import { tableRegion } from '../components/table-region.js';
import { taskView } from '../components/task-view.js';
import {
  MEETING_STATES,
  type MeetingState,
  type ProgrammeMeeting,
  readProgrammeMeetings,
} from '../data/admin-meetings.js';
import { readProgramme } from '../data/matching.js';
import { plural } from '../i18n/plural.js';
import { sharedStyles } from '../styles/shared-styles.js';

/** The meetings Tandem planned for a programme's pairs, with who answered what. */
@localized()
@customElement('tandem-programme-meetings-page')
export class TandemProgrammeMeetingsPage extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      .filter {
        display: flex;
        flex-wrap: wrap;
        align-items: end;
        gap: 0.5rem 1rem;
        margin-bottom: 1rem;
      }
      ul.plain {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      td.when {
        white-space: nowrap;
      }
    `,
  ];

  @property({ attribute: false }) accessor params: Record<string, string> = {};
  @state() private accessor stateFilter: MeetingState | '' = '';

  private readonly programme = new Task(this, {
    task: ([id], { signal }) => readProgramme(id, signal),
    args: () => [this.params.id ?? ''] as const,
  });

  private readonly meetings = new Task(this, {
    task: ([id, filter], { signal }) =>
      readProgrammeMeetings(id, filter ? { state: filter } : {}, signal),
    args: () => [this.params.id ?? '', this.stateFilter] as const,
  });

  override render() {
    // The heading is there from the first render: the shell focuses it and names the tab by it.
    const name = this.programme.value?.name;
    return html`<h1 tabindex="-1">
        ${
          name
            ? msg(str`Meetings: ${name}`, { id: 'adminMeetings.title' })
            : msg('Meetings', { id: 'adminMeetings.titleShort' })
        }
      </h1>
      ${taskView(
        this.programme,
        (programme) => html`
        <p>
          <a href=${`/admin/programmes/${encodeURIComponent(programme.id)}/matching`}
            >${msg('Matching of this programme', { id: 'adminMeetings.matchingLink' })}</a
          >
        </p>
        <div class="filter">
          <div>
            <label for="state">${msg('Show meetings', { id: 'adminMeetings.filter' })}</label>
            <select id="state" @change=${this.onFilter}>
              <option value="" ?selected=${this.stateFilter === ''}>
                ${msg('All', { id: 'adminMeetings.filter.all' })}
              </option>
              ${MEETING_STATES.map(
                (value) =>
                  html`<option value=${value} ?selected=${this.stateFilter === value}>
                    ${stateLabel(value)}
                  </option>`,
              )}
            </select>
          </div>
        </div>
        ${taskView(this.meetings, (meetings) => this.renderTable(meetings))}
      `,
      )}`;
  }

  private onFilter(event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    this.stateFilter = MEETING_STATES.find((s) => s === value) ?? '';
  }

  private renderTable(meetings: ProgrammeMeeting[]) {
    if (meetings.length === 0)
      return html`<p role="status">
        ${msg('No meetings match.', { id: 'adminMeetings.none' })}
      </p>`;
    return html`<p role="status" class="muted">
        ${plural(meetings.length, {
          one: msg(str`${meetings.length} meeting`, { id: 'adminMeetings.count.one' }),
          other: msg(str`${meetings.length} meetings`, { id: 'adminMeetings.count' }),
        })}
      </p>
      ${tableRegion(
        msg('Meetings of the pairs', { id: 'adminMeetings.caption' }),
        html`<thead>
            <tr>
              <th scope="col">${msg('Pair', { id: 'adminMeetings.col.members' })}</th>
              <th scope="col">${msg('Session', { id: 'adminMeetings.col.session' })}</th>
              <th scope="col">${msg('Time', { id: 'adminMeetings.col.time' })}</th>
              <th scope="col">${msg('Place', { id: 'adminMeetings.col.place' })}</th>
              <th scope="col">${msg('State', { id: 'adminMeetings.col.state' })}</th>
              <th scope="col">${msg('Responses', { id: 'adminMeetings.col.responses' })}</th>
            </tr>
          </thead>
          <tbody>
            ${meetings.map((meeting) => this.renderRow(meeting))}
          </tbody>`,
      )}`;
  }

  private renderRow(meeting: ProgrammeMeeting) {
    return html`<tr>
      <th scope="row">${meeting.members.map((m) => m.name).join(' & ')}</th>
      <td>${meeting.sessionTitle}</td>
      <td class="when">${formatTimeRange(meeting.startsAt, meeting.endsAt)}</td>
      <td>
        ${meeting.location ?? nothing}
        ${
          meeting.link
            ? html`${meeting.location ? html`<br />` : nothing}<a href=${meeting.link}
                >${msg('Video link', { id: 'adminMeetings.link' })}</a
              >`
            : nothing
        }
        ${!meeting.location && !meeting.link ? '–' : nothing}
      </td>
      <td>${stateLabel(meeting.state)}</td>
      <td>
        <ul class="plain">
          ${meeting.members.map(
            (member) =>
              html`<li>
                ${member.name}: ${responseLabel(meeting.responses[member.userId])}
                ${
                  meeting.calendarsUnread.includes(member.userId)
                    ? html`<br /><small
                          >${msg('time chosen without their calendar', {
                            id: 'adminMeetings.calendarUnread',
                          })}</small
                        >`
                    : nothing
                }
              </li>`,
          )}
        </ul>
      </td>
    </tr>`;
  }
}

function stateLabel(value: MeetingState): string {
  switch (value) {
    case 'planned':
      return msg('Planned', { id: 'adminMeetings.state.planned' });
    case 'held':
      return msg('Held', { id: 'adminMeetings.state.held' });
    case 'cancelled':
      return msg('Cancelled', { id: 'adminMeetings.state.cancelled' });
  }
}

function responseLabel(value: ProgrammeMeeting['responses'][string] | undefined): string {
  switch (value) {
    case 'accepted':
      return msg('accepted', { id: 'adminMeetings.rsvp.accepted' });
    case 'tentative':
      return msg('maybe', { id: 'adminMeetings.rsvp.tentative' });
    case 'declined':
      return msg('declined', { id: 'adminMeetings.rsvp.declined' });
    default:
      return msg('no answer yet', { id: 'adminMeetings.rsvp.pending' });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tandem-programme-meetings-page': TandemProgrammeMeetingsPage;
  }
}
