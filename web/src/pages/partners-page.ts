import { localized, msg, str } from '@lit/localize';
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { announce } from '../components/announcer.js';
import { formatDate } from '../components/date-time.js';
import { dialogFormActions } from '../components/dialog-actions.js';
import type { SkillName } from '../components/explanation-text.js';
import { suggestionReason } from '../components/suggestion-reason.js';
import type { TandemDialog } from '../components/tandem-dialog.js';
import { errorMessage, errorText } from '../components/task-view.js';
import '../components/tandem-dialog.js';
import {
  getMyProgramme,
  listMyPairs,
  type PairView,
  type ParticipantProgramme,
} from '../data/programmes.js';
import { RealtimeController } from '../data/realtime-controller.js';
import {
  answerRequest,
  listRequests,
  listSuggestions,
  type RequestState,
  type Suggestion,
  sendRequest,
  type TandemRequest,
  withdrawRequest,
} from '../data/self-service.js';
import { skillNames } from '../data/skill-names.js';
import { sharedStyles } from '../styles/shared-styles.js';

interface PartnersView {
  programme: ParticipantProgramme;
  requests: TandemRequest[];
  suggestions: Suggestion[];
  pair: PairView | null;
}

/**
 * Self-service: in a programme where participants choose each other, the people Tandem
 * suggests (with why they fit), asking one of them with a short note, my requests waiting for
 * an answer (which I may withdraw), and the requests made to me, to accept or decline.
 */
@localized()
@customElement('tandem-partners-page')
export class TandemPartnersPage extends LitElement {
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
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 20rem), 1fr));
        gap: 1rem;
      }
      ul.cards > li {
        margin: 0;
      }
      ul.reasons {
        padding-left: 1.2rem;
      }
      blockquote {
        margin: 0.5rem 0;
        padding-left: 0.75rem;
        border-left: 3px solid var(--tandem-border);
      }
    `,
  ];

  @property({ attribute: false }) accessor params: Record<string, string> = {};
  @state() private accessor view: PartnersView | undefined;
  @state() private accessor loadError: unknown;
  /** The suggestion the "ask" dialog is about. */
  @state() private accessor asking: Suggestion | null = null;
  @state() private accessor note = '';
  @state() private accessor busy = false;
  @state() private accessor actionError: unknown;
  @query('tandem-dialog') private accessor dialog: TandemDialog | null = null;
  @state() private accessor skillName: SkillName | undefined;

  /** A request made to me, or an answer to mine, arrives as an inbox message: show it. */
  protected readonly realtime = new RealtimeController(this, ['inbox', 'resync'], () => {
    void this.load();
  });

  override connectedCallback() {
    super.connectedCallback();
    // Without the taxonomy the reasons still read, with skill keys.
    skillNames().then(
      (name) => {
        this.skillName = name;
      },
      () => undefined,
    );
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('params')) {
      this.view = undefined;
      this.loadError = undefined;
      void this.load();
    }
  }

  /** Loads everything anew, keeping what is shown until the new state is there (no flicker). */
  private async load(): Promise<void> {
    const id = this.params.id;
    if (!id) return;
    try {
      const [programme, requests, pairs] = await Promise.all([
        getMyProgramme(id),
        listRequests(id),
        listMyPairs(),
      ]);
      const pair = pairs.find((p) => p.programme.id === id) ?? null;
      // Someone with a tandem or a request still waiting gets no suggestions (the API says 409).
      const suggestions = pair || waitingRequest(requests) ? [] : await listSuggestions(id);
      this.view = { programme, requests, suggestions, pair };
      this.loadError = undefined;
    } catch (error) {
      this.loadError = error;
    }
  }

  override render() {
    // The heading stands before the data arrives: the shell focuses it and takes the title.
    return html`<h1>${msg('Choose your tandem', { id: 'selfService.title' })}</h1>
      ${this.renderBody()} ${this.renderAskDialog()}`;
  }

  private renderBody() {
    if (this.loadError) return errorMessage(this.loadError);
    const view = this.view;
    if (!view) return html`<p role="status">${msg('Loading…', { id: 'task.loading' })}</p>`;
    const received = view.requests.filter((r) => r.direction === 'received');
    const sent = view.requests.filter((r) => r.direction === 'sent');
    return html`<p class="muted">${view.programme.name}</p>
      ${this.actionError ? errorMessage(this.actionError) : nothing}
      ${view.pair ? this.renderPair(view.pair) : nothing}
      ${received.length ? this.renderReceived(received) : nothing}
      ${sent.length ? this.renderSent(sent) : nothing}
      ${view.pair ? nothing : this.renderSuggestions(view)}`;
  }

  private renderPair(pair: PairView) {
    const names = pair.partners.map((p) => p.name).join(', ');
    return html`<section aria-labelledby="pair-heading">
      <h2 id="pair-heading" tabindex="-1">${msg('Your tandem', { id: 'selfService.pair' })}</h2>
      <p>${msg(str`You and ${names} are a tandem.`, { id: 'selfService.pair.text' })}</p>
      <p><a class="button" href=${`/tandem/${pair.id}`}>${msg('Open my tandem', { id: 'home.openTandem' })}</a></p>
    </section>`;
  }

  private renderReceived(requests: TandemRequest[]) {
    return html`<section aria-labelledby="received-heading">
      <h2 id="received-heading" tabindex="-1">
        ${msg('Requests for you', { id: 'selfService.received' })}
      </h2>
      <ul class="cards">
        ${requests.map((request) => this.renderRequest(request))}
      </ul>
    </section>`;
  }

  private renderSent(requests: TandemRequest[]) {
    return html`<section aria-labelledby="sent-heading">
      <h2 id="sent-heading" tabindex="-1">${msg('My requests', { id: 'selfService.sent' })}</h2>
      <ul class="cards">
        ${requests.map((request) => this.renderRequest(request))}
      </ul>
    </section>`;
  }

  private renderRequest(request: TandemRequest) {
    const id = `request-${request.id}`;
    const name = request.other.name;
    const open = isWaiting(request);
    return html`<li class="card" aria-labelledby=${id}>
      <h3 id=${id}>${name}</h3>
      ${request.other.department ? html`<p class="muted">${request.other.department}</p>` : nothing}
      ${
        request.message
          ? html`<p>${msg('Their note:', { id: 'selfService.note' })}</p>
            <blockquote>${request.message}</blockquote>`
          : nothing
      }
      <p>${requestStateText(request)}</p>
      ${open && request.direction === 'received' ? this.renderAnswerButtons(request) : nothing}
      ${
        open && request.direction === 'sent'
          ? html`<div class="actions">
            <button
              type="button"
              class="secondary"
              aria-label=${msg(str`Withdraw my request to ${name}`, { id: 'selfService.withdraw.label' })}
              @click=${() => this.withdraw(request)}
            >
              ${msg('Withdraw request', { id: 'selfService.withdraw' })}
            </button>
          </div>`
          : nothing
      }
    </li>`;
  }

  private renderAnswerButtons(request: TandemRequest) {
    const name = request.other.name;
    return html`<div class="actions">
      <button
        type="button"
        aria-label=${msg(str`Accept ${name} as my tandem`, { id: 'selfService.accept.label' })}
        @click=${() => this.answer(request, true)}
      >
        ${msg('Accept', { id: 'selfService.accept' })}
      </button>
      <button
        type="button"
        class="secondary"
        aria-label=${msg(str`Decline the request of ${name}`, { id: 'selfService.decline.label' })}
        @click=${() => this.answer(request, false)}
      >
        ${msg('Decline', { id: 'selfService.decline' })}
      </button>
    </div>`;
  }

  private renderSuggestions(view: PartnersView) {
    const waiting = waitingRequest(view.requests);
    return html`<section aria-labelledby="suggestions-heading">
      <h2 id="suggestions-heading">${msg('Suggested partners', { id: 'selfService.suggestions' })}</h2>
      ${
        waiting
          ? html`<p class="muted">
            ${msg(
              'You can ask one person at a time. Once your request is answered, withdrawn or expired, you see your suggestions again.',
              { id: 'selfService.oneAtATime' },
            )}
          </p>`
          : this.renderSuggestionList(view.suggestions, askedMe(view.requests))
      }
    </section>`;
  }

  private renderSuggestionList(suggestions: Suggestion[], askedMe: Set<string>) {
    if (suggestions.length === 0)
      return html`<p class="muted">
        ${msg('Nobody can be suggested right now. Look in again later.', { id: 'selfService.none' })}
      </p>`;
    return html`<p>
        ${msg(
          'Tandem suggests these colleagues for you. Ask one of them: they are told and can accept or decline.',
          { id: 'selfService.intro' },
        )}
      </p>
      <ul class="cards">
        ${suggestions.map((suggestion) =>
          this.renderSuggestion(suggestion, askedMe.has(suggestion.enrolmentId)),
        )}
      </ul>`;
  }

  /** `askedMe`: they wait for my answer already, so I answer their request instead. */
  private renderSuggestion(suggestion: Suggestion, askedMe: boolean) {
    const id = `suggestion-${suggestion.enrolmentId}`;
    const name = suggestion.name;
    const fit = Math.round(suggestion.score <= 1 ? suggestion.score * 100 : suggestion.score);
    const about = [suggestion.title, suggestion.department].filter(Boolean).join(', ');
    return html`<li class="card" aria-labelledby=${id}>
      <h3 id=${id}>${name}</h3>
      ${about ? html`<p class="muted">${about}</p>` : nothing}
      <p>${msg(str`Fit: ${fit} of 100`, { id: 'selfService.fit' })}</p>
      ${
        suggestion.criteria.length
          ? html`<p>${msg('Why:', { id: 'selfService.why' })}</p>
            <ul class="reasons">
              ${suggestion.criteria.map((criterion) => html`<li>${suggestionReason(criterion, this.skillName)}</li>`)}
            </ul>`
          : nothing
      }
      ${
        askedMe
          ? html`<p>
            ${msg(str`${name} has asked you already: answer the request above.`, {
              id: 'selfService.askedMe',
            })}
          </p>`
          : html`<div class="actions">
            <button type="button" @click=${() => this.openAsk(suggestion)}>
              ${msg(str`Ask ${name}`, { id: 'selfService.ask' })}
            </button>
          </div>`
      }
    </li>`;
  }

  private renderAskDialog() {
    const name = this.asking?.name ?? '';
    return html`<tandem-dialog
      heading=${msg(str`Ask ${name} to be your tandem`, { id: 'selfService.ask.heading' })}
      @close=${() => {
        this.asking = null;
      }}
    >
      <form id="ask" @submit=${this.send}>
        <p>
          ${msg(
            str`${name} is told by Tandem and can accept or decline. Until then you cannot ask anyone else, but you can withdraw the request.`,
            { id: 'selfService.ask.text' },
          )}
        </p>
        <div class="field">
          <label for="note">${msg('A short note (optional)', { id: 'selfService.ask.note' })}</label>
          <textarea
            id="note"
            maxlength="500"
            .value=${this.note}
            @input=${(event: Event) => {
              this.note = (event.target as HTMLTextAreaElement).value;
            }}
          ></textarea>
        </div>
        ${this.actionError && this.asking ? errorMessage(this.actionError) : nothing}
      </form>
      ${dialogFormActions({
        form: 'ask',
        submit: msg('Send request', { id: 'selfService.ask.send' }),
        cancel: msg('Cancel', { id: 'selfService.ask.cancel' }),
        busy: this.busy,
        onCancel: () => this.dialog?.close(),
      })}
    </tandem-dialog>`;
  }

  private async openAsk(suggestion: Suggestion): Promise<void> {
    this.asking = suggestion;
    this.note = '';
    this.actionError = undefined;
    await this.updateComplete;
    await this.dialog?.show();
  }

  private readonly send = async (event: Event) => {
    event.preventDefault();
    const suggestion = this.asking;
    if (!suggestion || this.busy) return;
    const done = await this.act(() =>
      sendRequest(this.params.id ?? '', suggestion.enrolmentId, this.note),
    );
    if (!done) return;
    this.dialog?.close();
    const name = suggestion.name;
    announce(msg(str`Your request was sent to ${name}.`, { id: 'selfService.sent.done' }));
    this.focusHeading('sent-heading');
  };

  private async answer(request: TandemRequest, accept: boolean): Promise<void> {
    if (!(await this.act(() => answerRequest(request.id, accept)))) return;
    const name = request.other.name;
    announce(
      accept
        ? msg(str`You and ${name} are a tandem now.`, { id: 'selfService.accepted' })
        : msg(str`You declined the request of ${name}.`, { id: 'selfService.declined' }),
    );
    this.focusHeading(accept ? 'pair-heading' : 'received-heading');
  }

  private async withdraw(request: TandemRequest): Promise<void> {
    if (!(await this.act(() => withdrawRequest(request.id)))) return;
    const name = request.other.name;
    announce(msg(str`Your request to ${name} is withdrawn.`, { id: 'selfService.withdrawn' }));
    this.focusHeading('suggestions-heading');
  }

  /** Runs a change, then loads the page anew; false (with the error shown) when it failed. */
  private async act(change: () => Promise<unknown>): Promise<boolean> {
    this.busy = true;
    this.actionError = undefined;
    try {
      await change();
      await this.load();
      return true;
    } catch (error) {
      this.actionError = error;
      announce(errorText(error));
      return false;
    } finally {
      this.busy = false;
    }
  }

  /** The button pressed is gone after the change: continue at the section that changed. */
  private focusHeading(id: string): void {
    void this.updateComplete.then(() => {
      const heading = this.renderRoot.querySelector<HTMLElement>(`#${id}`);
      heading?.setAttribute('tabindex', '-1');
      heading?.focus();
    });
  }
}

/** Still waiting for an answer: pending and not yet past its time (the job marks it later). */
function isWaiting(request: TandemRequest): boolean {
  return request.state === 'pending' && new Date(request.expiresAt) > new Date();
}

/** My own request still waiting, which keeps me from asking anyone else. */
function waitingRequest(requests: TandemRequest[]): TandemRequest | undefined {
  return requests.find((request) => request.direction === 'sent' && isWaiting(request));
}

/** The people whose requests to me wait for my answer, by enrolment. */
function askedMe(requests: TandemRequest[]): Set<string> {
  return new Set(
    requests
      .filter((r) => r.direction === 'received' && isWaiting(r))
      .map((r) => r.other.enrolmentId),
  );
}

function requestStateText(request: TandemRequest): string {
  const state: RequestState | 'lapsed' =
    request.state === 'pending' && !isWaiting(request) ? 'lapsed' : request.state;
  const until = formatDate(request.expiresAt, 'long');
  switch (state) {
    case 'pending':
      return request.direction === 'sent'
        ? msg(str`Waiting for an answer until ${until}.`, { id: 'selfService.state.waiting' })
        : msg(str`Please answer by ${until}.`, { id: 'selfService.state.answerBy' });
    case 'accepted':
      return msg('Accepted: you are a tandem.', { id: 'selfService.state.accepted' });
    case 'declined':
      return msg('Declined.', { id: 'selfService.state.declined' });
    case 'withdrawn':
      return msg('Withdrawn.', { id: 'selfService.state.withdrawn' });
    default:
      return msg('Expired without an answer.', { id: 'selfService.state.expired' });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tandem-partners-page': TandemPartnersPage;
  }
}
