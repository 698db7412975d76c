import { localized, msg, str } from '@lit/localize';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { CurriculumPreview, SessionPlan } from '../data/curricula.js';
import { plural } from '../i18n/plural.js';
import { sharedStyles } from '../styles/shared-styles.js';

/**
 * What a programme would get from a curriculum: its sessions in order, each with title, goal,
 * week and length, the milestones named in words. Headings start at h3 (the page has the h2).
 */
@localized()
@customElement('tandem-curriculum-preview')
export class TandemCurriculumPreview extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      ol {
        margin: 0;
        padding-left: 1.5rem;
      }
      li {
        margin-bottom: 1rem;
      }
      h3 {
        font-size: 1.05rem;
        margin-bottom: 0.25rem;
      }
      p {
        margin: 0.25rem 0;
      }
      .milestone {
        display: inline-block;
        font-weight: 600;
        border: 1px solid currentColor;
        border-radius: 999px;
        padding: 0 0.5rem;
        margin-right: 0.5rem;
      }
    `,
  ];

  @property({ attribute: false }) accessor preview: CurriculumPreview | undefined;

  override render() {
    const preview = this.preview;
    if (!preview) return nothing;
    const count = preview.sessions.length;
    const milestones = preview.sessions.filter((session) => session.milestone).length;
    return html`
      <p>${plural(milestones, {
        one: msg(str`${count} sessions, ${milestones} of them a milestone.`, {
          id: 'admin.preview.summary.one',
        }),
        other: msg(str`${count} sessions, ${milestones} of them milestones.`, {
          id: 'admin.preview.summary',
        }),
      })}</p>
      <ol>
        ${preview.sessions.map((session) => this.renderSession(session))}
      </ol>
      ${
        preview.glossary.length
          ? html`<p class="muted">
            ${plural(preview.glossary.length, {
              one: msg(str`With a glossary of ${preview.glossary.length} term.`, {
                id: 'admin.preview.glossary.one',
              }),
              other: msg(str`With a glossary of ${preview.glossary.length} terms.`, {
                id: 'admin.preview.glossary',
              }),
            })}
          </p>`
          : nothing
      }
    `;
  }

  private renderSession(session: SessionPlan) {
    const week = Math.round(session.offsetWeeks) + 1;
    const minutes = session.durationMinutes;
    return html`<li>
      <h3>${session.title}</h3>
      <p class="muted">
        ${session.milestone ? html`<span class="milestone">${milestoneLabel(session.milestone)}</span>` : nothing}
        ${plural(minutes, {
          one: msg(str`Week ${week}, ${minutes} minute`, { id: 'admin.preview.when.one' }),
          other: msg(str`Week ${week}, ${minutes} minutes`, { id: 'admin.preview.when' }),
        })}
      </p>
      <p><strong>${msg('Goal:', { id: 'admin.preview.goal' })}</strong> ${session.goal}</p>
    </li>`;
  }
}

function milestoneLabel(milestone: NonNullable<SessionPlan['milestone']>): string {
  switch (milestone) {
    case 'kick-off':
      return msg('Milestone: kick-off', { id: 'admin.milestone.kickOff' });
    case 'mid-term-review':
      return msg('Milestone: mid-term review', { id: 'admin.milestone.midTerm' });
    case 'closing':
      return msg('Milestone: closing', { id: 'admin.milestone.closing' });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tandem-curriculum-preview': TandemCurriculumPreview;
  }
}
