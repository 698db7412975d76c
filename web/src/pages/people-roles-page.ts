import { localized, msg, str } from '@lit/localize';
import { Task } from '@lit/task';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { announce } from '../components/announcer.js';
import { taskView } from '../components/task-view.js';
import { ApiError } from '../data/api-client.js';
import {
  findStaff,
  type StaffPerson,
  setRoles,
  TANDEM_ROLES,
  type TandemRole,
} from '../data/roles.js';
import { sharedStyles } from '../styles/shared-styles.js';
import { roleLabel } from './role-texts.js';

/**
 * The admins' "People & roles": everyone holding a Tandem role, or the people a search finds,
 * each with the roles to tick. Roles given here stay over sign-in; a role from the identity
 * provider's groups says so, and comes back with the next sign-in if taken away here.
 */
@localized()
@customElement('tandem-people-roles-page')
export class TandemPeopleRolesPage extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      .search {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1rem;
        align-items: end;
      }
      .people {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      .roles {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem 1.25rem;
        border: 0;
        padding: 0;
        margin: 0 0 0.5rem;
      }
      .roles label {
        font-weight: normal;
      }
    `,
  ];

  @state() private accessor query = '';
  @state() private accessor error = '';

  private readonly people = new Task(this, {
    task: async ([query], { signal }) => findStaff(query, signal),
    args: () => [this.query] as const,
  });

  override render() {
    return html`
      <p><a href="/admin">${msg('Back to administration', { id: 'admin.back' })}</a></p>
      <h1>${msg('People & roles', { id: 'roles.dashboardLink' })}</h1>
      <p>${msg('Programme managers administer the programmes assigned to them (on each programme’s page). Report readers see the aggregate reports of every programme and the audit log, without anyone’s name.', { id: 'roles.intro' })}</p>
      <form class="card search" role="search" @submit=${this.onSearch}>
        <div class="field">
          <label for="query">${msg('Name or email', { id: 'roles.search' })}</label>
          <input id="query" name="query" type="search" minlength="2" .value=${this.query} />
        </div>
        <button type="submit">${msg('Find', { id: 'roles.find' })}</button>
      </form>
      ${this.error ? html`<p role="alert" class="error-text">${this.error}</p>` : nothing}
      ${taskView(this.people, (people) => this.renderPeople(people))}
    `;
  }

  private renderPeople(people: StaffPerson[]) {
    if (!people.length)
      return html`<p role="status">${msg('Nobody found.', { id: 'roles.none' })}</p>`;
    return html`<ul class="people">
      ${people.map((person) => html`<li class="card">${this.renderPerson(person)}</li>`)}
    </ul>`;
  }

  private renderPerson(person: StaffPerson) {
    const id = `p-${person.id}`;
    return html`<form @submit=${(event: SubmitEvent) => this.onSave(event, person)}
      aria-labelledby=${id}>
      <h2 id=${id}>${person.name}</h2>
      <p class="muted">${[person.email, person.department].filter(Boolean).join(' · ')}</p>
      <fieldset class="roles">
        <legend>${msg(str`Roles of ${person.name}`, { id: 'roles.legend' })}</legend>
        ${TANDEM_ROLES.map((role) => this.renderRole(person, role))}
      </fieldset>
      <button type="submit" class="secondary">${msg('Save roles', { id: 'roles.save' })}</button>
    </form>`;
  }

  private renderRole(person: StaffPerson, role: TandemRole) {
    const id = `${person.id}-${role}`;
    const fromIdp = person.roles.includes(role) && !person.granted.includes(role);
    return html`<span>
      <input type="checkbox" id=${id} name="role" value=${role}
        .checked=${person.roles.includes(role)} />
      <label for=${id}>${roleLabel(role)}${fromIdp ? html` <span class="muted">(${msg('from the sign-in', { id: 'roles.fromIdp' })})</span>` : nothing}</label>
    </span>`;
  }

  private onSearch(event: SubmitEvent): void {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    this.query = String(data.get('query') ?? '').trim();
  }

  private async onSave(event: SubmitEvent, person: StaffPerson): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const roles = data.getAll('role').map(String) as TandemRole[];
    this.error = '';
    try {
      await setRoles(person.id, roles);
      announce(msg(str`The roles of ${person.name} are saved.`, { id: 'roles.saved' }));
      this.people.run();
    } catch (error) {
      this.error = error instanceof ApiError ? error.message : String(error);
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tandem-people-roles-page': TandemPeopleRolesPage;
  }
}
