import { localized, msg, str } from '@lit/localize';
import { Task } from '@lit/task';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import '../components/tandem-report-dataset.js';
import { cellText } from '../components/report-labels.js';
import { taskView } from '../components/task-view.js';
import {
  type FreeTextAnswers,
  type FreeTextQuestion,
  type ProgrammeReport,
  type ReportCell,
  type ReportDataset,
  readFreeText,
  readReport,
} from '../data/reports.js';
import { getLocale } from '../i18n/locale.js';
import { sharedStyles } from '../styles/shared-styles.js';

/** The report's datasets that tell what the programme achieved, in the page's order. */
const IMPACT_DATASETS: readonly ReportDataset['id'][] = [
  'competence',
  'programme-goals',
  'goal-attainment',
  'satisfaction',
  'recommendation',
  'sessions',
  'rematches',
];

/**
 * A programme's impact for HR and its sponsors, made to be printed: headline figures, the
 * survey and goal datasets as charts with their tables, and the free-text answers where the
 * programme allows them. Everything comes from the report, so the same groups are withheld,
 * in words; the headline shares are worked out only from figures the report shows.
 */
@localized()
@customElement('tandem-impact-page')
export class TandemImpactPage extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      ul.links,
      ul.plain {
        list-style: none;
        padding: 0;
      }
      ul.links {
        display: flex;
        flex-wrap: wrap;
        gap: 1rem;
      }
      .headlines {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
        gap: 1rem;
        margin: 1.5rem 0;
      }
      .headlines div {
        border: 1px solid var(--tandem-border);
        border-radius: 0.5rem;
        padding: 0.75rem 1rem;
      }
      .headlines dt {
        font-size: 0.95rem;
      }
      .headlines dd {
        margin: 0.25rem 0 0;
        font-size: 1.5rem;
        font-weight: 700;
      }
      .headlines dd.withheld {
        font-size: 1rem;
        font-style: italic;
        font-weight: 400;
      }
      blockquote {
        margin: 0.5rem 0;
        padding-left: 1rem;
        border-left: 3px solid var(--tandem-border);
      }
      @media print {
        .no-print {
          display: none;
        }
        tandem-report-dataset,
        .headlines div,
        blockquote {
          break-inside: avoid;
        }
        .free-text {
          break-before: page;
        }
      }
    `,
  ];

  @property({ attribute: false }) accessor params: Record<string, string> = {};

  private readonly report = new Task(this, {
    task: ([id], { signal }) => readReport(id, signal),
    args: () => [this.params.id ?? ''] as const,
  });

  private readonly freeText = new Task(this, {
    task: ([id], { signal }) => readFreeText(id, signal),
    args: () => [this.params.id ?? ''] as const,
  });

  override render() {
    // The heading is there from the first render: the shell focuses it and names the tab by it.
    const name = this.report.value?.programme.name;
    return html`<h1 tabindex="-1">
        ${
          name
            ? msg(str`Impact: ${name}`, { id: 'impact.title' })
            : msg('Impact', { id: 'impact.titleShort' })
        }
      </h1>
      ${taskView(this.report, (report) => this.renderReport(report))}`;
  }

  private renderReport(report: ProgrammeReport) {
    const base = `/admin/programmes/${encodeURIComponent(report.programme.id)}`;
    const byId = new Map(report.datasets.map((dataset) => [dataset.id, dataset]));
    return html`<ul class="links no-print">
        <li><a href=${base}>${msg('Back to the programme', { id: 'reports.back' })}</a></li>
        <li><a href="${base}/report">${msg('The whole report', { id: 'impact.report' })}</a></li>
      </ul>
      <p class="no-print">
        <button type="button" @click=${() => window.print()}>
          ${msg('Print', { id: 'impact.print' })}
        </button>
      </p>
      <p>
        ${msg(
          str`Figures only, about groups: no one is named. A group of fewer than ${report.minGroupSize} people, pairs or survey responses is not shown, nor is a figure from which one could work it out. The surveys are anonymous: before and after compare everyone who answered at the start with everyone who answered at the end.`,
          { id: 'impact.intro' },
        )}
      </p>
      <h2>${msg('At a glance', { id: 'impact.headlines' })}</h2>
      ${this.renderHeadlines(report, byId)}
      ${IMPACT_DATASETS.map((id) => {
        const dataset = byId.get(id);
        return dataset
          ? html`<tandem-report-dataset
              tableOpen
              .figures=${dataset}
              .programmeId=${report.programme.id}
              .minGroupSize=${report.minGroupSize}
            ></tandem-report-dataset>`
          : nothing;
      })}
      <section class="free-text" aria-labelledby="free-text-heading">
        <h2 id="free-text-heading">
          ${msg('In their own words', { id: 'impact.freeText.title' })}
        </h2>
        ${taskView(this.freeText, (answers) => this.renderFreeText(answers))}
      </section>`;
  }

  private renderHeadlines(report: ProgrammeReport, byId: Map<string, ReportDataset>) {
    const min = report.minGroupSize;
    const sessions = byId.get('sessions')?.total;
    const row = (id: string, key: string) =>
      byId.get(id)?.rows.find((candidate) => candidate.key === key)?.cells[0];
    const total = (id: string) => byId.get(id)?.total?.cells[0];
    const held = sessions?.cells[1];
    const planned = sessions?.cells[0];
    const figures: { label: string; value: Headline }[] = [
      {
        label: msg('Sessions held of those planned', { id: 'impact.headline.sessions' }),
        value:
          held && planned
            ? held.suppressed || planned.suppressed
              ? withheld(held.suppressed ? held : planned, min)
              : shown(
                  msg(str`${count(held.value)} of ${count(planned.value)}`, {
                    id: 'impact.headline.sessionsValue',
                  }),
                )
            : none(),
      },
      {
        label: msg('Pairs dissolved (partner changed)', { id: 'impact.headline.dissolved' }),
        value: share(row('rematches', 'dissolved'), total('rematches'), min),
      },
      {
        label: msg('Average satisfaction (1 to 5)', { id: 'impact.headline.satisfaction' }),
        value: byId.get('satisfaction')?.average
          ? cellHeadline(byId.get('satisfaction')?.average, min, 'average')
          : none(),
      },
      {
        label: msg('Would recommend it', { id: 'impact.headline.recommend' }),
        value: share(row('recommendation', 'yes'), total('recommendation'), min),
      },
      {
        label: msg("Pairs' goals reached", { id: 'impact.headline.goalsReached' }),
        value: share(row('goal-attainment', 'reached'), total('goal-attainment'), min),
      },
    ];
    return html`<dl class="headlines">
      ${figures.map(
        ({ label, value }) => html`<div>
          <dt>${label}</dt>
          <dd class=${value.withheld ? 'withheld' : ''}>${value.text}</dd>
        </div>`,
      )}
    </dl>`;
  }

  private renderFreeText(answers: FreeTextAnswers) {
    if (!answers.allowed)
      return html`<p>
        ${msg(
          'This programme does not show free-text answers. An admin can switch them on in the survey settings; they are shown only where enough people answered.',
          { id: 'impact.freeText.notAllowed' },
        )}
      </p>`;
    return answers.questions.map(
      (question) => html`<h3>${questionTitle(question)}</h3>
        ${
          question.status === 'shown'
            ? html`<ul class="plain">
              ${question.answers.map((answer) => html`<li><blockquote>${answer}</blockquote></li>`)}
            </ul>`
            : html`<p class="muted">
              ${msg(
                str`Fewer than ${answers.minGroupSize} people answered this question, so no answer is shown.`,
                { id: 'impact.freeText.tooFew' },
              )}
            </p>`
        }`,
    );
  }
}

interface Headline {
  text: string;
  withheld: boolean;
}

const shown = (text: string): Headline => ({ text, withheld: false });
const none = (): Headline => ({
  text: msg('No figures yet', { id: 'impact.headline.none' }),
  withheld: true,
});
const withheld = (cell: ReportCell, min: number): Headline => ({
  text: cellText(cell, min, ''),
  withheld: true,
});
const count = (value: number | null) => new Intl.NumberFormat(getLocale()).format(value ?? 0);

function cellHeadline(cell: ReportCell | null | undefined, min: number, measure: string): Headline {
  if (!cell) return none();
  return cell.suppressed ? withheld(cell, min) : shown(cellText(cell, min, measure));
}

/** A part of a total as a percentage, only from figures the report shows. */
function share(part: ReportCell | undefined, whole: ReportCell | undefined, min: number): Headline {
  if (!whole) return none();
  if (whole.suppressed) return withheld(whole, min);
  if (part?.suppressed) return withheld(part, min);
  if (!whole.value) return none();
  // A category no one fell into has no row: none of the whole.
  return shown(
    new Intl.NumberFormat(getLocale(), { style: 'percent', maximumFractionDigits: 0 }).format(
      (part?.value ?? 0) / whole.value,
    ),
  );
}

function questionTitle(question: FreeTextQuestion): string {
  if (question.text) return question.text;
  if (question.id === 'changed')
    return msg('What has changed for you through the programme?', {
      id: 'impact.freeText.changed',
    });
  if (question.id === 'midterm.improve')
    return msg('Midway: what could be better?', { id: 'impact.freeText.improve' });
  return question.id;
}

declare global {
  interface HTMLElementTagNameMap {
    'tandem-impact-page': TandemImpactPage;
  }
}
