import { localized, msg } from '@lit/localize';
import { Task } from '@lit/task';
import { css, html, LitElement } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { addNote, changeNote, deleteNote, listNotes, type PairNote } from '../data/pairs.js';
import { sharedStyles } from '../styles/shared-styles.js';
import { announce } from './announcer.js';
import { formatDateTime } from './date-time.js';
import { errorMessage, taskView } from './task-view.js';

/** The pair's private notes: only its two members read them; each edits their own. */
@localized()
@customElement('tandem-pair-notes')
export class TandemPairNotes extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      ul {
        list-style: none;
        padding: 0;
        margin: 0 0 1rem;
      }
      .body {
        white-space: pre-wrap;
        overflow-wrap: anywhere;
        margin: 0 0 0.5rem;
      }
      textarea {
        width: 100%;
        min-height: 6rem;
      }
      .meta {
        font-size: 0.95rem;
        margin: 0;
      }
    `,
  ];

  @property({ attribute: false }) accessor pairId = '';
  @state() private accessor notes: PairNote[] | undefined;
  @state() private accessor draft = '';
  @state() private accessor draftInvalid = false;
  @state() private accessor editing: string | undefined;
  @state() private accessor editText = '';
  @state() private accessor busy = false;
  @state() private accessor error: unknown;

  private readonly loaded = new Task(this, {
    task: async ([pairId], { signal }) => {
      const notes = await listNotes(pairId, signal);
      this.notes = notes;
      return notes;
    },
    args: () => [this.pairId] as const,
  });

  override render() {
    return taskView(this.loaded, () => {
      const notes = this.notes ?? [];
      return html`
        <p class="hint">
          ${msg('Only you and your partner can read these notes.', { id: 'tandem.notes.private' })}
        </p>
        ${
          notes.length
            ? html`<ul>
              ${notes.map((note) => this.renderNote(note))}
            </ul>`
            : html`<p>${msg('No notes yet.', { id: 'tandem.notes.none' })}</p>`
        }
        ${this.error ? errorMessage(this.error) : null} ${this.renderAdd()}
      `;
    });
  }

  private renderNote(note: PairNote) {
    const when = formatDateTime(note.updatedAt, 'short');
    if (this.editing === note.id) {
      const id = `edit-${note.id}`;
      return html`<li class="card">
        <form @submit=${(event: Event) => this.save(event, note)}>
          <label for=${id}>${msg('Edit note', { id: 'tandem.notes.editLabel' })}</label>
          <textarea
            id=${id}
            required
            maxlength="10000"
            .value=${this.editText}
            @input=${(event: Event) => {
              this.editText = (event.target as HTMLTextAreaElement).value;
            }}
          ></textarea>
          <div class="actions">
            <button type="submit" aria-disabled=${this.busy || !this.editText.trim() ? 'true' : 'false'}>
              ${msg('Save', { id: 'tandem.notes.save' })}
            </button>
            <button type="button" class="secondary" @click=${() => this.stopEditing(note)}>
              ${msg('Cancel', { id: 'tandem.notes.cancel' })}
            </button>
          </div>
        </form>
      </li>`;
    }
    return html`<li class="card">
      ${
        note.readable
          ? html`<p class="body">${note.body}</p>`
          : html`<p class="body muted">
              ${msg('This note can no longer be read. Please tell your HR team.', { id: 'tandem.notes.unreadable' })}
            </p>`
      }
      <p class="meta muted">
        ${note.mine ? msg('You', { id: 'tandem.notes.byMe' }) : msg('Your partner', { id: 'tandem.notes.byPartner' })},
        <time datetime=${note.updatedAt}>${when}</time>
      </p>
      ${
        note.mine
          ? html`<div class="actions">
            <button
              type="button"
              class="secondary"
              id="edit-button-${note.id}"
              aria-label=${msg('Edit this note', { id: 'tandem.notes.edit' })}
              @click=${() => this.startEditing(note)}
            >
              ${msg('Edit', { id: 'tandem.notes.editShort' })}
            </button>
            <button
              type="button"
              class="secondary"
              aria-label=${msg('Delete this note', { id: 'tandem.notes.delete' })}
              aria-disabled=${this.busy ? 'true' : 'false'}
              @click=${() => this.deleteOne(note)}
            >
              ${msg('Delete', { id: 'tandem.notes.deleteShort' })}
            </button>
          </div>`
          : null
      }
    </li>`;
  }

  private renderAdd() {
    const invalid = this.draftInvalid;
    return html`<form novalidate @submit=${this.add}>
      <div class="field">
        <label for="new-note">${msg('New note', { id: 'tandem.notes.new' })}</label>
        <textarea
          id="new-note"
          maxlength="10000"
          .value=${this.draft}
          aria-invalid=${invalid ? 'true' : 'false'}
          aria-describedby=${invalid ? 'new-note-error' : ''}
          @input=${(event: Event) => {
            this.draft = (event.target as HTMLTextAreaElement).value;
            this.draftInvalid = false;
          }}
        ></textarea>
        ${
          invalid
            ? html`<p id="new-note-error" role="alert" class="error-text">
              ${msg('Please write something first.', { id: 'tandem.notes.empty' })}
            </p>`
            : null
        }
      </div>
      <button type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>
        ${msg('Add note', { id: 'tandem.notes.add' })}
      </button>
    </form>`;
  }

  private readonly add = async (event: Event) => {
    event.preventDefault();
    if (!this.draft.trim()) {
      this.draftInvalid = true;
      this.renderRoot.querySelector<HTMLElement>('#new-note')?.focus();
      return;
    }
    const ok = await this.run(async () => {
      const note = await addNote(this.pairId, this.draft.trim());
      this.notes = [...(this.notes ?? []), note];
      this.draft = '';
    });
    if (ok) announce(msg('Note added.', { id: 'tandem.notes.added' }));
  };

  private async startEditing(note: PairNote): Promise<void> {
    this.editing = note.id;
    this.editText = note.body;
    await this.updateComplete;
    this.shadowRoot?.getElementById(`edit-${note.id}`)?.focus();
  }

  private async stopEditing(note: PairNote): Promise<void> {
    this.editing = undefined;
    await this.updateComplete;
    this.shadowRoot?.getElementById(`edit-button-${note.id}`)?.focus();
  }

  private async save(event: Event, note: PairNote): Promise<void> {
    event.preventDefault();
    if (!this.editText.trim()) return;
    const ok = await this.run(async () => {
      const saved = await changeNote(this.pairId, note.id, this.editText.trim());
      this.notes = (this.notes ?? []).map((each) => (each.id === note.id ? saved : each));
    });
    if (!ok) return;
    announce(msg('Note saved.', { id: 'tandem.notes.saved' }));
    await this.stopEditing(note);
  }

  private async deleteOne(note: PairNote): Promise<void> {
    if (!window.confirm(msg('Delete this note?', { id: 'tandem.notes.confirmDelete' }))) return;
    const ok = await this.run(async () => {
      await deleteNote(this.pairId, note.id);
      this.notes = (this.notes ?? []).filter((each) => each.id !== note.id);
    });
    if (!ok) return;
    announce(msg('Note deleted.', { id: 'tandem.notes.deleted' }));
    this.renderRoot.querySelector<HTMLElement>('#new-note')?.focus();
  }

  private async run(action: () => Promise<void>): Promise<boolean> {
    if (this.busy) return false;
    this.busy = true;
    this.error = undefined;
    try {
      await action();
      return true;
    } catch (error) {
      this.error = error;
      return false;
    } finally {
      this.busy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tandem-pair-notes': TandemPairNotes;
  }
}
