import { localized, msg, str } from '@lit/localize';
import { Task } from '@lit/task';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { announce } from '../components/announcer.js';
import { kindLabel } from '../components/programme-labels.js';
import { errorMessage, errorText, taskView } from '../components/task-view.js';
import '../components/tandem-curriculum-preview.js';
import '../components/tandem-programme-form.js';
import type { ProgrammeFormValue } from '../components/tandem-programme-form.js';
import { createProgramme, type ProgrammeKind } from '../data/admin-programmes.js';
import { type CurriculumTemplate, listCurricula, previewCurriculum } from '../data/curricula.js';
import { getLocale } from '../i18n/locale.js';
import { plural } from '../i18n/plural.js';
import { navigate } from '../router/router.js';
import { sharedStyles } from '../styles/shared-styles.js';

/**
 * Creating a programme in three steps on one page: choose a curriculum template, look at its
 * sessions, then name it and set the main settings. Choosing a template moves focus to its
 * preview; creating goes on to the new programme's page.
 */
@localized()
@customElement('tandem-admin-programme-new-page')
export class TandemAdminProgrammeNewPage extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      .templates {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(min(100%, 18rem), 1fr));
        gap: 1rem;
      }
      .templates .card {
        margin: 0;
        height: 100%;
        box-sizing: border-box;
        display: flex;
        flex-direction: column;
      }
      .templates .card.chosen {
        border: 3px solid var(--tandem-primary);
      }
      .templates .actions {
        margin-top: auto;
        padding-top: 0.5rem;
      }
      .chosen-note {
        margin: 0;
        align-self: center;
        font-weight: 700;
      }
      dl {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: 0.25rem 1rem;
        margin: 0.5rem 0;
      }
      dt {
        font-weight: 600;
      }
      dd {
        margin: 0;
      }
      section {
        margin-top: 2rem;
      }
      h2:focus {
        outline: none;
      }
    `,
  ];

  @state() private accessor template: CurriculumTemplate | undefined;
  @state() private accessor kind: ProgrammeKind | undefined;
  @state() private accessor busy = false;
  @state() private accessor error = '';

  private readonly templates = new Task(this, {
    task: async (_args, { signal }) => listCurricula(signal),
    args: () => [] as const,
  });

  private readonly preview = new Task(this, {
    task: async ([name, kind, locale], { signal }) => {
      if (!name || !kind) return undefined;
      return previewCurriculum(name, { kind, locale }, signal);
    },
    args: () => [this.template?.name, this.kind, getLocale() === 'en' ? 'en' : 'de'] as const,
  });

  override render() {
    return html`
      <p><a href="/admin">${msg('Back to administration', { id: 'admin.back' })}</a></p>
      <h1>${msg('New programme', { id: 'admin.new.title' })}</h1>
      <section aria-labelledby="step-template">
        <h2 id="step-template">${msg('1. Choose a template', { id: 'admin.new.step1' })}</h2>
        ${taskView(this.templates, (templates) => this.renderTemplates(templates))}
      </section>
      ${this.template ? this.renderChosen(this.template) : nothing}
    `;
  }

  private renderTemplates(templates: CurriculumTemplate[]) {
    if (!templates.length) {
      return html`<p>${msg('No curriculum templates are installed.', { id: 'admin.new.noTemplates' })}</p>`;
    }
    const locale = getLocale() === 'en' ? 'en' : 'de';
    return html`<ul class="templates">
      ${templates.map((template) => {
        const chosen = template.name === this.template?.name;
        const title = template.title[locale];
        const { sessionCount, durationWeeks } = template.defaults;
        return html`<li>
          <article class="card ${chosen ? 'chosen' : ''}" aria-labelledby="t-${template.name}">
            <h3 id="t-${template.name}">${title}</h3>
            <p>${template.description[locale]}</p>
            <dl>
              <dt>${msg('Kind', { id: 'admin.dashboard.kind' })}</dt>
              <dd>${template.kinds.map(kindLabel).join(', ')}</dd>
              <dt>${msg('Duration', { id: 'admin.new.duration' })}</dt>
              <dd>${plural(durationWeeks, {
                one: msg(str`${durationWeeks} week`, { id: 'admin.new.weeks.one' }),
                other: msg(str`${durationWeeks} weeks`, { id: 'admin.new.weeks' }),
              })}</dd>
              <dt>${msg('Sessions', { id: 'admin.new.sessions' })}</dt>
              <dd>${sessionCount}</dd>
            </dl>
            <div class="actions">
              <button type="button" class=${chosen ? '' : 'secondary'} aria-pressed=${chosen ? 'true' : 'false'}
                @click=${() => this.choose(template)}>
                ${msg('Choose', { id: 'admin.new.choose' })}<span class="visually-hidden"> ${title}</span>
              </button>
              ${chosen ? html`<p class="chosen-note">${msg('✓ Chosen', { id: 'admin.new.chosen' })}</p>` : nothing}
            </div>
          </article>
        </li>`;
      })}
    </ul>`;
  }

  private renderChosen(template: CurriculumTemplate) {
    const locale = getLocale() === 'en' ? 'en' : 'de';
    const defaults = template.defaults;
    return html`
      <section aria-labelledby="step-preview">
        <h2 id="step-preview" tabindex="-1">
          ${msg(str`2. Curriculum: ${template.title[locale]}`, { id: 'admin.new.step2' })}
        </h2>
        ${template.kinds.length > 1 ? this.renderKinds(template) : nothing}
        ${this.preview.render({
          pending: () => html`<p role="status">${msg('Loading…', { id: 'task.loading' })}</p>`,
          error: (error) => errorMessage(error),
          complete: (preview) =>
            html`<tandem-curriculum-preview .preview=${preview}></tandem-curriculum-preview>`,
        })}
      </section>
      <section aria-labelledby="step-settings">
        <h2 id="step-settings">${msg('3. Name and settings', { id: 'admin.new.step3' })}</h2>
        <tandem-programme-form
          .settings=${{ channels: defaults.channels, languages: ['de'], format: 'both' as const }}
          .submitLabel=${msg('Create programme', { id: 'admin.new.create' })}
          .busy=${this.busy}
          .error=${this.error}
          @programme-submit=${this.onSubmit}
        ></tandem-programme-form>
      </section>
    `;
  }

  private renderKinds(template: CurriculumTemplate) {
    return html`<fieldset>
      <legend>${msg('Kind of programme', { id: 'admin.new.kind' })}</legend>
      <div class="choices">
        ${template.kinds.map(
          (kind) => html`<label>
            <input type="radio" name="kind" value=${kind} .checked=${kind === this.kind}
              @change=${() => {
                this.kind = kind;
              }} />
            ${kindLabel(kind)}
          </label>`,
        )}
      </div>
    </fieldset>`;
  }

  private async choose(template: CurriculumTemplate): Promise<void> {
    this.template = template;
    this.kind = template.kinds[0];
    this.error = '';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#step-preview')?.focus();
  }

  private async onSubmit(event: CustomEvent<ProgrammeFormValue>): Promise<void> {
    if (!this.template || this.busy) return;
    const { name, description, settings } = event.detail;
    this.busy = true;
    this.error = '';
    try {
      const created = await createProgramme({
        curriculum: this.template.name,
        ...(this.kind ? { kind: this.kind } : {}),
        name,
        description,
        settings,
      });
      announce(msg(str`Programme ${created.name} created.`, { id: 'admin.new.created' }));
      navigate(`/admin/programmes/${encodeURIComponent(created.id)}`);
    } catch (error) {
      this.error = errorText(error);
    } finally {
      this.busy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tandem-admin-programme-new-page': TandemAdminProgrammeNewPage;
  }
}
