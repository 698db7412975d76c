import { localized, msg, str } from '@lit/localize';
import { Task } from '@lit/task';
import { css, html, LitElement } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import {
  addQuestion,
  changeQuestion,
  deleteQuestion,
  listQuestions,
  type PairQuestion,
} from '../data/pairs.js';
import { sharedStyles } from '../styles/shared-styles.js';
import { announce } from './announcer.js';
import { actionName, refusalMessage } from './pair-tool-refusal.js';

/**
 * The pair's question list: between meetings the mentee notes every question that comes up at
 * work, and the pair works through them together. As the API has it, both partners read and
 * add; either marks a question answered or open again; only who asked one rewords or deletes it.
 */
@localized()
@customElement('tandem-question-list')
export class TandemQuestionList extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      section {
        margin-top: 2rem;
      }
      ul {
        list-style: none;
        padding: 0;
        margin: 0 0 1rem;
      }
      .text {
        white-space: pre-wrap;
        overflow-wrap: anywhere;
        margin: 0 0 0.5rem;
      }
      .answered .text {
        color: var(--tandem-muted);
      }
      .meta {
        font-size: 0.95rem;
        margin: 0;
      }
      textarea {
        width: 100%;
        min-height: 4rem;
      }
      h3 {
        font-size: 1.05rem;
      }
    `,
  ];

  @property({ attribute: false }) accessor pairId = '';
  @state() private accessor questions: PairQuestion[] | undefined;
  @state() private accessor draft = '';
  @state() private accessor draftInvalid = false;
  @state() private accessor editing: string | undefined;
  @state() private accessor editText = '';
  @state() private accessor busy = false;
  /** The question an error belongs to, or '' for the form that adds one. */
  @state() private accessor error: { at: string; error: unknown } | undefined;

  private readonly loaded = new Task(this, {
    task: async ([pairId], { signal }) => {
      this.questions = await listQuestions(pairId, signal);
      return this.questions;
    },
    args: () => [this.pairId] as const,
  });

  override render() {
    return html`<section aria-labelledby="questions-heading">
      <h2 id="questions-heading">${msg('Question list', { id: 'pairTools.questions.title' })}</h2>
      <p class="hint">
        ${msg(
          'Between your meetings, write down every question that comes up at work, even the ones that seem trivial. Only you and your partner see this list.',
          { id: 'pairTools.questions.intro' },
        )}
      </p>
      ${this.loaded.render({
        pending: () => html`<p role="status">${msg('Loading…', { id: 'task.loading' })}</p>`,
        error: (error) => refusalMessage(error),
        complete: () => this.renderList(),
      })}
    </section>`;
  }

  private renderList() {
    const questions = this.questions ?? [];
    const open = questions.filter((question) => !question.answered);
    const answered = questions.filter((question) => question.answered);
    return html`
      <h3>${msg(str`Open (${open.length})`, { id: 'pairTools.questions.open' })}</h3>
      ${
        open.length
          ? html`<ul aria-label=${msg('Open questions', { id: 'pairTools.questions.openList' })}>
            ${open.map((question) => this.renderQuestion(question))}
          </ul>`
          : html`<p>${msg('No open questions.', { id: 'pairTools.questions.noneOpen' })}</p>`
      }
      ${this.renderAdd()}
      ${
        answered.length
          ? html`<h3>${msg(str`Answered (${answered.length})`, { id: 'pairTools.questions.answered' })}</h3>
            <ul
              aria-label=${msg('Answered questions', { id: 'pairTools.questions.answeredList' })}
            >
              ${answered.map((question) => this.renderQuestion(question))}
            </ul>`
          : null
      }
    `;
  }

  private renderQuestion(question: PairQuestion) {
    if (this.editing === question.id) return this.renderEdit(question);
    const text = question.readable
      ? question.text
      : msg('This question can no longer be read. Please tell your HR team.', {
          id: 'pairTools.questions.unreadable',
        });
    const toggle = question.answered
      ? msg('Mark as open', { id: 'pairTools.questions.markOpen' })
      : msg('Mark as answered', { id: 'pairTools.questions.markAnswered' });
    const edit = msg('Edit', { id: 'pairTools.questions.edit' });
    const remove = msg('Delete', { id: 'pairTools.questions.delete' });
    return html`<li class="card ${question.answered ? 'answered' : ''}">
      <p class="text">${text}</p>
      <p class="meta muted">
        ${
          question.mine
            ? msg('Asked by you', { id: 'pairTools.questions.byMe' })
            : msg('Asked by your partner', { id: 'pairTools.questions.byPartner' })
        }
      </p>
      ${this.error?.at === question.id ? refusalMessage(this.error.error) : null}
      <div class="actions">
        <button
          type="button"
          id="toggle-${question.id}"
          aria-label=${actionName(toggle, text)}
          aria-disabled=${this.busy ? 'true' : 'false'}
          @click=${() => this.toggleAnswered(question)}
        >
          ${toggle}
        </button>
        ${
          question.mine && question.readable
            ? html`<button
                type="button"
                class="secondary"
                id="edit-${question.id}"
                aria-label=${actionName(edit, text)}
                @click=${() => this.startEditing(question)}
              >
                ${edit}
              </button>`
            : null
        }
        ${
          question.mine
            ? html`<button
                type="button"
                class="secondary"
                aria-label=${actionName(remove, text)}
                aria-disabled=${this.busy ? 'true' : 'false'}
                @click=${() => this.deleteOne(question)}
              >
                ${remove}
              </button>`
            : null
        }
      </div>
    </li>`;
  }

  private renderEdit(question: PairQuestion) {
    const id = `edit-text-${question.id}`;
    return html`<li class="card">
      <form novalidate @submit=${(event: Event) => this.save(event, question)}>
        <label for=${id}>${msg('Edit question', { id: 'pairTools.questions.editLabel' })}</label>
        <textarea
          id=${id}
          maxlength="2000"
          .value=${this.editText}
          @input=${(event: Event) => {
            this.editText = (event.target as HTMLTextAreaElement).value;
          }}
        ></textarea>
        ${this.error?.at === question.id ? refusalMessage(this.error.error) : null}
        <div class="actions">
          <button
            type="submit"
            aria-disabled=${this.busy || !this.editText.trim() ? 'true' : 'false'}
          >
            ${msg('Save question', { id: 'pairTools.questions.save' })}
          </button>
          <button type="button" class="secondary" @click=${() => this.stopEditing(question)}>
            ${msg('Cancel', { id: 'pairTools.questions.cancel' })}
          </button>
        </div>
      </form>
    </li>`;
  }

  private renderAdd() {
    const invalid = this.draftInvalid;
    return html`<form novalidate @submit=${this.add}>
      <div class="field">
        <label for="new-question">${msg('New question', { id: 'pairTools.questions.new' })}</label>
        <textarea
          id="new-question"
          maxlength="2000"
          .value=${this.draft}
          aria-invalid=${invalid ? 'true' : 'false'}
          aria-describedby=${invalid ? 'new-question-error' : ''}
          @input=${(event: Event) => {
            this.draft = (event.target as HTMLTextAreaElement).value;
            this.draftInvalid = false;
          }}
        ></textarea>
        ${
          invalid
            ? html`<p id="new-question-error" role="alert" class="error-text">
              ${msg('Please write your question first.', { id: 'pairTools.questions.empty' })}
            </p>`
            : null
        }
      </div>
      ${this.error?.at === '' ? refusalMessage(this.error.error) : null}
      <button type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>
        ${msg('Add question', { id: 'pairTools.questions.add' })}
      </button>
    </form>`;
  }

  private readonly add = async (event: Event) => {
    event.preventDefault();
    const text = this.draft.trim();
    if (!text) {
      this.draftInvalid = true;
      void this.focusOn('#new-question');
      return;
    }
    const ok = await this.run('', async () => {
      const question = await addQuestion(this.pairId, text);
      this.questions = [...(this.questions ?? []), question];
      this.draft = '';
    });
    if (ok) announce(msg('Question added.', { id: 'pairTools.questions.added' }));
  };

  private async toggleAnswered(question: PairQuestion): Promise<void> {
    const answered = !question.answered;
    const ok = await this.run(question.id, async () => {
      const changed = await changeQuestion(this.pairId, question.id, { answered });
      this.replace(changed);
    });
    if (!ok) return;
    announce(
      answered
        ? msg('Marked as answered.', { id: 'pairTools.questions.markedAnswered' })
        : msg('Marked as open again.', { id: 'pairTools.questions.markedOpen' }),
    );
    // The question moved to the other list; its button (now saying the opposite) keeps focus.
    await this.focusOn(`#toggle-${question.id}`);
  }

  private async startEditing(question: PairQuestion): Promise<void> {
    this.editing = question.id;
    this.editText = question.text;
    this.error = undefined;
    await this.focusOn(`#edit-text-${question.id}`);
  }

  private async stopEditing(question: PairQuestion): Promise<void> {
    this.editing = undefined;
    await this.focusOn(`#edit-${question.id}`);
  }

  private async save(event: Event, question: PairQuestion): Promise<void> {
    event.preventDefault();
    const text = this.editText.trim();
    if (!text) return;
    const ok = await this.run(question.id, async () => {
      this.replace(await changeQuestion(this.pairId, question.id, { text }));
    });
    if (!ok) return;
    announce(msg('Question saved.', { id: 'pairTools.questions.saved' }));
    await this.stopEditing(question);
  }

  private async deleteOne(question: PairQuestion): Promise<void> {
    const confirmation = msg('Delete this question?', { id: 'pairTools.questions.confirmDelete' });
    if (!window.confirm(confirmation)) return;
    const ok = await this.run(question.id, async () => {
      await deleteQuestion(this.pairId, question.id);
      this.questions = (this.questions ?? []).filter((each) => each.id !== question.id);
    });
    if (!ok) return;
    announce(msg('Question deleted.', { id: 'pairTools.questions.deleted' }));
    await this.focusOn('#new-question');
  }

  private replace(changed: PairQuestion): void {
    this.questions = (this.questions ?? []).map((each) =>
      each.id === changed.id ? changed : each,
    );
  }

  private async focusOn(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  private async run(at: string, action: () => Promise<void>): Promise<boolean> {
    if (this.busy) return false;
    this.busy = true;
    this.error = undefined;
    try {
      await action();
      return true;
    } catch (error) {
      this.error = { at, error };
      return false;
    } finally {
      this.busy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tandem-question-list': TandemQuestionList;
  }
}
