import { consume } from '@lit/context';
import { localized, msg, str } from '@lit/localize';
import { Task } from '@lit/task';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { announce } from '../components/announcer.js';
import { taskView } from '../components/task-view.js';
import {
  type AuditEvent,
  type AuditFilter,
  type AuditPage,
  readAuditEvents,
} from '../data/audit.js';
import type { Me } from '../data/me.js';
import { getLocale } from '../i18n/locale.js';
import { isAdmin, sessionContext } from '../session/session-context.js';
import { sharedStyles } from '../styles/shared-styles.js';
import { actionLabel, detailText, type Names, targetText } from './audit-texts.js';

const PAGE_SIZE = 50;

/** The form's fields, as typed: dates as YYYY-MM-DD, everything else as text. */
interface FilterForm {
  action: string;
  actorId: string;
  targetType: string;
  targetId: string;
  from: string;
  to: string;
}

const EMPTY: FilterForm = {
  action: '',
  actorId: '',
  targetType: '',
  targetId: '',
  from: '',
  to: '',
};

/** Who did what to whom: admin actions and security events, read only, newest first. */
@localized()
@customElement('tandem-audit-page')
export class TandemAuditPage extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      .filters {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr));
        gap: 0 1rem;
      }
      .filters input {
        width: 100%;
        box-sizing: border-box;
      }
      /* Wide enough to read on a phone too, where the region scrolls sideways. */
      table {
        min-width: 52rem;
      }
      .nowrap {
        white-space: nowrap;
      }
      td.details {
        overflow-wrap: anywhere;
      }
    `,
  ];

  @consume({ context: sessionContext, subscribe: true })
  accessor me: Me | null = null;

  @state() private accessor filter: FilterForm = EMPTY;
  @state() private accessor offset = 0;

  private readonly events = new Task(this, {
    task: async ([filter, offset], { signal }) =>
      readAuditEvents({ ...query(filter), limit: PAGE_SIZE, offset }, signal),
    args: () => [this.filter, this.offset] as const,
  });

  override render() {
    return html`<h1 tabindex="-1">${msg('Audit log', { id: 'audit.title' })}</h1>
      <p>
        ${msg(
          'Who did what, and when: every admin action and security event. Nobody can change or delete an entry; entries older than the retention period are removed automatically.',
          { id: 'audit.intro' },
        )}
      </p>
      ${this.renderFilter()}
      ${taskView(this.events, (page) => this.renderPage(page))}`;
  }

  private renderFilter() {
    const field = (name: keyof FilterForm, label: string, type = 'text', hint = '') =>
      html`<div class="field">
        <label for=${`f-${name}`}>${label}</label>
        <input id=${`f-${name}`} name=${name} type=${type} .value=${this.filter[name]}
          aria-describedby=${hint ? `f-${name}-hint` : nothing} />
        ${hint ? html`<p class="hint" id=${`f-${name}-hint`}>${hint}</p>` : nothing}
      </div>`;
    return html`<form class="card" @submit=${this.onFilter} @reset=${this.onReset}
        aria-labelledby="filter-heading">
      <h2 id="filter-heading">${msg('Filter', { id: 'audit.filter' })}</h2>
      <div class="filters">
        ${field('action', msg('Action', { id: 'audit.filter.action' }), 'text', msg('The start is enough, e.g. "auth." for every sign-in event.', { id: 'audit.filter.actionHint' }))}
        ${isAdmin(this.me) ? field('actorId', msg('Person (user id)', { id: 'audit.filter.actor' })) : nothing}
        ${field('targetType', msg('Target type', { id: 'audit.filter.targetType' }), 'text', msg('e.g. programme, match, user', { id: 'audit.filter.targetTypeHint' }))}
        ${isAdmin(this.me) ? field('targetId', msg('Target id', { id: 'audit.filter.targetId' })) : nothing}
        ${field('from', msg('From (date)', { id: 'audit.filter.from' }), 'date')}
        ${field('to', msg('To (date, inclusive)', { id: 'audit.filter.to' }), 'date')}
      </div>
      <div class="actions">
        <button type="submit">${msg('Show entries', { id: 'audit.filter.apply' })}</button>
        <button type="reset" class="secondary">${msg('Clear filter', { id: 'audit.filter.clear' })}</button>
      </div>
    </form>`;
  }

  private renderPage(page: AuditPage) {
    if (page.events.length === 0)
      return html`<p role="status">${msg('No entries match.', { id: 'audit.none' })}</p>`;
    const first = this.offset + 1;
    const last = this.offset + page.events.length;
    const total = page.total;
    return html`${
      page.withoutPeople
        ? html`<p class="card">${msg('As a report reader you see what happened, when and to which programme, but not who did it or whom it concerned.', { id: 'roles.audit.withoutPeople' })}</p>`
        : nothing
    }
      <p role="status" class="muted">
        ${msg(str`Entries ${first}–${last} of ${total}`, { id: 'audit.range' })}
      </p>
      <div class="table-scroll" tabindex="0" role="region"
        aria-label=${msg('Audit entries, newest first', { id: 'audit.caption' })}>
        <table>
          <caption class="visually-hidden">
            ${msg('Audit entries, newest first', { id: 'audit.caption' })}
          </caption>
          <thead>
            <tr>
              <th scope="col">${msg('When', { id: 'audit.col.at' })}</th>
              <th scope="col">${msg('Action', { id: 'audit.col.action' })}</th>
              <th scope="col">${msg('By', { id: 'audit.col.actor' })}</th>
              <th scope="col">${msg('Target', { id: 'audit.col.target' })}</th>
              <th scope="col">${msg('Details', { id: 'audit.col.data' })}</th>
            </tr>
          </thead>
          <tbody>
            ${page.events.map((event) => this.renderRow(event, page.names, page.withoutPeople))}
          </tbody>
        </table>
      </div>
      <nav class="actions" aria-label=${msg('Pages of the audit log', { id: 'audit.paging' })}>
        <button class="secondary" aria-disabled=${this.offset === 0 ? 'true' : 'false'}
          @click=${() => this.onPage(-PAGE_SIZE)}>
          ${msg('Newer entries', { id: 'audit.newer' })}
        </button>
        <button class="secondary" aria-disabled=${last >= total ? 'true' : 'false'}
          @click=${() => this.onPage(last >= total ? 0 : PAGE_SIZE)}>
          ${msg('Older entries', { id: 'audit.older' })}
        </button>
      </nav>`;
  }

  private renderRow(event: AuditEvent, names: Names, withoutPeople: boolean) {
    const details = detailText(event, names);
    return html`<tr>
      <td class="nowrap">${formatTime(event.at)}</td>
      <th scope="row">
        ${actionLabel(event.action)}
        <br /><code class="muted">${event.action}</code>
      </th>
      <td>${
        withoutPeople
          ? msg('Not shown', { id: 'roles.audit.hidden' })
          : (event.actor?.name ?? msg('System or unknown', { id: 'audit.system' }))
      }</td>
      <td>${targetText(event, names)}</td>
      <td class="details">${details || '–'}</td>
    </tr>`;
  }

  private onFilter(event: SubmitEvent): void {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const read = (name: keyof FilterForm) => String(form.get(name) ?? '').trim();
    this.filter = {
      action: read('action'),
      actorId: read('actorId'),
      targetType: read('targetType'),
      targetId: read('targetId'),
      from: read('from'),
      to: read('to'),
    };
    this.offset = 0;
  }

  private onReset(): void {
    this.filter = EMPTY;
    this.offset = 0;
  }

  private onPage(step: number): void {
    const next = Math.max(0, this.offset + step);
    if (next === this.offset) return;
    this.offset = next;
    announce(msg('Another page of the audit log is shown.', { id: 'audit.paged' }));
  }
}

/** The API's filter from the form: dates cover whole local days, `to` included. */
function query(filter: FilterForm): AuditFilter {
  const day = (value: string, plusDays = 0) => {
    const date = new Date(`${value}T00:00:00`);
    date.setDate(date.getDate() + plusDays);
    return date.toISOString();
  };
  return {
    ...(filter.action ? { action: filter.action } : {}),
    ...(filter.actorId ? { actorId: filter.actorId } : {}),
    ...(filter.targetType ? { targetType: filter.targetType } : {}),
    ...(filter.targetId ? { targetId: filter.targetId } : {}),
    ...(filter.from ? { from: day(filter.from) } : {}),
    ...(filter.to ? { to: day(filter.to, 1) } : {}),
  };
}

function formatTime(value: string): string {
  return new Intl.DateTimeFormat(getLocale(), { dateStyle: 'short', timeStyle: 'medium' }).format(
    new Date(value),
  );
}

declare global {
  interface HTMLElementTagNameMap {
    'tandem-audit-page': TandemAuditPage;
  }
}
