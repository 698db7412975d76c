import { localized, msg, str } from '@lit/localize';
import { Task } from '@lit/task';
import { html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import '../components/tandem-report-dataset.js';
import { taskView } from '../components/task-view.js';
import { type ProgrammeReport, readReport } from '../data/reports.js';
import { sharedStyles } from '../styles/shared-styles.js';

/**
 * HR's report of a programme: each dataset as a bar chart, the same figures as a table (the
 * accessible alternative) and a CSV file. Aggregates only; the server withholds every group
 * smaller than its threshold, and this page says so in words, never with a number.
 */
@localized()
@customElement('tandem-report-page')
export class TandemReportPage extends LitElement {
  static override styles = [sharedStyles];

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
        <a href="${back}/impact"
          >${msg('Impact of the programme (printable)', { id: 'impact.link' })}</a
        >
      </p>
      <p>
        ${msg(
          str`Figures only, about groups: no one is named. A group of fewer than ${report.minGroupSize} people (or pairs) is not shown, nor is a figure from which one could work it out.`,
          { id: 'reports.intro' },
        )}
      </p>
      ${report.datasets.map(
        (dataset) => html`<tandem-report-dataset
          .figures=${dataset}
          .programmeId=${report.programme.id}
          .minGroupSize=${report.minGroupSize}
        ></tandem-report-dataset>`,
      )}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tandem-report-page': TandemReportPage;
  }
}
