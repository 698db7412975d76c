import { localized, msg, str } from '@lit/localize';
import { Task } from '@lit/task';
import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import '../components/tandem-chart.js';
import { explanationText } from '../components/explanation-text.js';
import { taskView } from '../components/task-view.js';
import {
  type ProgrammeReport,
  type ReportCell,
  type ReportDataset,
  type ReportRow,
  readReport,
  reportCsvHref,
} from '../data/reports.js';
import { getLocale } from '../i18n/locale.js';
import { sharedStyles } from '../styles/shared-styles.js';

/**
 * HR's report of a programme: each dataset as a bar chart, the same figures as a table (the
 * accessible alternative) and a CSV file. Aggregates only; the server withholds every group
 * smaller than its threshold, and this page says so in words, never with a number.
 */
@localized()
@customElement('tandem-report-page')
export class TandemReportPage extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      section {
        margin-block: 2rem;
      }
      details {
        margin-block: 0.75rem;
      }
      summary {
        cursor: pointer;
        min-height: 2.75rem;
        display: flex;
        align-items: center;
      }
      td.number,
      th.number {
        text-align: right;
      }
      tfoot th,
      tfoot td {
        font-weight: 700;
      }
      .withheld {
        font-style: italic;
        text-align: right;
      }
    `,
  ];

  @property({ attribute: false }) accessor params: Record<string, string> = {};

  private readonly report = new Task(this, {
    task: ([id], { signal }) => readReport(id, signal),
    args: () => [this.params.id ?? ''] as const,
  });

  override render() {
    // The heading is there from the first render: the shell focuses it and names the tab by it.
    const name = this.report.value?.programme.name;
    return html`<h1 tabindex="-1">
        ${
          name
            ? msg(str`Report: ${name}`, { id: 'reports.title' })
            : msg('Report', { id: 'reports.titleShort' })
        }
      </h1>
      ${taskView(this.report, (report) => this.renderReport(report))}`;
  }

  private renderReport(report: ProgrammeReport) {
    const back = `/admin/programmes/${encodeURIComponent(report.programme.id)}`;
    return html`<p><a href=${back}>${msg('Back to the programme', { id: 'reports.back' })}</a></p>
      <p>
        ${msg(
          str`Figures only, about groups: no one is named. A group of fewer than ${report.minGroupSize} people (or pairs) is not shown, nor is a figure from which one could work it out.`,
          { id: 'reports.intro' },
        )}
      </p>
      ${report.datasets.map((dataset) => this.renderDataset(report, dataset))}`;
  }

  private renderDataset(report: ProgrammeReport, dataset: ReportDataset) {
    const title = datasetTitle(dataset.id);
    const labels = dataset.rows.map((row) => rowLabel(dataset, row));
    const measures = dataset.measures.map(measureLabel);
    return html`<section>
      <h2>${title}</h2>
      ${
        dataset.rows.length === 0
          ? html`<p class="muted">${msg('No figures yet.', { id: 'reports.empty' })}</p>`
          : dataset.rows.every((row) => row.cells.every((cell) => cell.suppressed))
            ? html`<p class="muted">${msg('Every group is too small to show.', { id: 'reports.allWithheld' })}</p>`
            : html`<tandem-chart
              .labels=${labels}
              .series=${measures.map((label, index) => ({
                label,
                values: dataset.rows.map((row) => row.cells[index]?.value ?? null),
              }))}
              .max=${dataset.id === 'feedback' ? 5 : undefined}
              summary=${this.summary(report, dataset, labels)}
            ></tandem-chart>`
      }
      ${dataset.suppressed ? html`<p class="muted">${msg(str`Figures withheld to protect small groups: ${dataset.suppressed}.`, { id: 'reports.withheldCount' })}</p>` : ''}
      <details>
        <summary>${msg(str`Show “${title}” as a table`, { id: 'reports.showTable' })}</summary>
        ${this.renderTable(report, dataset, title, labels, measures)}
      </details>
      <p>
        <a href=${reportCsvHref(report.programme.id, dataset.id)} download
          >${msg(str`Download “${title}” as CSV`, { id: 'reports.csv' })}</a
        >
      </p>
    </section>`;
  }

  private renderTable(
    report: ProgrammeReport,
    dataset: ReportDataset,
    title: string,
    labels: string[],
    measures: string[],
  ) {
    const cells = (row: ReportRow) =>
      row.cells.map((cell) => {
        const shown = cellText(cell, report.minGroupSize, dataset.measures);
        return html`<td class=${cell.suppressed ? 'withheld' : 'number'}>${shown}</td>`;
      });
    return html`<div class="table-scroll" tabindex="0" role="region" aria-label=${title}>
      <table>
        <caption>${title}</caption>
        <thead>
          <tr>
            <th scope="col">${dimensionLabel(dataset.dimension)}</th>
            ${measures.map((measure) => html`<th scope="col" class="number">${measure}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${dataset.rows.map(
            (row, index) => html`<tr><th scope="row">${labels[index]}</th>${cells(row)}</tr>`,
          )}
        </tbody>
        ${
          dataset.total
            ? html`<tfoot>
              <tr><th scope="row">${msg('Total', { id: 'reports.total' })}</th>${cells(dataset.total)}</tr>
            </tfoot>`
            : ''
        }
      </table>
    </div>`;
  }

  /** The chart's name for screen readers: the title and every figure in words. */
  private summary(report: ProgrammeReport, dataset: ReportDataset, labels: string[]): string {
    const measures = dataset.measures.map(measureLabel);
    const figures = dataset.rows.map((row, index) => {
      const values = row.cells.map((cell, k) => {
        const text = cellText(cell, report.minGroupSize, dataset.measures);
        return measures.length > 1 ? `${measures[k]} ${text}` : text;
      });
      return `${labels[index]}: ${values.join(', ')}`;
    });
    return msg(str`Bar chart “${datasetTitle(dataset.id)}”. ${figures.join('; ')}.`, {
      id: 'reports.chartSummary',
    });
  }
}

function cellText(cell: ReportCell, minGroupSize: number, measures: string[]): string {
  if (cell.suppressed === 'small-group')
    return msg(str`fewer than ${minGroupSize}`, { id: 'reports.smallGroup' });
  if (cell.suppressed) return msg('withheld (protects a small group)', { id: 'reports.withheld' });
  const average = measures.includes('average');
  return new Intl.NumberFormat(getLocale(), average ? { minimumFractionDigits: 1 } : {}).format(
    cell.value ?? 0,
  );
}

function datasetTitle(id: ReportDataset['id']): string {
  const titles: Record<ReportDataset['id'], () => string> = {
    participation: () => msg('Enrolled and matched', { id: 'reports.participation' }),
    'unmatched-reasons': () => msg('Not matched, by reason', { id: 'reports.unmatched-reasons' }),
    sessions: () => msg('Sessions planned and held, by month', { id: 'reports.sessions' }),
    feedback: () => msg('Average feedback (1 to 5), by month', { id: 'reports.feedback' }),
    rematches: () => msg('Pairs continued or dissolved (rematches)', { id: 'reports.rematches' }),
    retention: () => msg('Pairs by sessions held (retention)', { id: 'reports.retention' }),
    departments: () => msg('Participants by department', { id: 'reports.departments' }),
    generations: () =>
      msg('Participants by years of working experience', { id: 'reports.generations' }),
    roles: () => msg('Participants by role', { id: 'reports.roles' }),
  };
  return titles[id]();
}

function measureLabel(measure: string): string {
  switch (measure) {
    case 'people':
      return msg('People', { id: 'reports.measure.people' });
    case 'pairs':
      return msg('Pairs', { id: 'reports.measure.pairs' });
    case 'planned':
      return msg('Planned', { id: 'reports.measure.planned' });
    case 'held':
      return msg('Held', { id: 'reports.measure.held' });
    case 'average':
      return msg('Average rating', { id: 'reports.measure.average' });
    default:
      return measure;
  }
}

function dimensionLabel(dimension: string): string {
  switch (dimension) {
    case 'status':
      return msg('Status', { id: 'reports.dimension.status' });
    case 'reason':
      return msg('Reason', { id: 'reports.dimension.reason' });
    case 'month':
      return msg('Month', { id: 'reports.dimension.month' });
    case 'outcome':
      return msg('Outcome', { id: 'reports.dimension.outcome' });
    case 'sessions-held':
      return msg('Sessions held', { id: 'reports.dimension.sessionsHeld' });
    case 'department':
      return msg('Department', { id: 'reports.dimension.department' });
    case 'experience':
      return msg('Working experience', { id: 'reports.dimension.experience' });
    case 'role':
      return msg('Role', { id: 'reports.dimension.role' });
    default:
      return dimension;
  }
}

/**
 * Fixed categories in the app's language; months as words; reasons by their code as the review
 * words them (a strategy's own sentence where it gave no code); departments as they are.
 */
function rowLabel(dataset: ReportDataset, row: ReportRow): string {
  if (dataset.dimension === 'month') {
    const [year, month] = row.key.split('-').map(Number);
    return new Intl.DateTimeFormat(getLocale(), { month: 'long', year: 'numeric' }).format(
      new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, 15)),
    );
  }
  if (dataset.dimension === 'sessions-held')
    return msg(str`${row.key} sessions`, { id: 'reports.sessionsHeld' });
  if (dataset.dimension === 'experience' && row.key !== 'unknown')
    return msg(str`${row.key.replace('-', '–')} years`, { id: 'reports.years' });
  const fixed: Record<string, () => string> = {
    matched: () => msg('Matched', { id: 'reports.key.matched' }),
    unmatched: () => msg('Not matched', { id: 'reports.key.unmatched' }),
    'after-dissolving': () =>
      msg('After their pair was dissolved', { id: 'reports.key.afterDissolving' }),
    'not-yet-matched': () => msg('Not matched yet', { id: 'reports.key.notYetMatched' }),
    continued: () => msg('Continued', { id: 'reports.key.continued' }),
    dissolved: () => msg('Dissolved', { id: 'reports.key.dissolved' }),
    unknown: () => msg('Not stated', { id: 'reports.key.unknown' }),
    mentor: () => msg('Mentor', { id: 'reports.key.mentor' }),
    mentee: () => msg('Mentee', { id: 'reports.key.mentee' }),
    either: () => msg('Either', { id: 'reports.key.either' }),
  };
  const label = fixed[row.key]?.();
  if (label) return label;
  return dataset.dimension === 'reason' ? explanationText({ code: row.key }, row.label) : row.label;
}

declare global {
  interface HTMLElementTagNameMap {
    'tandem-report-page': TandemReportPage;
  }
}
