import { localized, msg, str } from '@lit/localize';
import { Task, TaskStatus } from '@lit/task';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { formatDate } from '../components/date-time.js';
import { enrolmentStateLabel, roleLabel } from '../components/programme-labels.js';
import { tableRegion } from '../components/table-region.js';
import { errorMessage } from '../components/task-view.js';
import {
  type EnrolmentFilter,
  type EnrolmentRole,
  type EnrolmentRow,
  type EnrolmentSort,
  type EnrolmentState,
  enrolmentExportHref,
  listEnrolments,
} from '../data/admin-enrolments.js';
import { readProgramme } from '../data/admin-programmes.js';
import { sharedStyles } from '../styles/shared-styles.js';
import '../components/tandem-pending-approvals.js';

const PAGE_SIZE = 50;
const ROLES: EnrolmentRole[] = ['mentor', 'mentee', 'either'];
const STATES: EnrolmentState[] = [
  'active',
  'awaiting-approval',
  'waitlisted',
  'withdrawn',
  'declined',
  'expired',
];
type SortKey = 'name' | 'department' | 'role' | 'enrolledAt';

/**
 * A programme's enrolments as a table admins search, filter, sort and page through. The server
 * does all four (a programme may have thousands), so the page only ever holds one page of
 * rows. The filter lives in the address too, so a reload or a shared link shows the same.
 */
@localized()
@customElement('tandem-admin-enrolments-page')
export class TandemAdminEnrolmentsPage extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      .filters {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 13rem), 1fr));
        gap: 0 1rem;
        align-items: start;
      }
      .filters input,
      .filters select {
        width: 100%;
      }
      .bar {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: space-between;
        gap: 0.5rem 1rem;
        margin: 0.5rem 0 1rem;
      }
      .bar p {
        margin: 0;
      }
      th button {
        min-height: 2.75rem;
        padding: 0.25rem 0;
        background: none;
        border: none;
        color: var(--tandem-primary);
        font-weight: 700;
        text-decoration: underline;
      }
      th button:hover {
        background: none;
        color: var(--tandem-primary-dark);
      }
      thead th {
        white-space: nowrap;
        vertical-align: bottom;
      }
      tbody th {
        min-width: 12rem;
      }
      .email {
        display: block;
        font-weight: 400;
        color: var(--tandem-muted);
        font-size: 0.95rem;
        overflow-wrap: anywhere;
      }
      .paging {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem 1rem;
        margin-top: 1rem;
      }
      .paging p {
        margin: 0;
      }
      table[aria-busy='true'] {
        opacity: 0.6;
      }
    `,
  ];

  @property({ attribute: false }) accessor params: Record<string, string> = {};
  @property({ attribute: false }) accessor query: URLSearchParams = new URLSearchParams();

  /** What the search box shows; `search` follows it after a pause in typing. */
  @state() private accessor searchText = '';
  @state() private accessor search = '';
  @state() private accessor roleFilter: EnrolmentRole | '' = '';
  @state() private accessor enrolmentState: EnrolmentState | '' = '';
  @state() private accessor sort: EnrolmentSort = 'name';
  @state() private accessor offset = 0;
  private debounce: ReturnType<typeof setTimeout> | undefined;

  private readonly programme = new Task(this, {
    task: async ([id], { signal }) => readProgramme(id ?? '', signal),
    args: () => [this.params.id] as const,
  });

  private readonly rows = new Task(this, {
    task: async ([id, filter, offset], { signal }) =>
      listEnrolments(id ?? '', { ...filter, limit: PAGE_SIZE, offset }, signal),
    args: () => [this.params.id, this.filter, this.offset] as const,
    argsEqual: ([a, f, o], [b, g, p]) =>
      a === b && o === p && JSON.stringify(f) === JSON.stringify(g),
  });

  override connectedCallback(): void {
    super.connectedCallback();
    const q = this.query;
    this.searchText = this.search = q.get('search') ?? '';
    this.roleFilter = pick(q.get('role'), ROLES) ?? '';
    this.enrolmentState = pick(q.get('state'), STATES) ?? '';
    const sort = q.get('sort');
    if (sort && /^-?(name|department|role|enrolledAt)$/.test(sort))
      this.sort = sort as EnrolmentSort;
    this.offset = Math.max(0, Number(q.get('offset')) || 0);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.debounce);
  }

  /** Search, filters and order, without the empty ones: for the table and the CSV alike. */
  private get filter(): EnrolmentFilter {
    return {
      ...(this.search ? { search: this.search } : {}),
      ...(this.roleFilter ? { role: this.roleFilter } : {}),
      ...(this.enrolmentState ? { state: this.enrolmentState } : {}),
      sort: this.sort,
    };
  }

  /**
   * Waits for the programme too, so the shell titles the document and focuses the <h1> with
   * the programme's name in it rather than the placeholder shown while loading.
   */
  protected override async getUpdateComplete(): Promise<boolean> {
    await super.getUpdateComplete();
    await this.programme.taskComplete.catch(() => undefined);
    return super.getUpdateComplete();
  }

  override render() {
    const name = this.programme.value?.name;
    const base = `/admin/programmes/${encodeURIComponent(this.params.id ?? '')}`;
    return html`
      <p><a href=${base}>${msg('Back to the programme', { id: 'admin.enrolments.back' })}</a></p>
      <h1>
        ${
          name
            ? msg(str`Enrolments: ${name}`, { id: 'admin.enrolments.titleName' })
            : msg('Enrolments', { id: 'admin.dashboard.enrolments' })
        }
      </h1>
      <tandem-pending-approvals .programmeId=${this.params.id ?? ''}
        @approval-answered=${() => this.rows.run()}></tandem-pending-approvals>
      ${this.renderFilters()}
      ${this.renderBar()}
      ${this.rows.status === TaskStatus.ERROR ? errorMessage(this.rows.error) : nothing}
      ${this.rows.value ? this.renderTable(this.rows.value.items, name) : nothing}
      ${this.renderPaging()}
    `;
  }

  private renderFilters() {
    return html`<search>
      <form class="filters" @submit=${(event: Event) => event.preventDefault()}>
        <div class="field">
          <label for="search">${msg('Search', { id: 'admin.enrolments.search' })}</label>
          <input id="search" type="search" maxlength="200" autocomplete="off"
            aria-describedby="search-hint" .value=${this.searchText} @input=${this.onSearchInput} />
          <p class="hint" id="search-hint">
            ${msg('Name, email address or department.', { id: 'admin.enrolments.searchHint' })}
          </p>
        </div>
        <div class="field">
          <label for="role">${msg('Role', { id: 'admin.enrolments.role' })}</label>
          <select id="role" @change=${this.onRoleChange}>
            <option value="" ?selected=${!this.roleFilter}>${msg('All roles', { id: 'admin.enrolments.allRoles' })}</option>
            ${ROLES.map((role) => html`<option value=${role} ?selected=${this.roleFilter === role}>${roleLabel(role)}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="state">${msg('State', { id: 'admin.dashboard.state' })}</label>
          <select id="state" @change=${this.onStateChange}>
            <option value="" ?selected=${!this.enrolmentState}>${msg('All states', { id: 'admin.enrolments.allStates' })}</option>
            ${STATES.map(
              (value) => html`<option value=${value} ?selected=${this.enrolmentState === value}>
                ${enrolmentStateLabel(value)}
              </option>`,
            )}
          </select>
        </div>
      </form>
    </search>`;
  }

  private renderBar() {
    const table = this.rows.value;
    const loading = this.rows.status === TaskStatus.PENDING;
    const shown = table?.items.length ?? 0;
    const total = table?.total ?? 0;
    const href = enrolmentExportHref(this.params.id ?? '', this.filter);
    return html`<div class="bar">
      <p role="status" aria-live="polite">
        ${
          loading && !table
            ? msg('Loading…', { id: 'task.loading' })
            : table
              ? msg(str`${shown} of ${total} shown`, { id: 'admin.enrolments.shown' })
              : ''
        }
      </p>
      <a class="button secondary" href=${href} download>${msg('Export CSV', { id: 'admin.enrolments.export' })}</a>
    </div>`;
  }

  private renderTable(items: EnrolmentRow[], name: string | undefined) {
    const busy = this.rows.status === TaskStatus.PENDING;
    const caption = name
      ? msg(str`Enrolments of ${name}`, { id: 'admin.dashboard.enrolmentsLabel' })
      : msg('Enrolments', { id: 'admin.dashboard.enrolments' });
    // A focusable, named region: on a phone the table scrolls sideways, also by keyboard.
    return tableRegion(
      caption,
      html`<thead>
          <tr>
            ${this.sortHeader('name', msg('Name', { id: 'admin.form.name' }))}
            ${this.sortHeader('department', msg('Department', { id: 'admin.enrolments.department' }))}
            <th scope="col">${msg('Job title', { id: 'admin.enrolments.jobTitle' })}</th>
            ${this.sortHeader('role', msg('Role', { id: 'admin.enrolments.role' }))}
            <th scope="col">${msg('State', { id: 'admin.dashboard.state' })}</th>
            ${this.sortHeader('enrolledAt', msg('Enrolled on', { id: 'admin.enrolments.enrolledAt' }))}
            <th scope="col">${msg('Matched', { id: 'admin.enrolments.matched' })}</th>
          </tr>
        </thead>
        <tbody>
          ${
            items.length
              ? items.map(
                  (row) => html`<tr>
                  <th scope="row">${row.name}${row.email ? html`<span class="email">${row.email}</span>` : nothing}</th>
                  <td>${row.department ?? ''}</td>
                  <td>${row.title ?? ''}</td>
                  <td>${roleLabel(row.role)}</td>
                  <td>${enrolmentStateLabel(row.state)}</td>
                  <td>${formatDate(row.enrolledAt)}</td>
                  <td>${row.matched ? msg('Yes', { id: 'admin.yes' }) : msg('No', { id: 'admin.no' })}</td>
                </tr>`,
                )
              : html`<tr>
                <td colspan="7">${msg('No enrolments fit the search and filters.', { id: 'admin.enrolments.none' })}</td>
              </tr>`
          }
        </tbody>`,
      { busy },
    );
  }

  /** A column header whose button sorts by it, ascending first, then turning the order. */
  private sortHeader(key: SortKey, label: string) {
    const direction =
      this.sort === key ? 'ascending' : this.sort === `-${key}` ? 'descending' : 'none';
    return html`<th scope="col" aria-sort=${direction}>
      <button type="button" @click=${() => this.sortBy(key)}>
        ${label}<span aria-hidden="true">${direction === 'ascending' ? ' ▲' : direction === 'descending' ? ' ▼' : ''}</span>
      </button>
    </th>`;
  }

  private renderPaging() {
    const table = this.rows.value;
    if (!table || table.total <= PAGE_SIZE) return nothing;
    const page = Math.floor(this.offset / PAGE_SIZE) + 1;
    const pages = Math.ceil(table.total / PAGE_SIZE);
    const first = page <= 1;
    const last = page >= pages;
    // aria-disabled, not disabled: the button keeps focus on the first and last page, so a
    // keyboard user is not thrown to the top of the document.
    return html`<nav class="paging" aria-label=${msg('Pages of the table', { id: 'admin.enrolments.paging' })}>
      <button type="button" class="secondary" aria-disabled=${first ? 'true' : 'false'}
        @click=${() => first || this.goTo(this.offset - PAGE_SIZE)}>
        ${msg('Previous', { id: 'admin.enrolments.previous' })}
      </button>
      <p>${msg(str`Page ${page} of ${pages}`, { id: 'admin.enrolments.page' })}</p>
      <button type="button" class="secondary" aria-disabled=${last ? 'true' : 'false'}
        @click=${() => last || this.goTo(this.offset + PAGE_SIZE)}>
        ${msg('Next', { id: 'admin.enrolments.next' })}
      </button>
    </nav>`;
  }

  private onSearchInput(event: Event): void {
    this.searchText = (event.target as HTMLInputElement).value;
    clearTimeout(this.debounce);
    // Wait for a pause in typing: one request per word, not per letter.
    this.debounce = setTimeout(() => {
      this.search = this.searchText.trim();
      this.offset = 0;
      this.remember();
    }, 300);
  }

  private onRoleChange(event: Event): void {
    this.roleFilter = pick((event.target as HTMLSelectElement).value, ROLES) ?? '';
    this.offset = 0;
    this.remember();
  }

  private onStateChange(event: Event): void {
    this.enrolmentState = pick((event.target as HTMLSelectElement).value, STATES) ?? '';
    this.offset = 0;
    this.remember();
  }

  private sortBy(key: SortKey): void {
    this.sort = this.sort === key ? `-${key}` : key;
    this.offset = 0;
    this.remember();
  }

  private goTo(offset: number): void {
    this.offset = Math.max(0, offset);
    this.remember();
  }

  /** Keeps the filter in the address without a navigation (which would rebuild the page). */
  private remember(): void {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(this.filter)) {
      if (value && !(key === 'sort' && value === 'name')) params.set(key, String(value));
    }
    if (this.offset) params.set('offset', String(this.offset));
    const search = params.toString();
    history.replaceState(null, '', `${location.pathname}${search ? `?${search}` : ''}`);
  }
}

function pick<T extends string>(value: string | null, options: readonly T[]): T | undefined {
  return options.find((option) => option === value);
}

declare global {
  interface HTMLElementTagNameMap {
    'tandem-admin-enrolments-page': TandemAdminEnrolmentsPage;
  }
}
