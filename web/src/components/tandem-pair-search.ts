import { localized, msg, str } from '@lit/localize';
import { Task } from '@lit/task';
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { type ReviewedMatch, type ReviewMatchList, readReviewMatches } from '../data/matching.js';
import { plural } from '../i18n/plural.js';
import { sharedStyles } from '../styles/shared-styles.js';
import { pairNames } from './pair-names.js';
import { errorText } from './task-view.js';

/** The most pairs the search offers at once: typing more of a name finds the others. */
export const PAIRS_OFFERED = 20;
/** How long typing rests before the search asks the server, so each key does not. */
const TYPING_PAUSE_MS = 250;

/**
 * The proposed pairs of a programme to swap a partner with, found by a member's name: a
 * search field, what it found (at most 20, the best scores first), and the pairs as a radio
 * group. The server searches (GET …/review/matches), so that a pair on any page of the review
 * can be chosen, not only those on the page shown. The dialog holding it reads `chosen`.
 */
@localized()
@customElement('tandem-pair-search')
export class TandemPairSearch extends LitElement {
  // The dialog opening moves focus into it: to the search field.
  static override shadowRootOptions = { ...LitElement.shadowRootOptions, delegatesFocus: true };
  static override styles = [
    sharedStyles,
    css`
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
      input[type='search'] {
        width: 100%;
      }
    `,
  ];

  @property() accessor programmeId = '';
  /** The pair whose partner is swapped: never offered to itself. */
  @property({ attribute: false }) accessor from: ReviewedMatch | null = null;
  @property() accessor legend = '';
  @state() private accessor name = '';
  @state() private accessor chosenId = '';

  private readonly found = new Task(this, {
    task: async ([programmeId, fromId, name], { signal }) => {
      if (!fromId) return null;
      if (name) await pause(TYPING_PAUSE_MS, signal);
      // One more than offered: the pair swapped from may be among them.
      const query = { state: 'proposed', offset: 0, limit: PAIRS_OFFERED + 1 } as const;
      return readReviewMatches(programmeId, name ? { ...query, name } : query, signal);
    },
    args: () => [this.programmeId, this.from?.id, this.name.trim()] as const,
  });

  /** The pair chosen, while the search still offers it. */
  get chosen(): ReviewedMatch | null {
    return this.offered().pairs.find((pair) => pair.id === this.chosenId) ?? null;
  }

  /** Moves focus to the first pair offered, or to the search field when none is. */
  override focus(): void {
    const first = this.renderRoot.querySelector<HTMLInputElement>('input[name="swap-to"]');
    (first ?? this.renderRoot.querySelector<HTMLInputElement>('#pair-name'))?.focus();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Another pair to swap from starts a new search.
    if (changed.has('from')) {
      this.name = '';
      this.chosenId = '';
    }
  }

  override render() {
    const offered = this.offered();
    return html`
      <label for="pair-name">
        ${msg('Find a pair by a member’s name', { id: 'matching.swap.search' })}
      </label>
      <input
        id="pair-name"
        type="search"
        autocomplete="off"
        aria-describedby="pair-found"
        .value=${this.name}
        @input=${(event: InputEvent) => {
          this.name = (event.target as HTMLInputElement).value;
        }}
      />
      <p id="pair-found" role="status">${this.foundText(offered)}</p>
      ${
        this.found.error === undefined
          ? nothing
          : html`<p role="alert" class="error-text">${errorText(this.found.error)}</p>`
      }
      <fieldset>
        <legend>${this.legend}</legend>
        ${offered.pairs.map((pair) => this.renderChoice(pair))}
      </fieldset>
    `;
  }

  private renderChoice(pair: ReviewedMatch) {
    return html`<div class="radio-choice">
      <input
        type="radio"
        name="swap-to"
        id=${`swap-${pair.id}`}
        .value=${pair.id}
        .checked=${this.chosenId === pair.id}
        @change=${() => {
          this.chosenId = pair.id;
        }}
      />
      <label for=${`swap-${pair.id}`}>${pairNames(pair)}</label>
    </div>`;
  }

  /** The pairs found but the one swapped from, at most PAIRS_OFFERED, and how many in all. */
  private offered(): { pairs: ReviewedMatch[]; total: number | null } {
    const list: ReviewMatchList | null | undefined = this.found.value;
    const from = this.from;
    if (!list || !from) return { pairs: [], total: null };
    const others = list.matches.filter((pair) => pair.id !== from.id);
    const fromFound = holdsName(from, this.name.trim());
    return {
      pairs: others.slice(0, PAIRS_OFFERED),
      total: list.page.total - (fromFound ? 1 : 0),
    };
  }

  private foundText({ pairs, total }: { pairs: ReviewedMatch[]; total: number | null }): string {
    if (total === null) return msg('Looking for pairs…', { id: 'matching.swap.searching' });
    const name = this.name.trim();
    if (total === 0)
      return name
        ? msg(str`No other proposed pair has a member whose name holds “${name}”.`, {
            id: 'matching.swap.noneNamed',
          })
        : msg('There is no other proposed pair.', { id: 'matching.swap.none' });
    const shown = pairs.length;
    if (total > shown)
      return msg(
        str`The first ${shown} of ${total} proposed pairs, best scores first. Type part of a name to find another.`,
        { id: 'matching.swap.more' },
      );
    return plural(shown, {
      one: msg(str`${shown} proposed pair to choose from.`, { id: 'matching.swap.found.one' }),
      other: msg(str`${shown} proposed pairs to choose from.`, { id: 'matching.swap.found' }),
    });
  }
}

/** Whether a member's name holds `name`, in any case, as the server's search compares. */
function holdsName(pair: ReviewedMatch, name: string): boolean {
  const part = name.toLocaleLowerCase();
  return pair.members.some((member) => member.name.toLocaleLowerCase().includes(part));
}

/** Waits `ms`, or gives up as soon as the signal aborts (the admin typed on). */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    });
  });
}

declare global {
  interface HTMLElementTagNameMap {
    'tandem-pair-search': TandemPairSearch;
  }
}
