import { localized, msg, str } from '@lit/localize';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import './tandem-chart.js';
import { type ReportDataset, type ReportRow, reportCsvHref } from '../data/reports.js';
import { sharedStyles } from '../styles/shared-styles.js';
import { cellText, datasetTitle, dimensionLabel, measureLabel, rowLabel } from './report-labels.js';

/** Datasets whose values are ratings on a scale of 1 to 5. */
const SCALES = new Set<ReportDataset['id']>(['feedback', 'competence', 'programme-goals']);

/**
 * One dataset of a programme report: a bar chart, the same figures as a table (the accessible
 * alternative) and a CSV link. The server has withheld every small group; this says so in
 * words, never with a number. The table is folded away on the report page and open where
 * the page is meant to be printed (`tableOpen`).
 */
@localized()
@customElement('tandem-report-dataset')
export class TandemReportDataset extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
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
      @media print {
        .csv {
          display: none;
        }
        .table-scroll {
          overflow: visible;
        }
      }
    `,
  ];

  @property({ attribute: false }) accessor figures: ReportDataset | undefined = undefined;
  @property({ attribute: false }) accessor programmeId = '';
  @property({ type: Number }) accessor minGroupSize = 0;
  @property({ type: Boolean }) accessor tableOpen = false;

  override render() {
    const dataset = this.figures;
    if (!dataset) return nothing;
    const title = datasetTitle(dataset.id);
    const labels = dataset.rows.map((row) => rowLabel(dataset, row));
    const table = this.renderTable(dataset, title, labels);
    return html`<section>
      <h2>${title}</h2>
      ${this.renderChart(dataset, labels)}
      ${
        dataset.suppressed
          ? html`<p class="muted">${msg(str`Figures withheld to protect small groups: ${dataset.suppressed}.`, { id: 'reports.withheldCount' })}</p>`
          : ''
      }
      ${
        this.tableOpen
          ? table
          : html`<details>
            <summary>${msg(str`Show “${title}” as a table`, { id: 'reports.showTable' })}</summary>
            ${table}
          </details>`
      }
      <p class="csv">
        <a href=${reportCsvHref(this.programmeId, dataset.id)} download
          >${msg(str`Download “${title}” as CSV`, { id: 'reports.csv' })}</a
        >
      </p>
    </section>`;
  }

  private renderChart(dataset: ReportDataset, labels: string[]) {
    if (dataset.rows.length === 0)
      return html`<p class="muted">${msg('No figures yet.', { id: 'reports.empty' })}</p>`;
    if (dataset.rows.every((row) => row.cells.every((cell) => cell.suppressed)))
      return html`<p class="muted">${msg('Every group is too small to show.', { id: 'reports.allWithheld' })}</p>`;
    // A change can be negative and is read in the table; the bars show before and after.
    const charted = dataset.measures.flatMap((measure, index) =>
      measure === 'change' ? [] : [{ measure, index }],
    );
    return html`<tandem-chart
      .labels=${labels}
      .series=${charted.map(({ measure, index }) => ({
        label: measureLabel(measure),
        values: dataset.rows.map((row) => row.cells[index]?.value ?? null),
      }))}
      .max=${SCALES.has(dataset.id) ? 5 : undefined}
      summary=${this.summary(dataset, labels)}
    ></tandem-chart>`;
  }

  private renderTable(dataset: ReportDataset, title: string, labels: string[]) {
    const cells = (row: ReportRow) =>
      row.cells.map((cell, index) => {
        const shown = cellText(cell, this.minGroupSize, dataset.measures[index] ?? '');
        return html`<td class=${cell.suppressed ? 'withheld' : 'number'}>${shown}</td>`;
      });
    const average = dataset.average;
    return html`<div class="table-scroll" tabindex="0" role="region" aria-label=${title}>
      <table>
        <caption>${title}</caption>
        <thead>
          <tr>
            <th scope="col">${dimensionLabel(dataset.dimension)}</th>
            ${dataset.measures.map(
              (measure) => html`<th scope="col" class="number">${measureLabel(measure)}</th>`,
            )}
          </tr>
        </thead>
        <tbody>
          ${dataset.rows.map(
            (row, index) => html`<tr><th scope="row">${labels[index]}</th>${cells(row)}</tr>`,
          )}
        </tbody>
        ${
          dataset.total || average
            ? html`<tfoot>
              ${dataset.total ? html`<tr><th scope="row">${msg('Total', { id: 'reports.total' })}</th>${cells(dataset.total)}</tr>` : nothing}
              ${
                average
                  ? html`<tr>
                    <th scope="row">${msg('Average', { id: 'impact.average' })}</th>
                    <td class=${average.suppressed ? 'withheld' : 'number'}>
                      ${cellText(average, this.minGroupSize, 'average')}
                    </td>
                  </tr>`
                  : nothing
              }
            </tfoot>`
            : nothing
        }
      </table>
    </div>`;
  }

  /** The chart's name for screen readers: the title and every figure in words. */
  private summary(dataset: ReportDataset, labels: string[]): string {
    const figures = dataset.rows.map((row, index) => {
      const values = row.cells.map((cell, k) => {
        const measure = dataset.measures[k] ?? '';
        const text = cellText(cell, this.minGroupSize, measure);
        return dataset.measures.length > 1 ? `${measureLabel(measure)} ${text}` : text;
      });
      return `${labels[index]}: ${values.join(', ')}`;
    });
    return msg(str`Bar chart “${datasetTitle(dataset.id)}”. ${figures.join('; ')}.`, {
      id: 'reports.chartSummary',
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tandem-report-dataset': TandemReportDataset;
  }
}
