import { localized, msg, str } from '@lit/localize';
import { Task } from '@lit/task';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { announce } from '../components/announcer.js';
import { formatDate } from '../components/date-time.js';
import { explanationText } from '../components/explanation-text.js';
import { pairNames, sortedMembers } from '../components/pair-names.js';
import { channelLabel } from '../components/programme-labels.js';
import '../components/tandem-dialog.js';
import type { TandemDialog } from '../components/tandem-dialog.js';
import '../components/tandem-match-criteria.js';
import '../components/tandem-pair-search.js';
import type { TandemPairSearch } from '../components/tandem-pair-search.js';
import { errorText, taskView } from '../components/task-view.js';
import {
  type DissolveReason,
  dissolveMatch,
  type Forbid,
  forbidPair,
  type MatchingRun,
  type MatchReview,
  type Programme,
  pairByHand,
  pinMatch,
  publishMatches,
  type QuietPair,
  type ReviewedMatch,
  type ReviewMatchList,
  type ReviewPage,
  readMatchingRun,
  readProgramme,
  readQuietPairs,
  readReview,
  readReviewMatches,
  startMatchingRun,
  swapPartners,
  unforbidPair,
  unmatch,
} from '../data/matching.js';
import { REALTIME, type RealtimeEvent } from '../data/realtime.js';
import { getLocale } from '../i18n/locale.js';
import { plural } from '../i18n/plural.js';
import { sharedStyles } from '../styles/shared-styles.js';

/** How long the page waits for a live event before it asks the server itself. */
const POLL_MS = 2000;

/** How many pairs of each list, and how many unmatched people, a page of the review shows. */
const PAGE_SIZE = 50;
/** The review itself holds the open pairs, those being reviewed (proposed and pinned). */
const FIRST_PAGE: ReviewPage = {
  state: 'open',
  offset: 0,
  limit: PAGE_SIZE,
  unmatchedOffset: 0,
  unmatchedLimit: PAGE_SIZE,
};

type Member = ReviewedMatch['members'][number];

/** The lists of pairs paged on their own beside the review's open pairs. */
type PairList = 'published' | 'dissolved';
/** Every list the page pages: the open pairs, the unmatched people, and the PairLists. */
type PagedList = 'matches' | 'unmatched' | PairList;

/** Why an admin dissolves a pair, in the order the dialog offers them. */
const DISSOLVE_REASONS: DissolveReason[] = [
  'did-not-fit',
  'no-time',
  'member-asked',
  'left-organisation',
  'other',
];

/** A forbid just made, with the pair it removed, while its Undo is offered. */
interface Undoable {
  forbidId: string;
  names: string;
  members: Member[];
  pinned: boolean;
}

/**
 * The admin's matching review: run the programme's matching strategy (with live progress),
 * look at each proposed pair and why it was proposed, change pairs by hand (pin, forbid,
 * unmatch, swap), see who is left and why, run again, and publish.
 */
@localized()
@customElement('tandem-matching-review-page')
export class TandemMatchingReviewPage extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      .pairs {
        list-style: none;
        padding: 0;
        margin: 0;
      }
      .pair h3:focus {
        outline: 3px solid var(--tandem-focus);
        outline-offset: 2px;
      }
      .pair .actions {
        margin-top: 0.75rem;
      }
      .people {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr));
        gap: 0.5rem 1.5rem;
        margin: 0 0 0.5rem;
        padding: 0;
        list-style: none;
      }
      .role {
        display: block;
        font-size: 0.9rem;
        color: var(--tandem-muted);
      }
      .score {
        font-weight: 600;
      }
      .badge {
        display: inline-block;
        margin-left: 0.5rem;
        padding: 0 0.5rem;
        border: 1px solid var(--tandem-primary);
        border-radius: var(--tandem-radius);
        font-size: 0.9rem;
        font-weight: 600;
        color: var(--tandem-primary);
      }
      progress {
        width: 100%;
        height: 1.25rem;
      }
      .run label {
        margin-top: 0.5rem;
      }
      .radio-choice {
        display: flex;
        gap: 0.5rem;
        align-items: flex-start;
        margin-bottom: 0.5rem;
      }
      .radio-choice input {
        flex-shrink: 0;
        margin-top: 0.15rem;
      }
      .radio-choice label {
        font-weight: normal;
      }
      .unmatched li {
        margin-bottom: 0.5rem;
      }
      .paging {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem 1rem;
        margin: 1rem 0;
      }
      .paging p {
        margin: 0;
      }
    `,
  ];

  @property({ attribute: false }) accessor params: Record<string, string> = {};

  /**
   * The review as the server last answered it: a page of the pairs and one of the unmatched
   * people. Every change answers with the page it was made on (`page`).
   */
  @state() private accessor review: MatchReview | null = null;
  private page: ReviewPage = FIRST_PAGE;
  /** A page of the published and one of the dissolved pairs, each paged on its own. */
  @state() private accessor lists: Record<PairList, ReviewMatchList | null> = {
    published: null,
    dissolved: null,
  };
  @state() private accessor run: MatchingRun | null = null;
  @state() private accessor actionError = '';
  @state() private accessor busy = false;
  /** The pair whose partner is being swapped, while the swap dialog is open. */
  @state() private accessor swapFrom: ReviewedMatch | null = null;
  @state() private accessor swapError = '';
  /** The pair to be forbidden, while the confirmation is open. */
  @state() private accessor forbidding: { match: ReviewedMatch; index: number } | null = null;
  @state() private accessor undoable: Undoable | null = null;
  /** The published pair to be dissolved, while its dialog is open, and the reason chosen. */
  @state() private accessor dissolving: ReviewedMatch | null = null;
  @state() private accessor dissolveReason: DissolveReason | '' = '';
  @state() private accessor dissolveError = '';
  @state() private accessor quiet: QuietPair[] = [];

  @query('#swap-dialog') private accessor swapDialog!: TandemDialog;
  @query('tandem-pair-search') private accessor pairSearch!: TandemPairSearch;
  @query('#publish-dialog') private accessor publishDialog!: TandemDialog;
  @query('#forbid-dialog') private accessor forbidDialog!: TandemDialog;
  @query('#dissolve-dialog') private accessor dissolveDialog!: TandemDialog;

  private pollTimer: ReturnType<typeof setInterval> | undefined;
  private lastEventAt = 0;

  private readonly data = new Task(this, {
    task: async ([programmeId], { signal }) => {
      // Another programme (the task runs for each) starts on its first page.
      this.page = FIRST_PAGE;
      const [programme, review, quiet, published, dissolved] = await Promise.all([
        readProgramme(programmeId, signal),
        readReview(programmeId, this.page, signal),
        readQuietPairs(programmeId, signal),
        readList(programmeId, 'published', 0, signal),
        readList(programmeId, 'dissolved', 0, signal),
      ]);
      this.review = review;
      this.quiet = quiet;
      this.lists = { published, dissolved };
      const last = review.lastRun;
      if (last && (last.state === 'queued' || last.state === 'running')) this.follow(last);
      return programme;
    },
    args: () => [this.params.id ?? ''] as const,
  });

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener(REALTIME, this.onRealtime);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener(REALTIME, this.onRealtime);
    this.stopPolling();
  }

  override render() {
    // The heading is there from the first render: the shell focuses it and names the tab by it.
    const name = this.data.value?.name;
    return html`
      <h1 tabindex="-1">
        ${
          name
            ? msg(str`Matching: ${name}`, { id: 'matching.title' })
            : msg('Matching', { id: 'matching.titleShort' })
        }
      </h1>
      ${taskView(this.data, (programme) => this.renderReview(programme))}
    `;
  }

  private renderReview(programme: Programme) {
    const review = this.review;
    if (!review) return nothing;
    const { byState } = review.page.matches;
    return html`
      <p>
        <a href=${`/admin/programmes/${encodeURIComponent(programme.id)}/meetings`}
          >${msg('Meetings of this programme', { id: 'matching.meetingsLink' })}</a
        >
      </p>
      ${this.renderRun(review, review.summary.pairs)}
      ${
        this.actionError
          ? html`<p role="alert" class="error-text">${this.actionError}</p>`
          : nothing
      }
      ${this.renderUndo()} ${this.renderPages('matches')}
      ${this.renderProposals(review.matches, review.summary.pairs, byState.proposed)}
      ${this.renderUnmatched(review)} ${this.renderForbids(review.forbids)}
      ${this.renderAttention(review.searching)} ${this.renderQuiet()}
      ${byState.published ? this.renderPublished(byState.published) : nothing}
      ${byState.dissolved ? this.renderDissolved(byState.dissolved) : nothing}
      ${this.renderSwapDialog(programme.id)}
      ${this.renderPublishDialog(review.summary.pairs, review.publish)}
      ${this.renderForbidDialog()} ${this.renderDissolveDialog()}
    `;
  }

  private renderRun(review: MatchReview, proposed: number) {
    const run = this.run;
    const running = run !== null && (run.state === 'queued' || run.state === 'running');
    const again = review.lastRun !== null;
    return html`<section class="card run" aria-labelledby="run-heading">
      <h2 id="run-heading">${msg('Matching run', { id: 'matching.run.heading' })}</h2>
      <p class="hint" id="run-hint">
        ${
          again
            ? msg(
                'Running again keeps pinned pairs as they are and never proposes a forbidden pair. Proposed pairs that are not pinned are replaced.',
                { id: 'matching.run.againHint' },
              )
            : msg(
                'The programme’s matching strategy proposes pairs; nothing is sent until you publish.',
                {
                  id: 'matching.run.firstHint',
                },
              )
        }
      </p>
      <div class="actions">
        <button
          id="run-button"
          aria-describedby="run-hint"
          @click=${this.onRun}
          ?disabled=${running}
        >
          ${
            again
              ? msg('Run matching again', { id: 'matching.run.again' })
              : msg('Run matching', { id: 'matching.run.start' })
          }
        </button>
        ${
          proposed > 0
            ? html`<button class="secondary" id="publish-button" @click=${this.onPublishClick}>
              ${plural(proposed, {
                one: msg(str`Publish ${proposed} pair…`, { id: 'matching.publish.open.one' }),
                other: msg(str`Publish ${proposed} pairs…`, { id: 'matching.publish.open' }),
              })}
            </button>`
            : nothing
        }
      </div>
      ${running && run ? this.renderProgress(run) : nothing}
      <p role="status" class="muted">${this.runStatus()}</p>
    </section>`;
  }

  private renderProgress(run: MatchingRun) {
    return html`<label for="run-progress">${msg('Progress of the matching run', {
      id: 'matching.run.progressLabel',
    })}</label>
      <progress id="run-progress" max="100" .value=${run.progress}>${run.progress} %</progress>`;
  }

  /** One sentence about the latest run, read politely by screen readers as it changes. */
  private runStatus(): string {
    const run = this.run ?? this.review?.lastRun ?? null;
    if (!run) return msg('Matching has not run yet.', { id: 'matching.run.never' });
    const progress = run.progress;
    switch (run.state) {
      case 'queued':
        return msg('The matching run is waiting to start.', { id: 'matching.run.queued' });
      case 'running':
        return msg(str`Matching is running: ${progress} %.`, { id: 'matching.run.running' });
      case 'failed': {
        const error = run.error ?? '';
        return msg(str`The matching run failed: ${error}`, { id: 'matching.run.failed' });
      }
      case 'succeeded': {
        const groups = run.groupCount ?? 0;
        const proposed = plural(groups, {
          one: msg(str`The last run proposed ${groups} pair.`, { id: 'matching.run.proposed.one' }),
          other: msg(str`The last run proposed ${groups} pairs.`, { id: 'matching.run.proposed' }),
        });
        // What the run proposed, then the proposal as the admin's edits left it.
        return this.review ? `${proposed} ${summaryText(this.review.summary)}` : proposed;
      }
    }
  }

  /**
   * Previous and next page of a list (the open pairs, the unmatched people, the published or the
   * dissolved pairs), with where the page lies in the whole list; nothing while one page holds it.
   */
  private renderPages(list: PagedList) {
    const position = this.positionOf(list);
    if (!position) return nothing;
    const { offset, limit, total } = position;
    if (offset === 0 && total <= limit) return nothing;
    const first = offset === 0;
    const last = offset + limit >= total;
    const words = pagingWords(list, position);
    // aria-disabled, not disabled: the button keeps focus on the first and last page, so a
    // keyboard user is not thrown to the top of the document.
    return html`<nav class="paging" aria-label=${words.label}>
      <button type="button" class="secondary" aria-disabled=${first ? 'true' : 'false'}
        @click=${() => first || this.goTo(list, Math.max(0, offset - limit))}>
        ${words.previous}
      </button>
      <p>${words.position}</p>
      <button type="button" class="secondary" aria-disabled=${last ? 'true' : 'false'}
        @click=${() => last || this.goTo(list, offset + limit)}>
        ${words.next}
      </button>
    </nav>`;
  }

  /** Where the page shown of a list lies, and how many it shows; null before it is read. */
  private positionOf(list: PagedList): Position | null {
    const review = this.review;
    if (list === 'matches' || list === 'unmatched')
      return review ? { ...review.page[list], shown: review[list].length } : null;
    const answer = this.lists[list];
    return answer ? { ...answer.page, shown: answer.matches.length } : null;
  }

  private renderProposals(open: ReviewedMatch[], pairs: number, proposed: number) {
    return html`<section aria-labelledby="proposals-heading">
      <h2 id="proposals-heading" tabindex="-1">
        ${msg(str`Proposed pairs (${pairs})`, { id: 'matching.proposals.heading' })}
      </h2>
      ${
        open.length === 0
          ? html`<p>${
              pairs === 0
                ? msg('There are no proposed pairs.', { id: 'matching.proposals.none' })
                : msg('No proposed pairs on this page of pairs.', {
                    id: 'matching.proposals.noneHere',
                  })
            }</p>`
          : html`<ul class="pairs">
            ${repeat(
              open,
              (match) => match.id,
              (match, index) =>
                // Any other proposed pair of the programme will do, on this page or another.
                this.renderPair(match, index, match.state === 'proposed' && proposed > 1),
            )}
          </ul>`
      }
    </section>`;
  }

  private renderPair(match: ReviewedMatch, index: number, canSwap: boolean) {
    const names = pairNames(match);
    const pinned = match.state === 'pinned';
    const headingId = `pair-${match.id}`;
    return html`<li class="card pair" data-index=${index}>
      <h3 id=${headingId} tabindex="-1">
        ${names}
        ${pinned ? html`<span class="badge">${msg('Pinned', { id: 'matching.pinned' })}</span>` : nothing}
      </h3>
      <ul class="people">
        ${sortedMembers(match).map(
          (member) => html`<li>
            <span class="role">${roleLabel(member.role)}</span>
            <strong>${member.name}</strong>${member.department ? html`, ${member.department}` : nothing}
          </li>`,
        )}
      </ul>
      <p class="score">${scoreText(match)}</p>
      ${
        match.criteria.length && !refusalOf(match)
          ? html`<tandem-match-criteria .criteria=${match.criteria} .pairName=${names}></tandem-match-criteria>`
          : nothing
      }
      <div class="actions">
        <button class="secondary" data-action="pin" @click=${() => this.onPin(match)}>
          ${pinned ? msg('Unpin', { id: 'matching.unpin' }) : msg('Pin', { id: 'matching.pin' })}
          <span class="visually-hidden">${names}</span>
        </button>
        ${
          canSwap
            ? html`<button class="secondary" @click=${() => this.onSwapClick(match)}>
              ${msg('Swap partners…', { id: 'matching.swap' })}
              <span class="visually-hidden">${names}</span>
            </button>`
            : nothing
        }
        <button class="secondary" @click=${() => this.onUnmatch(match, index)}>
          ${msg('Unmatch', { id: 'matching.unmatch' })}
          <span class="visually-hidden">${names}</span>
        </button>
        <button class="danger" @click=${() => this.onForbidClick(match, index)}>
          ${msg('Never pair these two', { id: 'matching.forbid' })}
          <span class="visually-hidden">${names}</span>
        </button>
      </div>
    </li>`;
  }

  private renderUnmatched(review: MatchReview) {
    const total = review.page.unmatched.total;
    return html`<section class="unmatched" aria-labelledby="unmatched-heading">
      <h2 id="unmatched-heading" tabindex="-1">
        ${msg(str`Unmatched people (${total})`, {
          id: 'matching.unmatched.heading',
        })}
      </h2>
      ${
        total === 0
          ? html`<p>${msg('Everyone has a partner.', { id: 'matching.unmatched.none' })}</p>`
          : html`<ul>
            ${review.unmatched.map(
              (person) => html`<li>
                <strong>${person.name}</strong>${
                  person.department ? html`, ${person.department}` : nothing
                }${
                  person.reason === null
                    ? nothing
                    : html`: <span>${explanationText(person, person.reason)}</span>`
                }${reportingLineText(person.reportingLine)}
              </li>`,
            )}
          </ul>`
      }
      ${this.renderPages('unmatched')}
    </section>`;
  }

  /**
   * Published pairs finding a time together, each with since when, from the whole programme
   * (not only the page shown); nothing when none is. Quiet pairs have a section of their own.
   */
  private renderAttention(searching: ReviewedMatch[]) {
    const attention = searching
      .map((match) => ({
        ...match,
        attention: match.attention.filter((a) => a.reason === 'no-common-time'),
      }))
      .filter((match) => match.attention.length > 0);
    if (attention.length === 0) return nothing;
    return html`<section aria-labelledby="attention-heading">
      <h2 id="attention-heading">
        ${msg(str`Needs attention (${attention.length})`, { id: 'matching.attention.heading' })}
      </h2>
      <ul>
        ${attention.map(
          (match) => html`<li>
            ${pairNames(match)}: ${match.attention.map(attentionText).join('; ')}
          </li>`,
        )}
      </ul>
    </section>`;
  }

  /** The published pairs, a page of them, each with Dissolve. */
  private renderPublished(count: number) {
    const published = this.lists.published?.matches ?? [];
    return html`<section aria-labelledby="published-heading">
      <h2 id="published-heading" tabindex="-1">
        ${msg(str`Published pairs (${count})`, { id: 'matching.published.heading' })}
      </h2>
      <ul class="published">
        ${published.map(
          (match) => html`<li>
            ${pairNames(match)}
            <button class="secondary" @click=${() => this.onDissolveClick(match)}>
              ${msg('Dissolve…', { id: 'reviewDesk.dissolve' })}
              <span class="visually-hidden">${pairNames(match)}</span>
            </button>
          </li>`,
        )}
      </ul>
      ${this.renderPages('published')}
    </section>`;
  }

  /** Dissolved pairs with why, a page of them, for admins only: never shown to the members. */
  private renderDissolved(count: number) {
    const dissolved = this.lists.dissolved?.matches ?? [];
    return html`<section aria-labelledby="dissolved-heading">
      <h2 id="dissolved-heading">
        ${msg(str`Dissolved pairs (${count})`, { id: 'reviewDesk.dissolved.heading' })}
      </h2>
      <ul class="dissolved">
        ${dissolved.map((match) => html`<li>${pairNames(match)}: ${dissolvedWhy(match)}</li>`)}
      </ul>
      ${this.renderPages('dissolved')}
    </section>`;
  }

  /** After a forbid: what happened, and the way back, until the next change. */
  private renderUndo() {
    const undoable = this.undoable;
    if (!undoable) return nothing;
    return html`<p class="card undo">
      ${msg(str`${undoable.names} will never be paired.`, { id: 'reviewDesk.forbid.done' })}
      <button id="undo-forbid" class="secondary" @click=${this.onUndoForbid}>
        ${msg('Undo', { id: 'reviewDesk.undo' })}
      </button>
    </p>`;
  }

  private renderForbids(forbids: Forbid[]) {
    if (forbids.length === 0) return nothing;
    return html`<section aria-labelledby="forbids-heading">
      <h2 id="forbids-heading" tabindex="-1">
        ${msg(str`Never paired (${forbids.length})`, { id: 'reviewDesk.forbids.heading' })}
      </h2>
      <ul class="forbids">
        ${forbids.map((forbid) => {
          const names = forbid.members.map((m) => m.name).join(' & ');
          return html`<li>
            ${names}
            <button class="secondary" @click=${() => this.onAllowAgain(forbid)}>
              ${msg('Allow again', { id: 'reviewDesk.forbids.allow' })}
              <span class="visually-hidden">${names}</span>
            </button>
          </li>`;
        })}
      </ul>
    </section>`;
  }

  /** Quiet pairs, as docs/privacy.md allows: who, and since when they are quiet; nothing more. */
  private renderQuiet() {
    const quiet = this.quiet;
    return html`<section aria-labelledby="quiet-heading">
      <h2 id="quiet-heading">
        ${msg(str`Quiet pairs (${quiet.length})`, { id: 'reviewDesk.quiet.heading' })}
      </h2>
      <p class="hint">
        ${msg(
          'Pairs without a sign of life for the programme’s weeks. Tandem has asked them whether to go on; you see only since when they are quiet, so that you can offer help.',
          { id: 'reviewDesk.quiet.hint' },
        )}
      </p>
      ${
        quiet.length === 0
          ? html`<p>${msg('No pair is quiet.', { id: 'reviewDesk.quiet.none' })}</p>`
          : html`<ul class="quiet">
            ${quiet.map((pair) => {
              const names = pair.members.map((m) => m.name).join(' & ');
              const since = formatDate(pair.quietSince);
              return html`<li>
                ${msg(str`${names}: quiet since ${since}`, { id: 'reviewDesk.quiet.pair' })}
              </li>`;
            })}
          </ul>`
      }
    </section>`;
  }

  private renderForbidDialog() {
    const match = this.forbidding?.match;
    const names = match ? pairNames(match) : '';
    return html`<tandem-dialog
      id="forbid-dialog"
      heading=${msg('Never pair these two?', { id: 'reviewDesk.forbid.heading' })}
      @close=${() => {
        this.forbidding = null;
      }}
    >
      <p>
        ${msg(
          str`${names} are taken apart now, and no later run proposes them as a pair. You can undo this.`,
          { id: 'reviewDesk.forbid.text' },
        )}
      </p>
      <button slot="actions" class="danger" id="forbid-confirm" @click=${this.onForbidConfirm}>
        ${msg('Never pair them', { id: 'reviewDesk.forbid.confirm' })}
      </button>
      <button slot="actions" class="secondary" @click=${() => this.forbidDialog.close()}>
        ${msg('Cancel', { id: 'matching.cancel' })}
      </button>
    </tandem-dialog>`;
  }

  private renderDissolveDialog() {
    const match = this.dissolving;
    const names = match ? pairNames(match) : '';
    return html`<tandem-dialog
      id="dissolve-dialog"
      heading=${msg(str`Dissolve ${names}?`, { id: 'reviewDesk.dissolve.heading' })}
      @close=${() => {
        this.dissolving = null;
      }}
    >
      <fieldset>
        <legend>${msg('Why?', { id: 'reviewDesk.dissolve.legend' })}</legend>
        ${DISSOLVE_REASONS.map(
          (reason) => html`<div class="radio-choice">
            <input
              type="radio"
              name="dissolve-reason"
              id=${`dissolve-${reason}`}
              .value=${reason}
              .checked=${this.dissolveReason === reason}
              @change=${() => {
                this.dissolveReason = reason;
              }}
            />
            <label for=${`dissolve-${reason}`}>${dissolveReasonText(reason)}</label>
          </div>`,
        )}
      </fieldset>
      ${
        this.dissolveError
          ? html`<p role="alert" class="error-text">${this.dissolveError}</p>`
          : nothing
      }
      <p class="hint">
        ${msg(
          'The reason stays with the admins. Both are told kindly that their tandem ends, without the reason; their meetings ahead are cancelled.',
          { id: 'reviewDesk.dissolve.hint' },
        )}
      </p>
      <button slot="actions" class="danger" id="dissolve-confirm" @click=${this.onDissolveConfirm}>
        ${msg('Dissolve the pair', { id: 'reviewDesk.dissolve.confirm' })}
      </button>
      <button slot="actions" class="secondary" @click=${() => this.dissolveDialog.close()}>
        ${msg('Cancel', { id: 'matching.cancel' })}
      </button>
    </tandem-dialog>`;
  }

  /** Swap with any other proposed pair of the programme, found by a member's name. */
  private renderSwapDialog(programmeId: string) {
    const from = this.swapFrom;
    return html`<tandem-dialog
      id="swap-dialog"
      heading=${msg('Swap partners', { id: 'matching.swap.heading' })}
      @close=${() => {
        this.swapFrom = null;
      }}
    >
      ${
        from
          ? html`<tandem-pair-search
            programmeId=${programmeId}
            .from=${from}
            legend=${msg(str`Swap partners of ${pairNames(from)} with`, {
              id: 'matching.swap.legend',
            })}
          ></tandem-pair-search>
          ${
            this.swapError
              ? html`<p role="alert" class="error-text">${this.swapError}</p>`
              : nothing
          }
          <p class="hint">
            ${msg(
              'Each person keeps their side (mentor or mentee) and gets the other pair’s partner. The programme’s matching strategy scores both new pairs; pinned pairs are not offered.',
              { id: 'reviewDesk.swap.hint' },
            )}
          </p>`
          : nothing
      }
      <button slot="actions" @click=${this.onSwapConfirm}>
        ${msg('Swap', { id: 'matching.swap.confirm' })}
      </button>
      <button slot="actions" class="secondary" @click=${() => this.swapDialog.close()}>
        ${msg('Cancel', { id: 'matching.cancel' })}
      </button>
    </tandem-dialog>`;
  }

  private renderPublishDialog(count: number, publish: MatchReview['publish']) {
    return html`<tandem-dialog
      id="publish-dialog"
      heading=${plural(count, {
        one: msg(str`Publish ${count} pair?`, { id: 'matching.publish.heading.one' }),
        other: msg(str`Publish ${count} pairs?`, { id: 'matching.publish.heading' }),
      })}
    >
      <p>
        ${plural(count, {
          one: msg(
            str`${count} pair is published. Both are told who their partner is, and invitations to the first meeting go out. Published pairs can no longer be changed here.`,
            { id: 'matching.publish.text.one' },
          ),
          other: msg(
            str`${count} pairs are published. Everyone in them is told who their partner is, and invitations to the first meeting go out. Published pairs can no longer be changed here.`,
            { id: 'matching.publish.text' },
          ),
        })}
      </p>
      ${publishChannels(publish)}
      <p>
        ${msg('People left unmatched stay on the list and can be matched later.', {
          id: 'matching.publish.unmatched',
        })}
      </p>
      <button slot="actions" @click=${this.onPublishConfirm}>
        ${plural(count, {
          one: msg(str`Publish ${count} pair`, { id: 'matching.publish.confirm.one' }),
          other: msg(str`Publish ${count} pairs`, { id: 'matching.publish.confirm' }),
        })}
      </button>
      <button slot="actions" class="secondary" @click=${() => this.publishDialog.close()}>
        ${msg('Cancel', { id: 'matching.cancel' })}
      </button>
    </tandem-dialog>`;
  }

  // --- the matching run -------------------------------------------------------------------

  private async onRun(): Promise<void> {
    this.actionError = '';
    this.undoable = null;
    try {
      const run = await startMatchingRun(this.params.id ?? '');
      announce(msg('Matching started.', { id: 'matching.run.started' }));
      this.follow(run);
    } catch (error) {
      this.fail(error);
    }
  }

  /** Follows a run live over /ws; without an event for a while, asks the server every 2 s. */
  private follow(run: MatchingRun): void {
    this.run = run;
    this.lastEventAt = Date.now();
    this.stopPolling();
    this.pollTimer = setInterval(() => void this.poll(), POLL_MS);
  }

  private readonly onRealtime = (event: Event): void => {
    const detail = (event as CustomEvent<RealtimeEvent>).detail;
    const run = this.run;
    const data = detail.data ?? {};
    if (detail.type !== 'matching-run' || !run || data.id !== run.id) return;
    this.lastEventAt = Date.now();
    const { state: runState, progress } = data;
    // A finished run's event carries no error text or counts: fetch the run for those, and
    // until then show it as running at its last step.
    if (runState === 'succeeded' || runState === 'failed') {
      this.run = { ...run, progress: 100 };
      void this.poll(true);
      return;
    }
    const next = { ...run };
    if (typeof progress === 'number') next.progress = progress;
    if (runState === 'queued' || runState === 'running') next.state = runState;
    this.run = next;
  };

  /** Asks the server how the run is, unless an event came recently (or `now` says so). */
  private async poll(now = false): Promise<void> {
    const run = this.run;
    if (!run) return;
    if (!now && Date.now() - this.lastEventAt < POLL_MS) return;
    try {
      const latest = await readMatchingRun(run.id);
      if (this.run?.id !== latest.id) return;
      this.run = latest;
      if (latest.state === 'succeeded' || latest.state === 'failed') await this.finish(latest);
    } catch (error) {
      this.stopPolling();
      this.fail(error);
    }
  }

  private async finish(run: MatchingRun): Promise<void> {
    if (!this.pollTimer) return; // finished already (an event and a poll may both end it)
    this.stopPolling();
    if (run.state === 'failed') {
      announce(this.runStatus());
      return;
    }
    // A new proposal: its best pairs first.
    this.review = await readReview(this.params.id ?? '', FIRST_PAGE);
    this.page = FIRST_PAGE;
    this.run = run;
    announce(this.runStatus());
    await this.updateComplete;
    this.focusHeading('proposals-heading');
  }

  private stopPolling(): void {
    clearInterval(this.pollTimer);
    this.pollTimer = undefined;
  }

  // --- changes by hand ---------------------------------------------------------------------

  /**
   * Runs a change; the server answers with the review at the page shown (`this.page`), or a
   * sentence why not.
   */
  private async change(action: () => Promise<MatchReview>, done: string): Promise<boolean> {
    if (this.busy) return false;
    this.busy = true;
    this.actionError = '';
    // An Undo is offered for the forbid just made only, until the next change.
    this.undoable = null;
    try {
      this.review = await this.withinList(await action());
      announce(done);
      return true;
    } catch (error) {
      this.fail(error);
      return false;
    } finally {
      this.busy = false;
    }
  }

  private fail(error: unknown): void {
    this.actionError = errorText(error);
  }

  /** Shows another page of a list, and says which. */
  private async goTo(list: PagedList, offset: number): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.actionError = '';
    try {
      if (list === 'published' || list === 'dissolved')
        this.lists = { ...this.lists, [list]: await readList(this.programmeId, list, offset) };
      else {
        const page =
          list === 'matches' ? { ...this.page, offset } : { ...this.page, unmatchedOffset: offset };
        this.review = await readReview(this.programmeId, page);
        this.page = page;
      }
      const position = this.positionOf(list);
      if (position) announce(pagingWords(list, position).position);
    } catch (error) {
      this.fail(error);
    } finally {
      this.busy = false;
    }
  }

  /**
   * The published and the dissolved pairs again, after a change that moved pairs into them:
   * each at the page shown, or at its last page when the change left that page empty.
   */
  private async readLists(): Promise<void> {
    const again = async (list: PairList) => {
      const offset = this.lists[list]?.page.offset ?? 0;
      const answer = await readList(this.programmeId, list, offset);
      const last = lastOffset(answer.page);
      return offset > last ? readList(this.programmeId, list, last) : answer;
    };
    const [published, dissolved] = await Promise.all([again('published'), again('dissolved')]);
    this.lists = { published, dissolved };
  }

  private get programmeId(): string {
    return this.params.id ?? '';
  }

  /**
   * The answer to a change, or the last page of a list when the change emptied the page shown
   * (the last pair of the last page unmatched, say).
   */
  private async withinList(review: MatchReview): Promise<MatchReview> {
    const { matches, unmatched } = review.page;
    const page = {
      ...this.page,
      offset: Math.min(this.page.offset, lastOffset(matches)),
      unmatchedOffset: Math.min(this.page.unmatchedOffset, lastOffset(unmatched)),
    };
    if (page.offset === this.page.offset && page.unmatchedOffset === this.page.unmatchedOffset)
      return review;
    this.page = page;
    return readReview(this.params.id ?? '', page);
  }

  private async onPin(match: ReviewedMatch): Promise<void> {
    const pin = match.state !== 'pinned';
    const names = pairNames(match);
    await this.change(
      () => pinMatch(match.id, pin, this.page),
      pin
        ? msg(str`${names} pinned: running again keeps this pair.`, { id: 'matching.pinned.done' })
        : msg(str`${names} unpinned.`, { id: 'matching.unpinned.done' }),
    );
  }

  private async onUnmatch(match: ReviewedMatch, index: number): Promise<void> {
    const names = pairNames(match);
    const ok = await this.change(
      () => unmatch(match.id, this.page),
      msg(str`${names} unmatched; both are now on the list of unmatched people.`, {
        id: 'matching.unmatch.done',
      }),
    );
    if (ok) await this.focusPairAt(index);
  }

  private async onForbidClick(match: ReviewedMatch, index: number): Promise<void> {
    this.actionError = '';
    this.forbidding = { match, index };
    await this.updateComplete;
    await this.forbidDialog.show();
  }

  private async onForbidConfirm(): Promise<void> {
    const forbidding = this.forbidding;
    const [first, second] = forbidding?.match.members ?? [];
    if (!forbidding || !first || !second) return;
    const { match, index } = forbidding;
    const names = pairNames(match);
    this.forbidDialog.close();
    const ok = await this.change(
      () => forbidPair(this.params.id ?? '', [first.enrolmentId, second.enrolmentId], this.page),
      msg(str`${names} will never be paired. Both are now unmatched.`, {
        id: 'matching.forbid.done',
      }),
    );
    if (!ok) return;
    const ids = new Set([first.enrolmentId, second.enrolmentId]);
    const forbid = this.review?.forbids.find((f) => f.members.every((m) => ids.has(m.enrolmentId)));
    if (forbid)
      this.undoable = {
        forbidId: forbid.id,
        names,
        members: match.members,
        pinned: match.state === 'pinned',
      };
    await this.focusPairAt(index);
  }

  /** Lifts the forbid just made and makes its pair again, pinned if it was. */
  private async onUndoForbid(): Promise<void> {
    const undoable = this.undoable;
    if (!undoable) return;
    const programmeId = this.params.id ?? '';
    const members = undoable.members.map(({ enrolmentId, role }) => ({ enrolmentId, role }));
    const ok = await this.change(
      async () => {
        await unforbidPair(undoable.forbidId, this.page);
        return pairByHand(programmeId, members, undoable.pinned, this.page);
      },
      msg(str`Undone: ${undoable.names} are a pair again.`, { id: 'reviewDesk.undo.done' }),
    );
    if (!ok) return;
    await this.updateComplete;
    this.focusHeading('proposals-heading');
  }

  private async onAllowAgain(forbid: Forbid): Promise<void> {
    const names = forbid.members.map((m) => m.name).join(' & ');
    const ok = await this.change(
      () => unforbidPair(forbid.id, this.page),
      msg(str`${names} may be paired again by later runs.`, { id: 'reviewDesk.forbids.allowed' }),
    );
    if (!ok) return;
    await this.updateComplete;
    this.focusHeading('unmatched-heading');
  }

  private async onDissolveClick(match: ReviewedMatch): Promise<void> {
    this.actionError = '';
    this.dissolving = match;
    this.dissolveReason = '';
    this.dissolveError = '';
    await this.updateComplete;
    await this.dissolveDialog.show();
  }

  private async onDissolveConfirm(): Promise<void> {
    const match = this.dissolving;
    const reason = this.dissolveReason;
    if (!match) return;
    if (!reason) {
      this.dissolveError = msg('Choose a reason.', { id: 'reviewDesk.dissolve.choose' });
      this.renderRoot.querySelector<HTMLInputElement>('input[name="dissolve-reason"]')?.focus();
      return;
    }
    const names = pairNames(match);
    this.dissolveDialog.close();
    const programmeId = this.params.id ?? '';
    const ok = await this.change(
      async () => {
        await dissolveMatch(match.id, reason);
        const [quiet, review] = await Promise.all([
          readQuietPairs(programmeId),
          readReview(programmeId, this.page),
          this.readLists(),
        ]);
        this.quiet = quiet;
        return review;
      },
      msg(str`${names} dissolved; both are told kindly, without the reason.`, {
        id: 'reviewDesk.dissolve.done',
      }),
    );
    if (ok) {
      await this.updateComplete;
      this.focusHeading('unmatched-heading');
    }
  }

  private async onSwapClick(match: ReviewedMatch): Promise<void> {
    this.swapFrom = match;
    this.swapError = '';
    this.actionError = '';
    await this.updateComplete;
    await this.swapDialog.show();
  }

  private async onSwapConfirm(): Promise<void> {
    const from = this.swapFrom;
    const to = this.pairSearch?.chosen;
    if (!from || !to) {
      this.swapError = msg('Choose the pair to swap with.', { id: 'matching.swap.choose' });
      this.pairSearch?.focus();
      return;
    }
    // The first of each pair as the dialog names them ("Mia & Erik"), so that the people who
    // change places are the ones the admin read first, not whoever the server listed first.
    const [mine] = sortedMembers(from);
    const theirs = sortedMembers(to).find((member: Member) => member.role === mine?.role);
    if (!mine || !theirs) return;
    const before = `${pairNames(from)}; ${pairNames(to)}`;
    this.swapDialog.close();
    await this.change(
      () => swapPartners(this.params.id ?? '', [mine.enrolmentId, theirs.enrolmentId], this.page),
      msg(str`Partners swapped between ${before}.`, { id: 'matching.swap.done' }),
    );
  }

  private async onPublishClick(): Promise<void> {
    this.actionError = '';
    await this.publishDialog.show();
  }

  private async onPublishConfirm(): Promise<void> {
    const count = this.review?.summary.pairs ?? 0;
    this.publishDialog.close();
    const ok = await this.change(
      async () => {
        const review = await publishMatches(this.programmeId, this.page);
        await this.readLists();
        return review;
      },
      plural(count, {
        one: msg(str`${count} pair published; invitations are on their way.`, {
          id: 'matching.publish.done.one',
        }),
        other: msg(str`${count} pairs published; invitations are on their way.`, {
          id: 'matching.publish.done',
        }),
      }),
    );
    if (ok) {
      await this.updateComplete;
      this.focusHeading('published-heading');
    }
  }

  // --- focus --------------------------------------------------------------------------------

  /** After a pair left the list: the pair now in its place, the one before, or the list. */
  private async focusPairAt(index: number): Promise<void> {
    await this.updateComplete;
    const headings = this.renderRoot.querySelectorAll<HTMLElement>('.pair h3');
    const target = headings[index] ?? headings[index - 1];
    if (target) target.focus();
    else this.focusHeading('unmatched-heading');
  }

  private focusHeading(id: string): void {
    this.renderRoot.querySelector<HTMLElement>(`#${id}`)?.focus();
  }
}

function attentionText(attention: ReviewedMatch['attention'][number]): string {
  const { weeks } = attention;
  const since = formatDate(attention.since);
  return attention.reason === 'no-common-time'
    ? msg(str`no common time within ${weeks} weeks; finding a time together since ${since}`, {
        id: 'matching.attention.noCommonTime',
      })
    : msg(str`no session marked done for ${weeks} weeks; asked whether to go on since ${since}`, {
        id: 'matching.attention.stale',
      });
}

function roleLabel(role: Member['role']): string {
  switch (role) {
    case 'mentor':
      return msg('Mentor', { id: 'matching.role.mentor' });
    case 'mentee':
      return msg('Mentee', { id: 'matching.role.mentee' });
    case 'peer':
      return msg('Peer', { id: 'matching.role.peer' });
  }
}

/** Why the strategy would not propose a pair changed by hand (server: rescore-matches.ts). */
function refusalOf(match: ReviewedMatch): string | undefined {
  return match.score === null ? match.criteria.find((c) => c.name === 'rules')?.why : undefined;
}

function scoreText(match: ReviewedMatch): string {
  const { score } = match;
  const refusal = refusalOf(match);
  if (refusal !== undefined)
    return msg(
      str`No score: the programme’s matching strategy would not propose this pair. ${refusal}`,
      { id: 'reviewDesk.score.refused' },
    );
  if (score === null)
    return msg('No score: this pair was changed by hand.', { id: 'matching.score.none' });
  const rounded = Math.round(score);
  return msg(str`Score ${rounded} of 100`, { id: 'matching.score' });
}

/** The proposal as it stands now, after every change by hand. */
/** Whom the programme's reporting-line rule keeps away from an unmatched person; nothing if nobody. */
function reportingLineText(apart: MatchReview['unmatched'][number]['reportingLine']) {
  if (apart.length === 0) return nothing;
  const names = apart.map((person) => person.name).join(', ');
  return html`<br /><span class="hint">${msg(str`Excluded: reporting line — ${names}`, {
    id: 'matching.unmatched.reportingLine',
  })}</span>`;
}

function summaryText({ pairs, averageScore, unmatched }: MatchReview['summary']): string {
  const proposed = plural(pairs, {
    one: msg(str`${pairs} pair is proposed now.`, { id: 'reviewDesk.summary.pairs.one' }),
    other: msg(str`${pairs} pairs are proposed now.`, { id: 'reviewDesk.summary.pairs' }),
  });
  const rounded = averageScore === null ? null : Math.round(averageScore);
  const average =
    rounded === null
      ? ''
      : ` ${msg(str`Average score ${rounded} of 100.`, { id: 'reviewDesk.summary.average' })}`;
  const left = plural(unmatched, {
    one: msg(str`${unmatched} person is left unmatched.`, { id: 'matching.run.unmatched.one' }),
    other: msg(str`${unmatched} people are left unmatched.`, { id: 'matching.run.unmatched' }),
  });
  return `${proposed}${average} ${left}`;
}

/** An admin's reason code in words, else the member's own words, else that none was given. */
function dissolvedWhy(match: ReviewedMatch): string {
  if (match.dissolvedReasonCode) return dissolveReasonText(match.dissolvedReasonCode);
  return match.dissolvedReason ?? msg('no reason given', { id: 'reviewDesk.dissolved.noReason' });
}

function dissolveReasonText(reason: DissolveReason): string {
  switch (reason) {
    case 'did-not-fit':
      return msg('The two do not fit together', { id: 'reviewDesk.reason.didNotFit' });
    case 'no-time':
      return msg('They cannot find time for each other', { id: 'reviewDesk.reason.noTime' });
    case 'member-asked':
      return msg('One of them asked for it', { id: 'reviewDesk.reason.memberAsked' });
    case 'left-organisation':
      return msg('One of them left the organisation', { id: 'reviewDesk.reason.left' });
    case 'other':
      return msg('Another reason', { id: 'reviewDesk.reason.other' });
  }
}

/** Where the page shown of a list lies in it (`offset`, `limit`, `total`), and how many it shows. */
interface Position {
  offset: number;
  limit: number;
  total: number;
  shown: number;
}

/** Where the last page of a list starts (0 for an empty list). */
function lastOffset({ limit, total }: { limit: number; total: number }): number {
  return Math.max(0, Math.floor((total - 1) / limit) * limit);
}

/** A page of the published or of the dissolved pairs. */
function readList(programmeId: string, list: PairList, offset: number, signal?: AbortSignal) {
  return readReviewMatches(programmeId, { state: list, offset, limit: PAGE_SIZE }, signal);
}

/** The names and position of a list's paging: "Proposed pairs 51–100 of 3,400". */
function pagingWords(list: PagedList, { offset, total, shown }: Position) {
  const number = new Intl.NumberFormat(getLocale());
  const from = number.format(Math.min(offset + 1, total));
  const to = number.format(offset + shown);
  const all = number.format(total);
  switch (list) {
    case 'matches':
      return {
        label: msg('Pages of proposed pairs', { id: 'matching.pages.pairs' }),
        previous: msg('Previous proposed pairs', { id: 'matching.pages.pairs.previous' }),
        next: msg('Next proposed pairs', { id: 'matching.pages.pairs.next' }),
        position: msg(str`Proposed pairs ${from}–${to} of ${all}`, {
          id: 'matching.pages.pairs.position',
        }),
      };
    case 'published':
      return {
        label: msg('Pages of published pairs', { id: 'matching.pages.published' }),
        previous: msg('Previous published pairs', { id: 'matching.pages.published.previous' }),
        next: msg('Next published pairs', { id: 'matching.pages.published.next' }),
        position: msg(str`Published pairs ${from}–${to} of ${all}`, {
          id: 'matching.pages.published.position',
        }),
      };
    case 'dissolved':
      return {
        label: msg('Pages of dissolved pairs', { id: 'matching.pages.dissolved' }),
        previous: msg('Previous dissolved pairs', { id: 'matching.pages.dissolved.previous' }),
        next: msg('Next dissolved pairs', { id: 'matching.pages.dissolved.next' }),
        position: msg(str`Dissolved pairs ${from}–${to} of ${all}`, {
          id: 'matching.pages.dissolved.position',
        }),
      };
    case 'unmatched':
      return {
        label: msg('Pages of unmatched people', { id: 'matching.pages.people' }),
        previous: msg('Previous people', { id: 'matching.pages.people.previous' }),
        next: msg('Next people', { id: 'matching.pages.people.next' }),
        position: msg(str`People ${from}–${to} of ${all}`, {
          id: 'matching.pages.people.position',
        }),
      };
  }
}

/** Who is told through which channels (the server's word), with a warning when only the inbox is. */
function publishChannels({ people, channels }: MatchReview['publish']) {
  const names = channels.map(channelLabel).join(', ');
  const told = plural(people, {
    one: msg(str`${people} person will be told through: ${names}.`, {
      id: 'matching.publish.channels.one',
    }),
    other: msg(str`${people} people will be told through: ${names}.`, {
      id: 'matching.publish.channels',
    }),
  });
  // The inbox always comes first; anything after it is an email or chat channel.
  if (channels.length > 1) return html`<p>${told}</p>`;
  return html`<p class="error-text">
    ${told}
    <strong>${msg('Only the inbox in the app is on:', { id: 'matching.publish.inAppOnly' })}</strong>
    ${msg('nobody gets an e-mail or a calendar invitation, so people learn of their pair and meeting only when they next open Tandem.', { id: 'matching.publish.inAppOnly.hint' })}
  </p>`;
}

declare global {
  interface HTMLElementTagNameMap {
    'tandem-matching-review-page': TandemMatchingReviewPage;
  }
}
