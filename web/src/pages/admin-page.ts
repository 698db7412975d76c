import { consume } from '@lit/context';
import { localized, msg, str } from '@lit/localize';
import { Task } from '@lit/task';
import { css, html, LitElement, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { enrolmentWindow, kindLabel, stateLabel } from '../components/programme-labels.js';
import { taskView } from '../components/task-view.js';
import { listProgrammes, type Programme } from '../data/admin-programmes.js';
import type { Me } from '../data/me.js';
import { readSite } from '../data/site.js';
import { getLocale } from '../i18n/locale.js';
import { hasRole, isAdmin, sessionContext } from '../session/session-context.js';
import { sharedStyles } from '../styles/shared-styles.js';

/**
 * The HR admins' start: every programme as a card (name, kind, state in words, participants,
 * enrolment window) with what to do next, "New programme", and the other admin areas. A
 * programme manager sees the programmes assigned to them and no other area; a report reader
 * every programme with its report, and the audit log.
 */
@localized()
@customElement('tandem-admin-page')
export class TandemAdminPage extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      .programmes {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(min(100%, 20rem), 1fr));
        gap: 1rem;
      }
      .programmes .card {
        margin: 0;
        height: 100%;
        box-sizing: border-box;
        display: flex;
        flex-direction: column;
      }
      .programmes .actions {
        margin-top: auto;
        padding-top: 0.5rem;
      }
      dl {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: 0.25rem 1rem;
        margin: 0 0 0.5rem;
      }
      dt {
        font-weight: 600;
      }
      dd {
        margin: 0;
      }
      .state {
        display: inline-block;
        padding: 0.1rem 0.6rem;
        border: 1px solid currentColor;
        border-radius: 999px;
        font-size: 0.95rem;
      }
      .state.running,
      .state.enrolment {
        color: var(--tandem-primary-dark);
      }
      .head {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: space-between;
        gap: 0.5rem 1rem;
        margin-bottom: 1rem;
      }
      .head h2 {
        margin: 0;
      }
      section + section {
        margin-top: 2rem;
      }
      .areas {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1.5rem;
        padding: 0;
        list-style: none;
      }
      .areas a {
        display: inline-block;
        padding: 0.5rem 0;
      }
    `,
  ];

  @consume({ context: sessionContext, subscribe: true })
  accessor me: Me | null = null;

  private readonly programmes = new Task(this, {
    task: async (_args, { signal }) => listProgrammes(signal),
    args: () => [] as const,
  });

  private readonly site = new Task(this, {
    task: async (_args, { signal }) => readSite(signal),
    args: () => [] as const,
  });

  /** Only reports: a report reader without another role. */
  private get readsOnly(): boolean {
    return !isAdmin(this.me) && !hasRole(this.me, 'programme-manager');
  }

  override render() {
    const admin = isAdmin(this.me);
    return html`
      <h1>${
        this.readsOnly
          ? msg('Reports', { id: 'roles.nav.reports' })
          : msg('Administration', { id: 'admin.dashboard.title' })
      }</h1>
      ${
        hasRole(this.me, 'programme-manager') && !admin
          ? html`<p>${msg('You manage the programmes listed here; an admin assigns them to you.', { id: 'roles.dashboard.managerIntro' })}</p>`
          : nothing
      }
      <section aria-labelledby="programmes-heading">
        <div class="head">
          <h2 id="programmes-heading">${msg('Programmes', { id: 'admin.dashboard.programmes' })}</h2>
          ${admin ? html`<a class="button" href="/admin/programmes/new">${msg('New programme', { id: 'admin.dashboard.new' })}</a>` : nothing}
        </div>
        ${taskView(this.programmes, (programmes) => this.renderProgrammes(programmes))}
      </section>
      ${admin ? this.renderAreas() : this.renderRoleAreas()}
    `;
  }

  /** Beside the programmes: a manager's deliveries, a report reader's audit log. */
  private renderRoleAreas() {
    return html`<section aria-labelledby="areas-heading">
      <h2 id="areas-heading">${msg('More', { id: 'roles.dashboard.more' })}</h2>
      <ul class="areas">
        ${hasRole(this.me, 'programme-manager') ? html`<li><a href="/admin/deliveries">${msg('Notification deliveries', { id: 'admin.dashboard.deliveries' })}</a></li>` : nothing}
        ${hasRole(this.me, 'report-reader') ? html`<li><a href="/admin/audit">${msg('Audit log', { id: 'audit.dashboardLink' })}</a></li>` : nothing}
      </ul>
    </section>`;
  }

  private renderAreas() {
    return html`
      <section aria-labelledby="areas-heading">
        <h2 id="areas-heading">${msg('More administration', { id: 'admin.dashboard.areas' })}</h2>
        <ul class="areas">
          <li><a href="/admin/deliveries">${msg('Notification deliveries', { id: 'admin.dashboard.deliveries' })}</a></li>
          ${
            this.site.value?.demoMailbox
              ? html`<li><a href="/admin/demo-mailbox">${msg('Demo mailbox (e-mails sent)', { id: 'demoMailbox.link' })}</a></li>`
              : nothing
          }
          <li><a href="/admin/skills">${msg('Skills catalogue', { id: 'admin.dashboard.skills' })}</a></li>
          <li><a href="/admin/plugins">${msg('Plugins', { id: 'admin.dashboard.plugins' })}</a></li>
          <li><a href="/admin/audit">${msg('Audit log', { id: 'audit.dashboardLink' })}</a></li>
          <li><a href="/admin/tokens">${msg('API tokens', { id: 'apiTokens.dashboardLink' })}</a></li>
          <li><a href="/admin/people">${msg('People & roles', { id: 'roles.dashboardLink' })}</a></li>
        </ul>
      </section>
    `;
  }

  private renderProgrammes(programmes: Programme[]) {
    if (!programmes.length && hasRole(this.me, 'programme-manager') && !isAdmin(this.me)) {
      return html`<p>${msg('No programme is assigned to you yet.', { id: 'roles.dashboard.noneAssigned' })}</p>`;
    }
    if (!programmes.length) {
      return html`<p>${msg('There are no programmes yet.', { id: 'admin.dashboard.none' })}</p>`;
    }
    // Those still to be done first, closed ones last; newest first within each.
    const order = ['enrolment', 'matching', 'running', 'draft', 'closed'];
    const sorted = [...programmes].sort(
      (a, b) =>
        order.indexOf(a.state) - order.indexOf(b.state) || b.createdAt.localeCompare(a.createdAt),
    );
    return html`<ul class="programmes">
      ${sorted.map((programme) => html`<li>${this.renderCard(programme)}</li>`)}
    </ul>`;
  }

  private renderCard(programme: Programme) {
    const locale = getLocale();
    const { enrolmentOpensAt, enrolmentClosesAt } = programme.settings;
    const href = `/admin/programmes/${encodeURIComponent(programme.id)}`;
    const headingId = `p-${programme.id}`;
    return html`<article class="card" aria-labelledby=${headingId}>
      <h3 id=${headingId}>${programme.name}</h3>
      <dl>
        <dt>${msg('State', { id: 'admin.dashboard.state' })}</dt>
        <dd><span class="state ${programme.state}">${stateLabel(programme.state)}</span></dd>
        <dt>${msg('Kind', { id: 'admin.dashboard.kind' })}</dt>
        <dd>${kindLabel(programme.kind)}</dd>
        <dt>${msg('Participants', { id: 'admin.dashboard.participants' })}</dt>
        <dd>${programme.participants}</dd>
        <dt>${msg('Enrolment', { id: 'admin.dashboard.window' })}</dt>
        <dd>${enrolmentWindow(enrolmentOpensAt, enrolmentClosesAt, locale)}</dd>
      </dl>
      <div class="actions">${this.renderActions(programme, href)}</div>
    </article>`;
  }

  /** The next useful step for the programme's state, each a link naming the programme. */
  private renderActions(programme: Programme, href: string) {
    const name = programme.name;
    if (this.readsOnly)
      return html`<a class="button secondary" href="${href}/report"
        aria-label=${msg(str`Report of ${name}`, { id: 'roles.dashboard.reportLabel' })}
        >${msg('Report', { id: 'reports.titleShort' })}</a
      >`;
    const settings = html`<a class="button secondary" href=${href}
      aria-label=${msg(str`Settings and lifecycle of ${name}`, { id: 'admin.dashboard.openLabel' })}
      >${msg('Settings', { id: 'admin.dashboard.open' })}</a
    >`;
    const enrolments = html`<a class="button secondary" href="${href}/enrolments"
      aria-label=${msg(str`Enrolments of ${name}`, { id: 'admin.dashboard.enrolmentsLabel' })}
      >${msg('Enrolments', { id: 'admin.dashboard.enrolments' })}</a
    >`;
    switch (programme.state) {
      case 'draft':
        return html`<a class="button" href=${href}
            aria-label=${msg(str`Finish setting up ${name}`, { id: 'admin.dashboard.setUpLabel' })}
            >${msg('Finish setting up', { id: 'admin.dashboard.setUp' })}</a
          >`;
      case 'enrolment':
        return html`${enrolments} ${settings}`;
      case 'matching':
        return html`<a class="button" href="${href}/matching"
            aria-label=${msg(str`Review matching of ${name}`, { id: 'admin.dashboard.matchingLabel' })}
            >${msg('Review matching', { id: 'admin.dashboard.matching' })}</a
          >
          ${enrolments} ${settings}`;
      case 'running':
        return html`<a class="button" href="${href}/meetings"
            aria-label=${msg(str`Meetings of ${name}`, { id: 'admin.dashboard.meetingsLabel' })}
            >${msg('Meetings', { id: 'admin.dashboard.meetings' })}</a
          >
          ${settings}`;
      case 'closed':
        return html`${enrolments} ${settings}`;
    }
    return nothing;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tandem-admin-page': TandemAdminPage;
  }
}
