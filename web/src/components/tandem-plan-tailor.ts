import { localized, msg, str } from '@lit/localize';
import { css, html, LitElement } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import {
  addSession,
  type Pair,
  type PairSession,
  reorderSessions,
  setSessionStatus,
  writeHomework,
} from '../data/pairs.js';
import { inLanguage } from '../data/session-language.js';
import { getLocale } from '../i18n/locale.js';
import { sharedStyles } from '../styles/shared-styles.js';
import { announce } from './announcer.js';
import { actionName, refusalMessage } from './pair-tool-refusal.js';

/** What the server takes for one's homework (pair-schemas.ts HomeworkSchema). */
const MAX_TASKS = 20;
const MAX_TASK_LENGTH = 500;

/**
 * Making the plan one's own, as pair-tailoring.ts allows: add a session (after another one or at
 * the end), move sessions up and down, skip one (and put it back), and write one's own side of
 * a session's homework. Every change is the pair's alone and comes back as the whole pair,
 * passed up in a `pair-changed` event like the session plan's.
 */
@localized()
@customElement('tandem-plan-tailor')
export class TandemPlanTailor extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      section {
        margin-top: 2rem;
      }
      ol {
        list-style: none;
        padding: 0;
        margin: 1rem 0;
      }
      li {
        padding: 0.75rem 0;
        border-bottom: 1px solid var(--tandem-border);
      }
      .session {
        font-weight: 600;
        margin: 0;
      }
      .skipped .name {
        text-decoration: line-through;
        color: var(--tandem-muted);
      }
      .actions {
        margin-top: 0.5rem;
      }
      .actions button {
        padding-inline: 0.75rem;
      }
      textarea,
      input[type='text'],
      select {
        width: 100%;
        max-width: 40rem;
      }
      textarea {
        min-height: 5rem;
      }
      h3 {
        font-size: 1.05rem;
      }
    `,
  ];

  @property({ attribute: false }) accessor pair!: Pair;
  @state() private accessor expanded = false;
  @state() private accessor busy = false;
  /** The session an error belongs to, or '' for the form that adds one. */
  @state() private accessor error: { at: string; error: unknown } | undefined;
  @state() private accessor homeworkFor: string | undefined;
  @state() private accessor homeworkText = '';
  @state() private accessor homeworkInvalid = false;
  @state() private accessor newTitle = '';
  @state() private accessor newGoal = '';
  /** The session the new one follows; '' for the end. */
  @state() private accessor placeAfter = '';
  @state() private accessor titleInvalid = false;

  override render() {
    return html`<section aria-labelledby="tailor-heading">
      <h2 id="tailor-heading">${msg('Make the plan your own', { id: 'pairTools.tailor.title' })}</h2>
      <p class="hint">
        ${msg(
          'Add sessions, change their order, skip one, or write your own homework. The changes are for your tandem only; the programme’s plan stays as it is.',
          { id: 'pairTools.tailor.intro' },
        )}
      </p>
      <button
        type="button"
        class="secondary"
        aria-expanded=${this.expanded ? 'true' : 'false'}
        aria-controls="tailor-tools"
        @click=${() => {
          this.expanded = !this.expanded;
        }}
      >
        ${
          this.expanded
            ? msg('Close plan changes', { id: 'pairTools.tailor.close' })
            : msg('Change the plan', { id: 'pairTools.tailor.open' })
        }
      </button>
      <div id="tailor-tools" ?hidden=${!this.expanded}>
        ${this.expanded ? this.renderTools() : null}
      </div>
    </section>`;
  }

  private renderTools() {
    // Shown in the reader's language; the ids the actions send are the same in every language.
    const sessions = this.pair.sessions.map((session) => inLanguage(session, getLocale()));
    return html`<ol aria-label=${msg('Sessions of your plan', { id: 'pairTools.tailor.list' })}>
        ${repeat(
          sessions,
          (session) => session.id,
          (session, index) => this.renderSession(session, index, sessions.length),
        )}
      </ol>
      ${this.renderAdd()}`;
  }

  private renderSession(session: PairSession, index: number, count: number) {
    const number = index + 1;
    const name = msg(str`Session ${number}: ${session.title}`, { id: 'tandem.plan.sessionTitle' });
    const up = msg('Move up', { id: 'pairTools.tailor.up' });
    const down = msg('Move down', { id: 'pairTools.tailor.down' });
    const homework = msg('Write my homework', { id: 'pairTools.tailor.homework' });
    return html`<li class=${session.status}>
      <p class="session" id="tailor-session-${session.id}" tabindex="-1">
        <span class="name">${name}</span>${session.status === 'skipped' ? html` <span class="muted">(${msg('skipped', { id: 'pairTools.tailor.skippedTag' })})</span>` : null}
        ${session.status === 'done' ? html` <span class="muted">(${msg('done', { id: 'pairTools.tailor.doneTag' })})</span>` : null}
      </p>
      ${this.error?.at === session.id ? refusalMessage(this.error.error, planChanged()) : null}
      <div class="actions">
        <button
          type="button"
          class="secondary"
          id="up-${session.id}"
          aria-label=${actionName(up, session.title)}
          aria-disabled=${this.busy || index === 0 ? 'true' : 'false'}
          @click=${() => this.move(session, -1)}
        >
          ${up}
        </button>
        <button
          type="button"
          class="secondary"
          id="down-${session.id}"
          aria-label=${actionName(down, session.title)}
          aria-disabled=${this.busy || index === count - 1 ? 'true' : 'false'}
          @click=${() => this.move(session, 1)}
        >
          ${down}
        </button>
        ${this.renderSkip(session)}
        ${
          this.pair.myRole === 'peer'
            ? null
            : html`<button
                type="button"
                class="secondary"
                id="homework-${session.id}"
                aria-label=${actionName(homework, session.title)}
                aria-expanded=${this.homeworkFor === session.id ? 'true' : 'false'}
                @click=${() => this.editHomework(session)}
              >
                ${homework}
              </button>`
        }
      </div>
      ${this.homeworkFor === session.id ? this.renderHomework(session) : null}
    </li>`;
  }

  private renderSkip(session: PairSession) {
    if (session.status === 'done') return null;
    const skipped = session.status === 'skipped';
    const label = skipped
      ? msg('Put back on the plan', { id: 'pairTools.tailor.unskip' })
      : msg('Skip', { id: 'pairTools.tailor.skip' });
    return html`<button
      type="button"
      class="secondary"
      id="skip-${session.id}"
      aria-label=${actionName(label, session.title)}
      aria-disabled=${this.busy ? 'true' : 'false'}
      @click=${() => this.skip(session, !skipped)}
    >
      ${label}
    </button>`;
  }

  private renderHomework(session: PairSession) {
    const id = `homework-text-${session.id}`;
    const invalid = this.homeworkInvalid;
    return html`<form novalidate @submit=${(event: Event) => this.saveHomework(event, session)}>
      <div class="field">
        <label for=${id}>
          ${msg(str`My homework for "${session.title}"`, { id: 'pairTools.tailor.homeworkLabel' })}
        </label>
        <p class="hint" id="${id}-hint">
          ${msg('One task per line. Leave it empty for no homework.', {
            id: 'pairTools.tailor.homeworkHint',
          })}
        </p>
        <textarea
          id=${id}
          aria-describedby="${id}-hint${invalid ? ` ${id}-error` : ''}"
          aria-invalid=${invalid ? 'true' : 'false'}
          .value=${this.homeworkText}
          @input=${(event: Event) => {
            this.homeworkText = (event.target as HTMLTextAreaElement).value;
            this.homeworkInvalid = false;
          }}
        ></textarea>
        ${
          invalid
            ? html`<p id="${id}-error" role="alert" class="error-text">
              ${msg(str`At most ${MAX_TASKS} tasks of up to ${MAX_TASK_LENGTH} characters each.`, {
                id: 'pairTools.tailor.homeworkTooLong',
              })}
            </p>`
            : null
        }
      </div>
      <div class="actions">
        <button type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>
          ${msg('Save homework', { id: 'pairTools.tailor.saveHomework' })}
        </button>
        <button type="button" class="secondary" @click=${() => this.closeHomework(session)}>
          ${msg('Cancel', { id: 'pairTools.questions.cancel' })}
        </button>
      </div>
    </form>`;
  }

  private renderAdd() {
    const invalid = this.titleInvalid;
    return html`<form novalidate @submit=${this.add}>
      <h3>${msg('Add a session', { id: 'pairTools.tailor.add' })}</h3>
      <div class="field">
        <label for="new-title">${msg('Title', { id: 'pairTools.tailor.newTitle' })}</label>
        <input
          id="new-title"
          type="text"
          maxlength="200"
          .value=${this.newTitle}
          aria-invalid=${invalid ? 'true' : 'false'}
          aria-describedby=${invalid ? 'new-title-error' : ''}
          @input=${(event: Event) => {
            this.newTitle = (event.target as HTMLInputElement).value;
            this.titleInvalid = false;
          }}
        />
        ${
          invalid
            ? html`<p id="new-title-error" role="alert" class="error-text">
              ${msg('Please give the session a title.', { id: 'pairTools.tailor.titleMissing' })}
            </p>`
            : null
        }
      </div>
      <div class="field">
        <label for="new-goal">${msg('Goal (optional)', { id: 'pairTools.tailor.newGoal' })}</label>
        <textarea
          id="new-goal"
          maxlength="1000"
          .value=${this.newGoal}
          @input=${(event: Event) => {
            this.newGoal = (event.target as HTMLTextAreaElement).value;
          }}
        ></textarea>
      </div>
      <div class="field">
        <label for="new-after">${msg('Where', { id: 'pairTools.tailor.where' })}</label>
        <select
          id="new-after"
          @change=${(event: Event) => {
            this.placeAfter = (event.target as HTMLSelectElement).value;
          }}
        >
          <option value="" ?selected=${this.placeAfter === ''}>
            ${msg('At the end', { id: 'pairTools.tailor.atEnd' })}
          </option>
          ${this.pair.sessions.map((each, index) => {
            const session = inLanguage(each, getLocale());
            const number = index + 1;
            return html`<option value=${session.id} ?selected=${this.placeAfter === session.id}>
              ${msg(str`After session ${number}: ${session.title}`, { id: 'pairTools.tailor.after' })}
            </option>`;
          })}
        </select>
      </div>
      ${this.error?.at === '' ? refusalMessage(this.error.error) : null}
      <button type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>
        ${msg('Add session', { id: 'pairTools.tailor.addButton' })}
      </button>
    </form>`;
  }

  private async move(session: PairSession, by: -1 | 1): Promise<void> {
    const ids = this.pair.sessions.map((each) => each.id);
    const from = ids.indexOf(session.id);
    const to = from + by;
    if (to < 0 || to >= ids.length) return;
    [ids[from], ids[to]] = [ids[to] as string, session.id];
    const changed = await this.change(session.id, () => reorderSessions(this.pair.id, ids));
    if (!changed) return;
    const position = to + 1;
    announce(
      msg(str`"${session.title}" is now session ${position}.`, { id: 'pairTools.tailor.moved' }),
    );
    // The session moved in the list; the button pressed stays under the keyboard, unless the
    // session reached the end it was moving to, where its other button is the useful one.
    const edge = to === 0 || to === ids.length - 1;
    const next = by < 0 !== edge ? 'up' : 'down';
    await this.focusOn(`#${next}-${session.id}`);
  }

  private async skip(session: PairSession, skip: boolean): Promise<void> {
    const status = skip ? 'skipped' : 'planned';
    const changed = await this.change(session.id, () =>
      setSessionStatus(this.pair.id, session.id, status),
    );
    if (!changed) return;
    announce(
      skip
        ? msg(str`"${session.title}" is skipped.`, { id: 'pairTools.tailor.skipped' })
        : msg(str`"${session.title}" is back on the plan.`, { id: 'pairTools.tailor.unskipped' }),
    );
  }

  private async editHomework(session: PairSession): Promise<void> {
    if (this.homeworkFor === session.id) {
      await this.closeHomework(session);
      return;
    }
    const role = this.pair.myRole;
    this.homeworkFor = session.id;
    this.homeworkInvalid = false;
    this.homeworkText =
      role === 'peer' ? '' : session.homework[role].map((item) => item.text).join('\n');
    await this.focusOn(`#homework-text-${session.id}`);
  }

  private async closeHomework(session: PairSession): Promise<void> {
    this.homeworkFor = undefined;
    await this.focusOn(`#homework-${session.id}`);
  }

  private async saveHomework(event: Event, session: PairSession): Promise<void> {
    event.preventDefault();
    const items = this.homeworkText
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    if (items.length > MAX_TASKS || items.some((item) => item.length > MAX_TASK_LENGTH)) {
      this.homeworkInvalid = true;
      return;
    }
    const changed = await this.change(session.id, () =>
      writeHomework(this.pair.id, session.id, items),
    );
    if (!changed) return;
    announce(msg('Your homework is saved.', { id: 'pairTools.tailor.homeworkSaved' }));
    await this.closeHomework(session);
  }

  private readonly add = async (event: Event) => {
    event.preventDefault();
    const title = this.newTitle.trim();
    if (!title) {
      this.titleInvalid = true;
      await this.focusOn('#new-title');
      return;
    }
    const goal = this.newGoal.trim();
    const before = new Set(this.pair.sessions.map((session) => session.id));
    const changed = await this.change('', () =>
      addSession(this.pair.id, {
        title,
        ...(goal ? { goal } : {}),
        ...(this.placeAfter ? { after: this.placeAfter } : {}),
      }),
    );
    if (!changed) return;
    this.newTitle = '';
    this.newGoal = '';
    this.placeAfter = '';
    announce(msg(str`"${title}" is added to your plan.`, { id: 'pairTools.tailor.added' }));
    const added = changed.sessions.find((session) => !before.has(session.id));
    if (added) await this.focusOn(`#tailor-session-${added.id}`);
  };

  /** Runs a change of the pair, passes the new pair up, and keeps errors where they belong. */
  private async change(at: string, run: () => Promise<Pair>): Promise<Pair | undefined> {
    if (this.busy) return undefined;
    this.busy = true;
    this.error = undefined;
    try {
      const pair = await run();
      this.dispatchEvent(new CustomEvent<Pair>('pair-changed', { detail: pair }));
      // The page passes the pair back down; until then this element shows it already.
      this.pair = pair;
      return pair;
    } catch (error) {
      this.error = { at, error };
      return undefined;
    } finally {
      this.busy = false;
    }
  }

  private async focusOn(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }
}

/**
 * A new order is refused as invalid when it no longer lists the pair's sessions: the partner
 * added one since this page loaded the plan.
 */
function planChanged(): string {
  return msg('Your partner has changed the plan in the meantime. Please reload the page.', {
    id: 'pairTools.tailor.planChanged',
  });
}

declare global {
  interface HTMLElementTagNameMap {
    'tandem-plan-tailor': TandemPlanTailor;
  }
}
