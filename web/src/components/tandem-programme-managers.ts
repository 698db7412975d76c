import { localized, msg, str } from '@lit/localize';
import { Task } from '@lit/task';
import { html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ApiError } from '../data/api-client.js';
import { findStaff, readProgrammeManagers, setProgrammeManagers } from '../data/roles.js';
import { sharedStyles } from '../styles/shared-styles.js';
import { announce } from './announcer.js';
import { taskView } from './task-view.js';

/**
 * Who manages a programme, for admins on the programme's page: everyone holding the
 * programme-manager role, ticked when assigned. The role itself is given on "People & roles".
 */
@localized()
@customElement('tandem-programme-managers')
export class TandemProgrammeManagers extends LitElement {
  static override styles = [sharedStyles];

  @property() accessor programmeId = '';
  @state() private accessor error = '';

  private readonly choices = new Task(this, {
    task: async ([id], { signal }) => {
      const [staff, assigned] = await Promise.all([
        findStaff('', signal),
        readProgrammeManagers(id, signal),
      ]);
      const managers = staff.filter((person) => person.roles.includes('programme-manager'));
      return { managers, assigned: new Set(assigned.map((manager) => manager.id)) };
    },
    args: () => [this.programmeId] as const,
  });

  override render() {
    return html`<section class="card" aria-labelledby="managers-heading">
      <h2 id="managers-heading">${msg('Programme managers', { id: 'roles.managers.title' })}</h2>
      ${taskView(this.choices, ({ managers, assigned }) =>
        managers.length
          ? html`<form @submit=${this.onSave}>
              <fieldset>
                <legend>${msg('Who may administer this programme', { id: 'roles.managers.legend' })}</legend>
                ${managers.map(
                  (person) => html`<div>
                    <input type="checkbox" id=${`m-${person.id}`} name="manager" value=${person.id}
                      .checked=${assigned.has(person.id)} />
                    <label for=${`m-${person.id}`}>${person.name}</label>
                  </div>`,
                )}
              </fieldset>
              <button type="submit" class="secondary">${msg('Save managers', { id: 'roles.managers.save' })}</button>
            </form>`
          : html`<p>${msg('Nobody holds the programme-manager role yet; give it on "People & roles".', { id: 'roles.managers.nobody' })}
              <a href="/admin/people">${msg('People & roles', { id: 'roles.dashboardLink' })}</a></p>`,
      )}
      ${this.error ? html`<p role="alert" class="error-text">${this.error}</p>` : nothing}
    </section>`;
  }

  private async onSave(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const ids = new FormData(event.target as HTMLFormElement).getAll('manager').map(String);
    this.error = '';
    try {
      const saved = await setProgrammeManagers(this.programmeId, ids);
      announce(
        msg(str`${saved.length} programme managers assigned.`, { id: 'roles.managers.saved' }),
      );
    } catch (error) {
      this.error = error instanceof ApiError ? error.message : String(error);
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tandem-programme-managers': TandemProgrammeManagers;
  }
}
