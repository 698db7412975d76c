import { consume } from '@lit/context';
import { localized, msg, str } from '@lit/localize';
import { Task } from '@lit/task';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { announce } from '../components/announcer.js';
import type { TandemDialog } from '../components/tandem-dialog.js';
import { errorText, taskView } from '../components/task-view.js';
import '../components/tandem-dialog.js';
import '../components/tandem-lunch-status.js';
import '../components/tandem-open-surveys.js';
import { formatDate } from '../components/date-time.js';
import { type Approval, listMyApprovals } from '../data/approvals.js';
import { withdraw } from '../data/enrolment.js';
import type { Me } from '../data/me.js';
import {
  listMyPairs,
  listMyProgrammes,
  type PairView,
  type ParticipantProgramme,
} from '../data/programmes.js';
import { plural } from '../i18n/plural.js';
import { sessionContext } from '../session/session-context.js';
import { signInHref } from '../session/sign-in.js';
import { sharedStyles } from '../styles/shared-styles.js';
import { formatLabel, kindLabel, programmeStateLabel, roleLabel } from './participant-texts.js';

interface Overview {
  programmes: ParticipantProgramme[];
  pairs: PairView[];
  /** How many requests for approval wait for me as a line manager. */
  approvalsWaiting: number;
}

/** The start page: a welcome and "Sign in" for visitors, my programmes for participants. */
@localized()
@customElement('tandem-home-page')
export class TandemHomePage extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      section {
        margin-top: 2rem;
      }
      ul.cards {
        list-style: none;
        padding: 0;
        margin: 0;
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 22rem), 1fr));
        gap: 1rem;
      }
      ul.cards > li {
        margin: 0;
        display: flex;
        flex-direction: column;
      }
      ul.cards .actions {
        margin-top: auto;
        padding-top: 0.75rem;
      }
      .facts {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem 1rem;
        padding: 0;
        margin: 0 0 0.75rem;
        list-style: none;
      }
      .badge {
        display: inline-block;
        border: 1px solid var(--tandem-border);
        border-radius: 999px;
        padding: 0.1rem 0.6rem;
        font-size: 0.95rem;
      }
      .empty {
        color: var(--tandem-muted);
      }
    `,
  ];

  @consume({ context: sessionContext, subscribe: true })
  accessor me: Me | null = null;

  @state() private accessor withdrawing: ParticipantProgramme | null = null;
  @state() private accessor withdrawError = '';
  @state() private accessor busy = false;
  @query('tandem-dialog') private accessor dialog: TandemDialog | null = null;

  private readonly data = new Task(this, {
    task: async ([signedIn], { signal }): Promise<Overview | null> => {
      if (!signedIn) return null;
      const [programmes, pairs, approvals] = await Promise.all([
        listMyProgrammes(signal),
        // Without pairs the overview still works; it only lacks the links to tandems.
        listMyPairs(signal).catch(() => [] as PairView[]),
        listMyApprovals(signal).catch(() => [] as Approval[]),
      ]);
      const approvalsWaiting = approvals.filter((a) => a.state === 'pending').length;
      return { programmes, pairs, approvalsWaiting };
    },
    args: () => [Boolean(this.me)] as const,
  });

  override render() {
    if (!this.me) return this.renderWelcome();
    const name = this.me.name;
    return html`<h1>${msg(str`Welcome, ${name}`, { id: 'home.welcomeName' })}</h1>
      ${taskView(this.data, (overview) => (overview ? this.renderOverview(overview) : nothing))}
      ${this.renderWithdrawDialog()}`;
  }

  private renderWelcome() {
    return html`
      <h1>${msg('Welcome to Tandem', { id: 'home.welcome' })}</h1>
      <p>
        ${msg(
          'Tandem brings colleagues together: reverse mentoring, classic mentoring and mystery lunches. Sign in with your organisation account to join a programme.',
          { id: 'home.intro' },
        )}
      </p>
      <p><a class="button" href=${signInHref()}>${msg('Sign in', { id: 'home.signIn' })}</a></p>
    `;
  }

  private renderOverview({ programmes, pairs, approvalsWaiting }: Overview) {
    const mine = programmes.filter((p) => p.enrolment && (joining(p) || !p.canEnrol));
    const open = programmes.filter((p) => p.canEnrol && !joining(p));
    return html`${this.renderApprovalsWaiting(approvalsWaiting)}
      <tandem-open-surveys></tandem-open-surveys>
      <section aria-labelledby="mine-heading">
        <h2 id="mine-heading">${msg('My programmes', { id: 'home.mine' })}</h2>
        ${
          mine.length
            ? html`<ul class="cards">
              ${mine.map((p) =>
                this.renderMine(
                  p,
                  pairs.find((pair) => pair.programme.id === p.id),
                ),
              )}
            </ul>`
            : html`<p class="empty">
              ${msg('You are not taking part in a programme yet. Join one below when it is open.', {
                id: 'home.mine.empty',
              })}
            </p>`
        }
      </section>
      <section aria-labelledby="open-heading">
        <h2 id="open-heading">${msg('Open for enrolment', { id: 'home.open' })}</h2>
        ${
          open.length
            ? html`<ul class="cards">
              ${open.map((p) => this.renderOpen(p))}
            </ul>`
            : html`<p class="empty">${this.noneOpenText(mine)}</p>`
        }
      </section>`;
  }

  /** For a line manager: colleagues who wait for their approval, and the way to answer. */
  private renderApprovalsWaiting(count: number) {
    if (count === 0) return nothing;
    return html`<section aria-labelledby="approvals-heading">
      <h2 id="approvals-heading">${msg('Approvals', { id: 'approvals.title' })}</h2>
      <p>
        ${plural(count, {
          one: msg('One colleague waits for your approval to take part in a programme.', {
            id: 'home.approvalsWaiting.one',
          }),
          other: msg(str`${count} colleagues wait for your approval to take part in a programme.`, {
            id: 'home.approvalsWaiting',
          }),
        })}
      </p>
      <p><a class="button" href="/approvals">${msg('Answer now', { id: 'home.approvalsAnswer' })}</a></p>
    </section>`;
  }

  /**
   * Why nothing is listed as open: a programme above may still be badged "enrolment open", as
   * the person has joined it already; then the page says so instead of "nothing is open".
   */
  private noneOpenText(mine: ParticipantProgramme[]): string {
    if (mine.some((p) => p.canEnrol && joining(p)))
      return msg(
        'You have joined every programme that is open for enrolment. You will hear about new ones in your inbox.',
        { id: 'home.open.allJoined' },
      );
    return msg(
      'No programme is open for enrolment right now. You will hear about new ones in your inbox.',
      { id: 'home.open.empty' },
    );
  }

  private renderOpen(programme: ParticipantProgramme) {
    const id = `open-${programme.id}`;
    return html`<li class="card" aria-labelledby=${id}>
      <h3 id=${id}>${programme.name}</h3>
      <ul class="facts">
        <li><span class="badge">${kindLabel(programme.kind)}</span></li>
        <li>${this.windowText(programme)}</li>
      </ul>
      ${programme.description ? html`<p>${shortText(programme.description)}</p>` : nothing}
      <p class="muted">
        ${this.sessionsText(programme)}
      </p>
      ${
        programme.enrolment?.state === 'withdrawn'
          ? html`<p class="muted">
            ${msg('You withdrew earlier; you can join again.', { id: 'home.withdrawnEarlier' })}
          </p>`
          : nothing
      }
      <div class="actions">
        <a
          class="button"
          href=${`/programmes/${programme.id}/enrol`}
          aria-label=${`${msg('Join', { id: 'home.join' })}: ${programme.name}`}
          >${msg('Join', { id: 'home.join' })}</a
        >
      </div>
    </li>`;
  }

  private renderMine(programme: ParticipantProgramme, pair: PairView | undefined) {
    const id = `mine-${programme.id}`;
    const enrolment = programme.enrolment;
    if (!enrolment) return nothing;
    const active = enrolment.state === 'active';
    return html`<li class="card" aria-labelledby=${id}>
      <h3 id=${id}>${programme.name}</h3>
      <ul class="facts">
        <li><span class="badge">${kindLabel(programme.kind)}</span></li>
        <li>${stateText(programme)}</li>
      </ul>
      <p>${enrolmentText(programme, enrolment)}</p>
      ${active ? this.renderPairState(programme, pair) : nothing}
      ${
        joining(programme)
          ? html`<div class="actions">
            ${
              pair
                ? html`<a
                  class="button"
                  href=${`/tandem/${pair.id}`}
                  aria-label=${`${msg('Open my tandem', { id: 'home.openTandem' })}: ${programme.name}`}
                  >${msg('Open my tandem', { id: 'home.openTandem' })}</a
                >`
                : nothing
            }
            ${
              !pair && programme.selfService
                ? html`<a
                  class="button"
                  href=${`/programmes/${programme.id}/partners`}
                  aria-label=${`${msg('Choose your tandem', { id: 'selfService.title' })}: ${programme.name}`}
                  >${msg('Choose your tandem', { id: 'selfService.title' })}</a
                >`
                : nothing
            }
            ${
              programme.canEnrol
                ? html`<a
                  class="button secondary"
                  href=${`/programmes/${programme.id}/enrol`}
                  aria-label=${`${msg('Change enrolment', { id: 'home.change' })}: ${programme.name}`}
                  >${msg('Change enrolment', { id: 'home.change' })}</a
                >`
                : nothing
            }
            <button
              type="button"
              class="secondary"
              aria-label=${`${msg('Withdraw', { id: 'home.withdraw' })}: ${programme.name}`}
              @click=${() => this.askWithdraw(programme)}
            >
              ${msg('Withdraw', { id: 'home.withdraw' })}
            </button>
          </div>`
          : nothing
      }
    </li>`;
  }

  private renderPairState(programme: ParticipantProgramme, pair: PairView | undefined) {
    // A lunch programme has rounds, not one tandem: this round's lunch, the next, "skip".
    if (programme.kind === 'peer-lunch' && programme.state === 'running')
      return html`<tandem-lunch-status .programmeId=${programme.id}></tandem-lunch-status>`;
    if (pair) {
      const names = pair.partners.map((p) => p.name).join(', ');
      return html`<p>${msg(str`Your tandem: ${names}`, { id: 'home.partner' })}</p>`;
    }
    if (programme.selfService)
      return html`<p class="muted">
        ${msg('In this programme you choose your tandem yourself, from the colleagues Tandem suggests.', { id: 'selfService.home' })}
      </p>`;
    if (programme.state === 'enrolment' || programme.state === 'matching')
      return html`<p class="muted">
        ${msg('You will hear from us as soon as your tandem partner is found.', { id: 'home.waiting' })}
      </p>`;
    return html`<p class="muted">
      ${msg('You have no tandem in this programme at the moment.', { id: 'home.noPair' })}
    </p>`;
  }

  private sessionsText(programme: ParticipantProgramme): string {
    const { sessionCount: count, sessionMinutes: minutes } = programme;
    const format = formatLabel(programme.format);
    return plural(count, {
      one: msg(str`${count} session of ${minutes} minutes, ${format}.`, {
        id: 'home.sessions.one',
      }),
      other: msg(str`${count} sessions of ${minutes} minutes, ${format}.`, { id: 'home.sessions' }),
    });
  }

  private windowText(programme: ParticipantProgramme): string {
    const closes = programme.enrolmentClosesAt;
    const opens = programme.enrolmentOpensAt;
    if (opens && closes) {
      const from = formatDate(opens, 'long');
      const to = formatDate(closes, 'long');
      return msg(str`Enrolment from ${from} to ${to}`, { id: 'home.window' });
    }
    if (closes) {
      const to = formatDate(closes, 'long');
      return msg(str`Enrolment open until ${to}`, { id: 'home.windowUntil' });
    }
    return msg('Enrolment open', { id: 'participant.state.enrolment' });
  }

  private renderWithdrawDialog() {
    const programme = this.withdrawing;
    const name = programme?.name ?? '';
    return html`<tandem-dialog
      heading=${msg(str`Withdraw from ${name}?`, { id: 'home.withdraw.heading' })}
      @close=${() => {
        this.withdrawing = null;
        this.withdrawError = '';
      }}
    >
      <p>${msg('If you withdraw:', { id: 'home.withdraw.intro' })}</p>
      <ul>
        <li>${msg('your enrolment ends and you will not be matched any more;', { id: 'home.withdraw.enrolment' })}</li>
        <li>
          ${msg(
            'if you already have a tandem, it is dissolved: your partner is told and matched with someone else, and your planned meetings are cancelled;',
            { id: 'home.withdraw.pair' },
          )}
        </li>
        <li>${msg('you can join again as long as enrolment is open.', { id: 'home.withdraw.again' })}</li>
      </ul>
      ${this.withdrawError ? html`<p role="alert" class="error-text">${this.withdrawError}</p>` : nothing}
      <button slot="actions" type="button" class="secondary" @click=${() => this.dialog?.close()}>
        ${msg('Stay enrolled', { id: 'home.withdraw.cancel' })}
      </button>
      <button slot="actions" type="button" class="danger" ?disabled=${this.busy} @click=${this.confirmWithdraw}>
        ${msg('Withdraw', { id: 'home.withdraw' })}
      </button>
    </tandem-dialog>`;
  }

  private async askWithdraw(programme: ParticipantProgramme): Promise<void> {
    this.withdrawing = programme;
    this.withdrawError = '';
    await this.updateComplete;
    await this.dialog?.show();
  }

  private readonly confirmWithdraw = async () => {
    const programme = this.withdrawing;
    if (!programme) return;
    this.busy = true;
    try {
      await withdraw(programme.id);
      this.dialog?.close();
      const name = programme.name;
      announce(msg(str`You have withdrawn from ${name}.`, { id: 'home.withdraw.done' }));
      await this.data.run();
      // The button that opened the dialog is gone: continue at the list of my programmes.
      this.renderRoot.querySelector<HTMLElement>('#mine-heading')?.setAttribute('tabindex', '-1');
      this.renderRoot.querySelector<HTMLElement>('#mine-heading')?.focus();
    } catch (error) {
      this.withdrawError = errorText(error);
    } finally {
      this.busy = false;
    }
  };
}

/** The first paragraph of a description, cut at about 280 characters. */
function shortText(text: string): string {
  const first = text.split(/\n\s*\n/)[0] ?? text;
  return first.length > 280 ? `${first.slice(0, 277).trimEnd()}…` : first;
}

/**
 * The programme's stage as the card badges it. "Enrolment open" only while it is: a programme
 * in enrolment whose window has closed or not yet opened says so, as the list of open ones does.
 */
/** Whether the person takes part or is on the way in (waiting for approval or a place). */
function joining(programme: ParticipantProgramme): boolean {
  const state = programme.enrolment?.state;
  return state === 'active' || state === 'awaiting-approval' || state === 'waitlisted';
}

/** How the person's enrolment stands, in a sentence. */
function enrolmentText(
  programme: ParticipantProgramme,
  enrolment: NonNullable<ParticipantProgramme['enrolment']>,
): string {
  switch (enrolment.state) {
    case 'active':
      return msg(str`Your role: ${roleLabel(enrolment.role, programme.kind)}`, {
        id: 'home.myRole',
      });
    case 'awaiting-approval':
      return msg('Your enrolment waits for your line manager to approve it.', {
        id: 'home.awaitingApproval',
      });
    case 'waitlisted': {
      const place = enrolment.waitlistPosition ?? 1;
      return msg(
        str`The programme is full: you are on the waitlist, at place ${place}. When a place frees, you move up.`,
        { id: 'home.waitlisted' },
      );
    }
    case 'declined':
      return msg('Your line manager did not approve your enrolment.', { id: 'home.declined' });
    case 'expired':
      return msg('Your line manager did not answer in time; your enrolment has run out.', {
        id: 'home.approvalExpired',
      });
    case 'withdrawn':
      return msg('You have withdrawn from this programme.', { id: 'home.withdrawn' });
  }
}

function stateText(programme: ParticipantProgramme): string {
  const now = Date.now();
  if (programme.state === 'enrolment') {
    const { enrolmentOpensAt: opens, enrolmentClosesAt: closes } = programme;
    if (closes && Date.parse(closes) < now)
      return msg('Enrolment closed', { id: 'home.state.enrolmentClosed' });
    if (opens && Date.parse(opens) > now) {
      const date = formatDate(opens, 'long');
      return msg(str`Enrolment opens on ${date}`, { id: 'home.state.enrolmentOpens' });
    }
  }
  return programmeStateLabel(programme.state);
}

declare global {
  interface HTMLElementTagNameMap {
    'tandem-home-page': TandemHomePage;
  }
}
