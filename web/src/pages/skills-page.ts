import { localized, msg, str } from '@lit/localize';
import { Task } from '@lit/task';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { announce } from '../components/announcer.js';
import '../components/tandem-dialog.js';
import { tableRegion } from '../components/table-region.js';
import type { TandemDialog } from '../components/tandem-dialog.js';
import { errorText, taskView } from '../components/task-view.js';
import { ApiError } from '../data/api-client.js';
import {
  createSkill,
  readAllSkills,
  SKILL_CATEGORIES,
  type Skill,
  type SkillCategory,
  updateSkill,
} from '../data/skills.js';
import { getLocale } from '../i18n/locale.js';
import { sharedStyles } from '../styles/shared-styles.js';

/**
 * The organisation's skill taxonomy: what people can offer and want to learn, named in German
 * and English. Skills are archived rather than deleted, because profiles refer to them.
 */
@localized()
@customElement('tandem-skills-page')
export class TandemSkillsPage extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      .fields {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
        gap: 0 1rem;
      }
      .fields input,
      .fields select {
        width: 100%;
      }
      td .actions {
        margin-top: 0;
        flex-wrap: nowrap;
      }
      #edit-form .hint {
        margin-bottom: 1rem;
      }
      tr.archived th,
      tr.archived td {
        color: var(--tandem-muted);
      }
    `,
  ];

  @state() private accessor skills: Skill[] = [];
  @state() private accessor addError = '';
  /** The add form's fields that were left wrong, marked aria-invalid. */
  @state() private accessor addInvalid: ReadonlySet<string> = new Set();
  @state() private accessor editError = '';
  @state() private accessor listError = '';
  @state() private accessor editing: Skill | null = null;

  @query('#edit-dialog') private accessor editDialog!: TandemDialog;
  @query('#add-form') private accessor addForm!: HTMLFormElement;

  private readonly load = new Task(this, {
    task: async (_args, { signal }) => {
      this.skills = await readAllSkills(signal);
    },
    args: () => [] as const,
  });

  override render() {
    return html`<h1 tabindex="-1">${msg('Skills', { id: 'skills.title' })}</h1>
      <p>
        ${msg(
          'The skills people can offer and want to learn in their profile. Archived skills are offered no more, but stay in the profiles that have them.',
          { id: 'skills.intro' },
        )}
      </p>
      ${this.renderAddForm()}
      <h2 id="list-heading" tabindex="-1">${msg('All skills', { id: 'skills.list' })}</h2>
      ${this.listError ? html`<p role="alert" class="error-text">${this.listError}</p>` : nothing}
      ${taskView(this.load, () => this.renderTable())} ${this.renderEditDialog()}`;
  }

  private renderAddForm() {
    return html`<form id="add-form" class="card" @submit=${this.onAdd} novalidate>
      <h2>${msg('Add a skill', { id: 'skills.add.heading' })}</h2>
      <div class="fields">
        <div class="field">
          <label for="add-key">${msg('Key', { id: 'skills.key' })}</label>
          <input
            id="add-key"
            name="key"
            required
            pattern="[a-z][a-z0-9]*(-[a-z0-9]+)*"
            maxlength="60"
            aria-describedby=${this.addInvalid.has('key') ? 'add-key-hint add-error' : 'add-key-hint'}
            aria-invalid=${this.addInvalid.has('key') ? 'true' : 'false'}
          />
          <p class="hint" id="add-key-hint">
            ${msg('Lower case with hyphens, e.g. video-editing. It cannot be changed later.', {
              id: 'skills.key.hint',
            })}
          </p>
        </div>
        ${this.labelFields('add')}
      </div>
      ${
        this.addError
          ? html`<p role="alert" class="error-text" id="add-error">${this.addError}</p>`
          : nothing
      }
      <div class="actions"><button type="submit">${msg('Add skill', { id: 'skills.add' })}</button></div>
    </form>`;
  }

  /** German and English name and the category, for adding and for editing. */
  private labelFields(prefix: string, skill?: Skill) {
    return html`<div class="field">
        <label for=${`${prefix}-de`}>${msg('Name in German', { id: 'skills.labelDe' })}</label>
        <input
          id=${`${prefix}-de`}
          name="de"
          required
          maxlength="100"
          lang="de"
          aria-invalid=${prefix === 'add' && this.addInvalid.has('de') ? 'true' : 'false'}
          aria-describedby=${prefix === 'add' && this.addInvalid.has('de') ? 'add-error' : nothing}
          .value=${skill?.label.de ?? ''}
        />
      </div>
      <div class="field">
        <label for=${`${prefix}-en`}>${msg('Name in English', { id: 'skills.labelEn' })}</label>
        <input
          id=${`${prefix}-en`}
          name="en"
          required
          maxlength="100"
          lang="en"
          aria-invalid=${prefix === 'add' && this.addInvalid.has('en') ? 'true' : 'false'}
          aria-describedby=${prefix === 'add' && this.addInvalid.has('en') ? 'add-error' : nothing}
          .value=${skill?.label.en ?? ''}
        />
      </div>
      <div class="field">
        <label for=${`${prefix}-category`}>${msg('Category', { id: 'skills.category' })}</label>
        <select id=${`${prefix}-category`} name="category">
          ${SKILL_CATEGORIES.map(
            (category) =>
              html`<option value=${category} ?selected=${skill?.category === category}>
                ${categoryLabel(category)}
              </option>`,
          )}
        </select>
      </div>`;
  }

  private renderTable() {
    if (this.skills.length === 0)
      return html`<p>${msg('There are no skills yet.', { id: 'skills.none' })}</p>`;
    return tableRegion(
      msg('All skills', { id: 'skills.list' }),
      html`<thead>
          <tr>
            <th scope="col">${msg('Name in German', { id: 'skills.labelDe' })}</th>
            <th scope="col">${msg('Name in English', { id: 'skills.labelEn' })}</th>
            <th scope="col">${msg('Key', { id: 'skills.key' })}</th>
            <th scope="col">${msg('Category', { id: 'skills.category' })}</th>
            <th scope="col">${msg('Status', { id: 'skills.status' })}</th>
            <th scope="col"><span class="visually-hidden">${msg('Actions', { id: 'skills.actions' })}</span></th>
          </tr>
        </thead>
        <tbody>
          ${this.skills.map((skill) => this.renderRow(skill))}
        </tbody>`,
    );
  }

  private renderRow(skill: Skill) {
    const name = labelOf(skill);
    return html`<tr class=${skill.archived ? 'archived' : ''}>
      <th scope="row" lang="de">${skill.label.de}</th>
      <td lang="en">${skill.label.en}</td>
      <td><code>${skill.key}</code></td>
      <td>${categoryLabel(skill.category)}</td>
      <td>
        ${
          skill.archived
            ? msg('Archived', { id: 'skills.archived' })
            : msg('Offered', { id: 'skills.active' })
        }
      </td>
      <td>
        <div class="actions">
          <button class="secondary" @click=${() => this.onEditClick(skill)}>
            ${msg('Edit', { id: 'skills.edit' })}<span class="visually-hidden"> ${name}</span>
          </button>
          <button
            class="secondary"
            id=${`archive-${skill.key}`}
            @click=${() => this.onArchive(skill)}
          >
            ${
              skill.archived
                ? msg('Offer again', { id: 'skills.restore' })
                : msg('Archive', { id: 'skills.archive' })
            }<span class="visually-hidden"> ${name}</span>
          </button>
        </div>
      </td>
    </tr>`;
  }

  private renderEditDialog() {
    const skill = this.editing;
    const name = skill ? labelOf(skill) : '';
    return html`<tandem-dialog
      id="edit-dialog"
      heading=${msg(str`Edit ${name}`, { id: 'skills.edit.heading' })}
      @close=${() => {
        this.editing = null;
      }}
    >
      ${
        skill
          ? html`<form id="edit-form" @submit=${this.onEditSave} novalidate>
            <p class="hint">${msg(str`Key: ${skill.key}`, { id: 'skills.edit.key' })}</p>
            <div class="fields">${this.labelFields('edit', skill)}</div>
            ${
              this.editError
                ? html`<p role="alert" class="error-text">${this.editError}</p>`
                : nothing
            }
          </form>`
          : nothing
      }
      <button slot="actions" type="submit" form="edit-form">
        ${msg('Save', { id: 'skills.save' })}
      </button>
      <button slot="actions" class="secondary" @click=${() => this.editDialog.close()}>
        ${msg('Cancel', { id: 'skills.cancel' })}
      </button>
    </tandem-dialog>`;
  }

  private async onAdd(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = this.addForm;
    const data = new FormData(form);
    const key = String(data.get('key') ?? '').trim();
    const de = String(data.get('de') ?? '').trim();
    const en = String(data.get('en') ?? '').trim();
    const category = toCategory(data.get('category'));
    this.addError = '';
    const invalid = new Set<string>();
    if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(key)) invalid.add('key');
    if (!de) invalid.add('de');
    if (!en) invalid.add('en');
    this.addInvalid = invalid;
    if (invalid.size > 0) {
      this.addError = msg(
        'Please give a key in lower case with hyphens and a name in German and in English.',
        { id: 'skills.add.invalid' },
      );
      await this.updateComplete;
      const first = [...invalid][0];
      this.renderRoot.querySelector<HTMLInputElement>(`#add-${first}`)?.focus();
      return;
    }
    try {
      const skill = await createSkill({ key, label: { de, en }, category });
      this.skills = [...this.skills, skill];
      form.reset();
      announce(msg(str`Skill ${labelOf(skill)} added.`, { id: 'skills.added' }));
      this.renderRoot.querySelector<HTMLInputElement>('#add-key')?.focus();
    } catch (error) {
      // A clash is about the key, the only field the server can refuse that we did not check.
      if (error instanceof ApiError && error.status === 409) this.addInvalid = new Set(['key']);
      this.addError = errorText(error);
    }
  }

  private async onEditClick(skill: Skill): Promise<void> {
    this.editing = skill;
    this.editError = '';
    await this.updateComplete;
    await this.editDialog.show();
  }

  private async onEditSave(event: Event): Promise<void> {
    event.preventDefault();
    const skill = this.editing;
    const form = this.renderRoot.querySelector<HTMLFormElement>('#edit-form');
    if (!skill || !form) return;
    const data = new FormData(form);
    const de = String(data.get('de') ?? '').trim();
    const en = String(data.get('en') ?? '').trim();
    if (!de || !en) {
      this.editError = msg('Please give a name in German and in English.', {
        id: 'skills.edit.invalid',
      });
      return;
    }
    try {
      const saved = await updateSkill(skill.key, {
        label: { de, en },
        category: toCategory(data.get('category')),
      });
      this.replace(saved);
      this.editDialog.close();
      const name = labelOf(saved);
      announce(msg(str`Skill ${name} saved.`, { id: 'skills.saved' }));
    } catch (error) {
      this.editError = errorText(error);
    }
  }

  private async onArchive(skill: Skill): Promise<void> {
    this.listError = '';
    const name = labelOf(skill);
    try {
      const saved = await updateSkill(skill.key, { archived: !skill.archived });
      this.replace(saved);
      announce(
        saved.archived
          ? msg(str`Skill ${name} archived: it is offered no more.`, { id: 'skills.archivedDone' })
          : msg(str`Skill ${name} is offered again.`, { id: 'skills.restored' }),
      );
    } catch (error) {
      this.listError = errorText(error);
    }
  }

  private replace(saved: Skill): void {
    this.skills = this.skills.map((skill) => (skill.key === saved.key ? saved : skill));
  }
}

/** The skill's name in the language the app is shown in. */
function labelOf(skill: Skill): string {
  return getLocale() === 'de' ? skill.label.de : skill.label.en;
}

function toCategory(value: FormDataEntryValue | null): SkillCategory {
  return SKILL_CATEGORIES.find((category) => category === value) ?? 'digital';
}

function categoryLabel(category: SkillCategory): string {
  switch (category) {
    case 'digital':
      return msg('Digital', { id: 'skills.category.digital' });
    case 'organisation':
      return msg('Organisation', { id: 'skills.category.organisation' });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tandem-skills-page': TandemSkillsPage;
  }
}
