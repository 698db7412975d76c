import { localized, msg, str } from '@lit/localize';
import { Task, TaskStatus } from '@lit/task';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { announce } from '../components/announcer.js';
import { errorMessage, taskView } from '../components/task-view.js';
import '../components/tandem-avatar.js';
import '../components/tandem-glossary-game.js';
import '../components/tandem-lunch-status.js';
import '../components/tandem-mismatch.js';
import '../components/tandem-next-meeting.js';
import '../components/tandem-pair-goals.js';
import '../components/tandem-pair-notes.js';
import '../components/tandem-plan-tailor.js';
import '../components/tandem-question-list.js';
import '../components/tandem-session-plan.js';
import { continuePair, listMyPairs, type Pair, type PairRole, readPair } from '../data/pairs.js';
import { listMyProgrammes, type ParticipantProgramme } from '../data/programmes.js';
import { RealtimeController } from '../data/realtime-controller.js';
import { sharedStyles } from '../styles/shared-styles.js';

/**
 * My tandem: at /tandem my current pair (or, with several, a list of them), at /tandem/:pairId
 * one pair: partner, next meeting, session plan and its tailoring, the question list, the Q&A
 * game (when the curriculum has a glossary), private notes, and the quiet way out.
 */
@localized()
@customElement('tandem-tandem-page')
export class TandemTandemPage extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      .partner {
        display: flex;
        gap: 1rem;
        align-items: center;
        flex-wrap: wrap;
      }
      .partner p {
        margin: 0;
      }
      .partner .name {
        font-weight: 700;
        font-size: 1.1rem;
      }
      .partners {
        display: grid;
        gap: 1rem;
        grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr));
      }
      .stale {
        background: var(--tandem-warning-bg);
      }
      .pairs {
        list-style: none;
        padding: 0;
        margin: 0;
      }
      .pairs p {
        margin-bottom: 0;
      }
      .programme {
        margin-top: -0.5rem;
      }
      section {
        margin-top: 2rem;
      }
      .done p {
        max-width: 40rem;
      }
    `,
  ];

  @property({ attribute: false }) accessor params: Record<string, string> = {};
  /** The pair after a change made on this page (it replaces what the task loaded). */
  @state() private accessor changed: Pair | undefined;
  /** Set once the member said "this doesn't fit": the page turns into a calm confirmation. */
  @state() private accessor dissolved = false;
  /** The session just held, when its "Progress on your goals" brought the reader to the goals. */
  @state() private accessor goalSession: string | undefined;
  @state() private accessor continueError: unknown;

  private readonly data = new Task(this, {
    task: async ([pairId], { signal }): Promise<Pair[]> => {
      this.changed = undefined;
      this.dissolved = false;
      if (pairId) return [await readPair(pairId, signal)];
      return listMyPairs(signal);
    },
    args: () => [this.params.pairId] as const,
  });

  /**
   * With no tandem, the running lunch programmes the person takes part in: between rounds, or
   * sitting one out, they have no group, but their lunches go on and are shown instead.
   */
  private readonly lunches = new Task(this, {
    task: async ([noPair], { signal }): Promise<ParticipantProgramme[]> => {
      if (!noPair) return [];
      const programmes = await listMyProgrammes(signal);
      return programmes.filter(
        (p) => p.kind === 'peer-lunch' && p.state === 'running' && p.enrolment?.state === 'active',
      );
    },
    args: () => [this.data.value?.length === 0] as const,
  });

  /**
   * A pair opened in the moments after publishing may have no plan yet: a job makes it, then
   * invites to the first meeting. That invitation's inbox message says the plan is there; load
   * the pair again then, so the plan appears beside the meeting without a reload. A pair with
   * its plan is left as it is: nothing the person is doing on the page is redrawn under them.
   */
  protected readonly realtime = new RealtimeController(this, ['inbox', 'resync'], () => {
    const pairs = this.data.value;
    const only = pairs?.length === 1 ? (this.changed ?? pairs[0]) : undefined;
    if (only && only.sessions.length === 0) void this.data.run();
  });

  override render() {
    if (this.dissolved) return this.renderDissolved();
    // The heading stands before the data arrives: the shell focuses it and takes the title.
    return html`<h1>${msg('My tandem', { id: 'tandem.title' })}</h1>
      ${taskView(this.data, (pairs) => {
        const only = pairs.length === 1 ? (this.changed ?? pairs[0]) : undefined;
        if (only) return this.renderPair(only);
        if (pairs.length === 0) return this.renderNoPair();
        return this.renderList(pairs);
      })}`;
  }

  private renderNoPair() {
    // Nothing until it is known whether lunches stand in for the tandem (no flash of "no tandem").
    if (this.lunches.status === TaskStatus.PENDING) return nothing;
    const lunches = this.lunches.value ?? [];
    if (lunches.length > 0)
      return lunches.map(
        (programme) => html`<section aria-labelledby="lunch-${programme.id}">
          <h2 id="lunch-${programme.id}">${programme.name}</h2>
          <tandem-lunch-status .programmeId=${programme.id}></tandem-lunch-status>
        </section>`,
      );
    return html`<p>
        ${msg(
          'You have no tandem partner at the moment. When a programme you joined pairs people up, your partner appears here.',
          { id: 'tandem.none' },
        )}
      </p>
      <p><a href="/">${msg('See my programmes', { id: 'tandem.toProgrammes' })}</a></p>`;
  }

  private renderList(pairs: Pair[]) {
    return html`<p>${msg('You are in several tandems. Choose one.', { id: 'tandem.chooseOne' })}</p>
      <ul class="pairs">
        ${pairs.map(
          (pair) => html`<li class="card">
            <h2>
              <a href="/tandem/${pair.id}">${pair.programme.name}</a>
            </h2>
            <p>
              ${msg('With', { id: 'tandem.with' })}
              ${pair.partners.map((partner) => partner.name).join(', ')}
            </p>
          </li>`,
        )}
      </ul>`;
  }

  private renderPair(pair: Pair) {
    return html`
      <p class="muted programme">
        ${pair.programme.name} ·
        ${msg(str`Your role: ${roleLabel(pair.myRole)}`, { id: 'tandem.myRole' })}
      </p>
      ${pair.staleSince ? this.renderStale(pair) : null}
      ${
        pair.myRole === 'peer'
          ? html`<section aria-labelledby="lunch-heading">
            <h2 id="lunch-heading">${msg('Lunch rounds', { id: 'lunch.my.title' })}</h2>
            <tandem-lunch-status .programmeId=${pair.programme.id}></tandem-lunch-status>
          </section>`
          : null
      }
      <section aria-labelledby="partner-heading">
        <h2 id="partner-heading">
          ${
            pair.partners.length === 1
              ? msg('My partner', { id: 'tandem.partner' })
              : msg('My partners', { id: 'tandem.partners' })
          }
        </h2>
        <div class="partners">${pair.partners.map((partner) => this.renderPartner(partner))}</div>
      </section>
      <section aria-labelledby="meeting-heading">
        <h2 id="meeting-heading">${msg('Next meeting', { id: 'tandem.nextMeeting' })}</h2>
        <tandem-next-meeting .pairId=${pair.id}></tandem-next-meeting>
      </section>
      ${
        pair.sessions.length
          ? html`<section aria-labelledby="plan-heading">
            <h2 id="plan-heading">${msg('Session plan', { id: 'tandem.plan' })}</h2>
            <tandem-session-plan
              .pair=${pair}
              @pair-changed=${(event: CustomEvent<Pair>) => {
                this.changed = event.detail;
              }}
              @goal-progress-requested=${(event: CustomEvent<string>) => this.toGoals(event.detail)}
            ></tandem-session-plan>
          </section>
          <tandem-plan-tailor
            .pair=${pair}
            @pair-changed=${(event: CustomEvent<Pair>) => {
              this.changed = event.detail;
            }}
          ></tandem-plan-tailor>`
          : null
      }
      ${
        pair.myRole === 'peer'
          ? null
          : html`<tandem-question-list .pairId=${pair.id}></tandem-question-list>
            <tandem-glossary-game .pairId=${pair.id}></tandem-glossary-game>`
      }
      ${
        pair.myRole === 'peer'
          ? null
          : html`<section aria-labelledby="goals-heading">
            <h2 id="goals-heading" tabindex="-1">${msg('Goals', { id: 'goals.title' })}</h2>
            <tandem-pair-goals
              .pairId=${pair.id}
              .sessions=${pair.sessions}
              .atSession=${this.goalSession}
            ></tandem-pair-goals>
          </section>`
      }
      <section aria-labelledby="notes-heading">
        <h2 id="notes-heading">${msg('Private notes', { id: 'tandem.notes' })}</h2>
        <tandem-pair-notes .pairId=${pair.id}></tandem-pair-notes>
      </section>
      <tandem-mismatch
        .pairId=${pair.id}
        @pair-dissolved=${() => {
          this.dissolved = true;
          void this.focusHeading();
        }}
      ></tandem-mismatch>
    `;
  }

  private renderPartner(partner: Pair['partners'][number]) {
    return html`<div class="card partner">
      <tandem-avatar .name=${partner.name}></tandem-avatar>
      <div>
        <p class="name">${partner.name}</p>
        ${partner.title ? html`<p>${partner.title}</p>` : null}
        ${partner.department ? html`<p>${partner.department}</p>` : null}
        <p class="muted">${msg(str`Role: ${roleLabel(partner.role)}`, { id: 'tandem.partnerRole' })}</p>
      </div>
    </div>`;
  }

  private renderStale(pair: Pair) {
    return html`<div class="card stale" role="region" aria-labelledby="stale-heading">
      <h2 id="stale-heading">${msg('Do you want to go on?', { id: 'tandem.stale.title' })}</h2>
      <p>
        ${msg(
          'You have not met for a while. That is fine. Tell us whether you go on together; if it does not fit, you will find a quiet way out at the bottom of this page.',
          { id: 'tandem.stale.text' },
        )}
      </p>
      ${this.continueError ? errorMessage(this.continueError) : null}
      <div class="actions">
        <button type="button" @click=${() => this.goOn(pair)}>
          ${msg('We go on', { id: 'tandem.stale.continue' })}
        </button>
      </div>
    </div>`;
  }

  private async goOn(pair: Pair): Promise<void> {
    try {
      this.changed = await continuePair(pair.id);
      this.continueError = undefined;
      announce(msg('Thank you. Your tandem goes on.', { id: 'tandem.stale.continued' }));
      // The button is gone with the question; the heading keeps the keyboard user's place.
      await this.focusHeading();
    } catch (error) {
      this.continueError = error;
    }
  }

  private renderDissolved() {
    return html`<div class="done">
      <h1>${msg('Thank you for telling us', { id: 'tandem.dissolved.title' })}</h1>
      <p>
        ${msg(
          'Your tandem has been ended. Your former partner receives a short, neutral notice without any reason. Planned meetings have been cancelled.',
          { id: 'tandem.dissolved.text' },
        )}
      </p>
      <p>
        ${msg(
          'You both stay enrolled and get a new partner, right away or in the next round. You will find the news in your inbox.',
          { id: 'tandem.dissolved.next' },
        )}
      </p>
      <p><a href="/">${msg('Back to my programmes', { id: 'tandem.dissolved.home' })}</a></p>
    </div>`;
  }

  /** To the goals, with the session just held chosen for the marks made there. */
  private async toGoals(sessionId: string): Promise<void> {
    this.goalSession = sessionId;
    await this.updateComplete;
    const heading = this.renderRoot.querySelector<HTMLElement>('#goals-heading');
    heading?.scrollIntoView({ block: 'start' });
    heading?.focus();
  }

  private async focusHeading(): Promise<void> {
    await this.updateComplete;
    const heading = this.renderRoot.querySelector<HTMLElement>('h1');
    if (!heading) return;
    heading.tabIndex = -1;
    heading.focus();
    document.title = `${heading.textContent?.trim()} – Tandem`;
  }
}

/** A side of a pair, as people say it. */
export function roleLabel(role: PairRole): string {
  switch (role) {
    case 'mentor':
      return msg('Mentor', { id: 'tandem.role.mentor' });
    case 'mentee':
      return msg('Mentee', { id: 'tandem.role.mentee' });
    default:
      return msg('Lunch partner', { id: 'tandem.role.peer' });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tandem-tandem-page': TandemTandemPage;
  }
}
