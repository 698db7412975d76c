import { localized, msg, str } from '@lit/localize';
import { css, html, LitElement, unsafeCSS } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ReviewedMatch } from '../data/matching.js';
import { skillNames } from '../data/skill-names.js';
import { getLocale } from '../i18n/locale.js';
import { sharedStyles } from '../styles/shared-styles.js';
import { explanationText, type SkillName } from './explanation-text.js';
import { tableRegion } from './table-region.js';

type Criterion = ReviewedMatch['criteria'][number];

/**
 * Why a pair was proposed: the strategy's criteria in a disclosure, as a table of criterion,
 * weight, score and the strategy's reason, so screen readers read numbers, not bars. The bar
 * next to each score only repeats it for the eye. Reasons are worded in the reader's language,
 * skills by their names (keys until the names arrive).
 */
@localized()
@customElement('tandem-match-criteria')
export class TandemMatchCriteria extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      summary {
        cursor: pointer;
        padding: 0.6rem 0;
        color: var(--tandem-primary);
        font-weight: 600;
      }
      .bar {
        display: block;
        height: 0.4rem;
        margin-top: 0.25rem;
        background: var(--tandem-border);
        border-radius: 0.2rem;
        overflow: hidden;
        min-width: 4rem;
      }
      .bar span {
        display: block;
        height: 100%;
        background: var(--tandem-primary);
      }
      td.number {
        white-space: nowrap;
      }
    `,
    // Bar widths as classes in steps of 5 %: the Content-Security-Policy forbids style="".
    unsafeCSS(
      Array.from({ length: 21 }, (_, step) => `.w${step * 5} { width: ${step * 5}%; }`).join('\n'),
    ),
  ];

  @property({ attribute: false }) accessor criteria: Criterion[] = [];
  @property() accessor pairName = '';
  @state() private accessor skillName: SkillName | undefined;

  override connectedCallback() {
    super.connectedCallback();
    skillNames().then(
      (name) => {
        this.skillName = name;
      },
      // Without the taxonomy the reasons still read, with skill keys.
      () => undefined,
    );
  }

  override render() {
    const pair = this.pairName;
    return html`<details>
      <summary>
        ${msg('Why this pair', { id: 'matching.criteria.summary' })}
        <span class="visually-hidden">${pair}</span>
      </summary>
      ${tableRegion(
        msg(str`Criteria for ${pair}`, { id: 'matching.criteria.caption' }),
        html`<thead>
            <tr>
              <th scope="col">${msg('Criterion', { id: 'matching.criteria.name' })}</th>
              <th scope="col">${msg('Weight', { id: 'matching.criteria.weight' })}</th>
              <th scope="col">${msg('Score (0–100)', { id: 'matching.criteria.score' })}</th>
              <th scope="col">${msg('Reason', { id: 'matching.criteria.why' })}</th>
            </tr>
          </thead>
          <tbody>
            ${this.criteria.map((criterion) => this.renderRow(criterion))}
          </tbody>`,
      )}
    </details>`;
  }

  private renderRow(criterion: Criterion) {
    const score = percent(criterion.score);
    return html`<tr>
      <th scope="row">${criterionLabel(criterion.name)}</th>
      <td class="number">${formatWeight(criterion.weight)}</td>
      <td class="number">
        ${score}
        <span class="bar" aria-hidden="true"><span class=${`w${Math.round(score / 5) * 5}`}></span></span>
      </td>
      <td>${explanationText(criterion, criterion.why, this.skillName)}</td>
    </tr>`;
  }
}

/** The weighted strategy's criteria by name; another strategy's names show as they are. */
export function criterionLabel(name: string): string {
  switch (name) {
    case 'skills':
      return msg('Skills', { id: 'matching.criterion.skills' });
    case 'goals':
      return msg('Goals', { id: 'matching.criterion.goals' });
    case 'availability':
      return msg('Time available', { id: 'matching.criterion.availability' });
    case 'format':
      return msg('On site or remote', { id: 'matching.criterion.format' });
    case 'generation':
      return msg('Generation', { id: 'matching.criterion.generation' });
    case 'department':
      return msg('Department', { id: 'matching.criterion.department' });
    case 'pinned':
      return msg('Pinned', { id: 'matching.pinned' });
    default:
      return name;
  }
}

/** Strategies give scores as 0–1 or 0–100; the review always shows 0–100. */
function percent(score: number): number {
  return Math.round(score <= 1 ? score * 100 : score);
}

function formatWeight(weight: number): string {
  return new Intl.NumberFormat(getLocale(), {
    maximumFractionDigits: 2,
  }).format(weight);
}

declare global {
  interface HTMLElementTagNameMap {
    'tandem-match-criteria': TandemMatchCriteria;
  }
}
