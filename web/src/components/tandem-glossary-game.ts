import { localized, msg, str } from '@lit/localize';
import { Task } from '@lit/task';
import { css, html, LitElement } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { type GlossaryEntry, readGlossary } from '../data/pairs.js';
import { plural } from '../i18n/plural.js';
import { sharedStyles } from '../styles/shared-styles.js';
import { announce } from './announcer.js';
import { refusalMessage } from './pair-tool-refusal.js';

/**
 * The Q&A game over the glossary of the pair's curriculum: one term at a time, the mentee says
 * what they think it means (or the mentor explains it), then reveals the plain explanation and
 * says whether they knew it. A round goes through the terms in the curriculum's order; the next
 * round practises only the terms not known yet. Shown only when the curriculum has a glossary.
 * The score lives on this page only: it is a game, not a record.
 */
@localized()
@customElement('tandem-glossary-game')
export class TandemGlossaryGame extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      section {
        margin-top: 2rem;
      }
      .term {
        font-size: 1.4rem;
        margin: 0.25rem 0 0.75rem;
      }
      .term:focus {
        outline-offset: 4px;
      }
      dl {
        margin: 0.5rem 0;
      }
      dt {
        font-weight: 600;
        margin-top: 0.5rem;
      }
      dd {
        margin: 0.25rem 0 0;
      }
      progress {
        width: 100%;
        max-width: 24rem;
        height: 0.75rem;
      }
    `,
  ];

  @property({ attribute: false }) accessor pairId = '';
  /** The terms of this round, as indexes into the glossary. */
  @state() private accessor round: number[] = [];
  /** Where in the round the game is; past its end, the round's summary shows. */
  @state() private accessor step = 0;
  @state() private accessor revealed = false;
  /** The terms known in this round. */
  @state() private accessor known = new Set<number>();

  private readonly glossary = new Task(this, {
    task: async ([pairId], { signal }) => {
      const entries = await readGlossary(pairId, signal);
      this.start(entries.map((_entry, index) => index));
      return entries;
    },
    args: () => [this.pairId] as const,
  });

  override render() {
    return this.glossary.render({
      pending: () => null,
      error: (error) => this.renderSection(refusalMessage(error)),
      // No glossary, no game: most curricula have none.
      complete: (entries) => (entries.length ? this.renderSection(this.renderGame(entries)) : null),
    });
  }

  private renderSection(content: unknown) {
    return html`<section aria-labelledby="game-heading">
      <h2 id="game-heading">${msg('Q&A game', { id: 'pairTools.game.title' })}</h2>
      <p class="hint">
        ${msg(
          'One term at a time: say what you think it means, or let your partner explain it with an example from work. Then show the explanation.',
          { id: 'pairTools.game.intro' },
        )}
      </p>
      ${content}
    </section>`;
  }

  private renderGame(entries: GlossaryEntry[]) {
    const index = this.round[this.step];
    const entry = index === undefined ? undefined : entries[index];
    if (index === undefined || !entry) return this.renderSummary(entries);
    const number = this.step + 1;
    const total = this.round.length;
    return html`<div class="card">
      <p id="game-progress">
        ${msg(str`Term ${number} of ${total}`, { id: 'pairTools.game.progress' })}
      </p>
      <progress
        max=${total}
        .value=${this.step}
        aria-labelledby="game-progress"
      ></progress>
      <h3 class="term" id="game-term" tabindex="-1">${entry.term}</h3>
      ${
        this.revealed
          ? html`<dl id="game-answer">
              <dt>${msg('Explanation', { id: 'pairTools.game.explanation' })}</dt>
              <dd>${entry.explanation}</dd>
              ${
                entry.example
                  ? html`<dt>${msg('At work', { id: 'pairTools.game.example' })}</dt>
                    <dd>${entry.example}</dd>`
                  : null
              }
            </dl>
            <div class="actions">
              <button type="button" @click=${() => this.answer(index, true)}>
                ${msg('I knew it', { id: 'pairTools.game.knew' })}
              </button>
              <button type="button" class="secondary" @click=${() => this.answer(index, false)}>
                ${msg('Not yet', { id: 'pairTools.game.notYet' })}
              </button>
            </div>`
          : html`<div class="actions">
              <button type="button" id="game-reveal" @click=${this.reveal}>
                ${msg('Show the explanation', { id: 'pairTools.game.reveal' })}
              </button>
            </div>`
      }
      <p class="muted">
        ${msg(str`Known so far: ${this.known.size}`, { id: 'pairTools.game.knownSoFar' })}
      </p>
    </div>`;
  }

  private renderSummary(entries: GlossaryEntry[]) {
    const known = this.known.size;
    const total = this.round.length;
    const missed = this.round.filter((index) => !this.known.has(index));
    return html`<div class="card">
      <h3 class="term" id="game-term" tabindex="-1">
        ${msg('Round complete', { id: 'pairTools.game.done' })}
      </h3>
      <p>${msg(str`You knew ${known} of ${total} terms.`, { id: 'pairTools.game.score' })}</p>
      <div class="actions">
        ${
          missed.length
            ? html`<button type="button" @click=${() => this.restart(missed)}>
                ${plural(missed.length, {
                  one: msg(str`Practise the ${missed.length} open term`, {
                    id: 'pairTools.game.practise.one',
                  }),
                  other: msg(str`Practise the ${missed.length} open terms`, {
                    id: 'pairTools.game.practise',
                  }),
                })}
              </button>`
            : null
        }
        <button
          type="button"
          class=${missed.length ? 'secondary' : ''}
          @click=${() => this.restart(entries.map((_entry, index) => index))}
        >
          ${msg('Play all terms again', { id: 'pairTools.game.again' })}
        </button>
      </div>
    </div>`;
  }

  private start(round: number[]): void {
    this.round = round;
    this.step = 0;
    this.revealed = false;
    this.known = new Set();
  }

  private readonly reveal = async () => {
    this.revealed = true;
    await this.updateComplete;
    // The button is gone; the explanation's first answer button keeps the keyboard's place.
    this.renderRoot.querySelector<HTMLElement>('#game-answer + .actions button')?.focus();
    const explanation = this.renderRoot.querySelector('#game-answer')?.textContent ?? '';
    announce(explanation.replace(/\s+/g, ' ').trim());
  };

  private async answer(index: number, knew: boolean): Promise<void> {
    if (knew) this.known = new Set([...this.known, index]);
    this.step += 1;
    this.revealed = false;
    await this.focusTerm();
  }

  private async restart(round: number[]): Promise<void> {
    this.start(round);
    await this.focusTerm();
  }

  /** The next term (or the summary) takes focus, so a screen reader reads it out. */
  private async focusTerm(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#game-term')?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tandem-glossary-game': TandemGlossaryGame;
  }
}
