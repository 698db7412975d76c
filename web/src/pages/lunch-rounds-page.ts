import { localized, msg, str } from '@lit/localize';
import { Task } from '@lit/task';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { formatDate, formatTimeRange } from '../components/date-time.js';
import { tableRegion } from '../components/table-region.js';
import { taskView } from '../components/task-view.js';
import { type LunchRound, type LunchRounds, readLunchRounds } from '../data/lunch.js';
import { readProgramme } from '../data/matching.js';
import { sharedStyles } from '../styles/shared-styles.js';

type Group = LunchRound['groups'][number];

/** A lunch programme's rounds for its admins: groups and their lunch, who sat out, what next. */
@localized()
@customElement('tandem-lunch-rounds-page')
export class TandemLunchRoundsPage extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      section {
        margin-top: 2rem;
      }
      td.when {
        white-space: nowrap;
      }
    `,
  ];

  @property({ attribute: false }) accessor params: Record<string, string> = {};

  private readonly programme = new Task(this, {
    task: ([id], { signal }) => readProgramme(id, signal),
    args: () => [this.params.id ?? ''] as const,
  });

  private readonly rounds = new Task(this, {
    task: ([id], { signal }) => readLunchRounds(id, signal),
    args: () => [this.params.id ?? ''] as const,
  });

  override render() {
    // The heading is there from the first render: the shell focuses it and names the tab by it.
    const name = this.programme.value?.name;
    const id = encodeURIComponent(this.params.id ?? '');
    return html`<p><a href=${`/admin/programmes/${id}`}>${msg('Back to the programme', { id: 'lunch.admin.back' })}</a></p>
      <h1 tabindex="-1">
        ${
          name
            ? msg(str`Lunch rounds: ${name}`, { id: 'lunch.admin.title' })
            : msg('Lunch rounds', { id: 'lunch.admin.titleShort' })
        }
      </h1>
      ${taskView(this.rounds, (rounds) => this.renderRounds(rounds))}`;
  }

  private renderRounds(view: LunchRounds) {
    return html`${this.renderNext(view)}
      ${
        view.rounds.length
          ? view.rounds.map((round) => this.renderRound(round))
          : html`<p>${msg('No round has been drawn yet.', { id: 'lunch.admin.none' })}</p>`
      }`;
  }

  private renderNext(view: LunchRounds) {
    const skipping = view.skippingNext.map((p) => p.name).join(', ');
    return html`<section aria-labelledby="next-heading" class="card">
      <h2 id="next-heading">${msg('Next round', { id: 'lunch.admin.next' })}</h2>
      <p>
        ${
          view.nextRoundAt
            ? msg(str`Drawn on ${formatDate(view.nextRoundAt, 'long')}.`, {
                id: 'lunch.admin.nextAt',
              })
            : msg('No round is planned: the programme is not running.', {
                id: 'lunch.admin.notRunning',
              })
        }
      </p>
      <p>
        ${
          skipping
            ? msg(str`Sitting it out: ${skipping}`, { id: 'lunch.admin.skipping' })
            : msg('Nobody has asked to sit it out.', { id: 'lunch.admin.skippingNone' })
        }
      </p>
    </section>`;
  }

  private renderRound(round: LunchRound) {
    const number = round.number;
    const heading = `round-${number}`;
    const satOut = round.satOut.map((p) => p.name).join(', ');
    return html`<section aria-labelledby=${heading}>
      <h2 id=${heading}>${msg(str`Round ${number}`, { id: 'lunch.admin.round' })}</h2>
      <p class="muted">
        ${msg(str`Drawn on ${formatDate(round.drawnAt, 'long')}`, { id: 'lunch.admin.drawnAt' })}
      </p>
      ${tableRegion(
        msg(str`Groups of round ${number}`, { id: 'lunch.admin.caption' }),
        html`<thead>
            <tr>
              <th scope="col">${msg('Group', { id: 'lunch.admin.col.group' })}</th>
              <th scope="col">${msg('Lunch', { id: 'lunch.admin.col.lunch' })}</th>
              <th scope="col">${msg('Place', { id: 'lunch.admin.col.place' })}</th>
            </tr>
          </thead>
          <tbody>
            ${round.groups.map((group) => this.renderGroup(group))}
          </tbody>`,
      )}
      <p>
        ${
          satOut
            ? msg(str`Sat out: ${satOut}`, { id: 'lunch.admin.satOut' })
            : msg('Nobody sat out.', { id: 'lunch.admin.satOutNone' })
        }
      </p>
    </section>`;
  }

  private renderGroup(group: Group) {
    const names = group.members.map((m) => m.name).join(', ');
    return html`<tr>
      <th scope="row">
        ${names}
        ${
          group.state === 'dissolved'
            ? html` (${msg('dissolved', { id: 'lunch.admin.dissolved' })})`
            : nothing
        }
      </th>
      <td class="when">
        ${group.lunch ? formatTimeRange(group.lunch.startsAt, group.lunch.endsAt) : msg('not planned yet', { id: 'lunch.admin.unplanned' })}
      </td>
      <td>${group.lunch?.location ?? '–'}</td>
    </tr>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tandem-lunch-rounds-page': TandemLunchRoundsPage;
  }
}
