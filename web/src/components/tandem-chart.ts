import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  Tooltip,
} from 'chart.js';
import { css, html, LitElement, type PropertyValues } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';

// Only what bar charts need, so the page's chunk stays small.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

/** One series of bars; null where a figure is withheld (the page's table says why). */
export interface ChartSeries {
  label: string;
  values: (number | null)[];
}

/** Design tokens the bars take their colours from, in series order. */
const SERIES_COLOURS = ['--tandem-primary', '--tandem-accent', '--tandem-success'];

/**
 * A bar chart on a canvas (Chart.js): no inline styles in markup, so it works under the
 * Content-Security-Policy. The canvas is an image named by `summary`; the figures themselves
 * are for the page to offer as a table beside it, the accessible alternative.
 */
@customElement('tandem-chart')
export class TandemChart extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
    .frame {
      position: relative;
      height: 16rem;
      max-width: 48rem;
    }
  `;

  @property({ attribute: false }) accessor labels: string[] = [];
  @property({ attribute: false }) accessor series: ChartSeries[] = [];
  /** What the chart shows, in words: the canvas's accessible name. */
  @property() accessor summary = '';
  @property({ type: Number }) accessor max: number | undefined = undefined;

  @query('canvas') private accessor canvas!: HTMLCanvasElement;
  private chart: Chart<'bar', (number | null)[], string> | undefined;

  override render() {
    return html`<div class="frame"><canvas role="img" aria-label=${this.summary}></canvas></div>`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (!(changed.has('labels') || changed.has('series') || changed.has('max'))) return;
    this.chart?.destroy();
    const styles = getComputedStyle(this);
    const colour = (index: number) =>
      styles.getPropertyValue(SERIES_COLOURS[index % SERIES_COLOURS.length] ?? '').trim();
    const text = styles.getPropertyValue('--tandem-text').trim();
    this.chart = new Chart(this.canvas, {
      type: 'bar',
      data: {
        labels: this.labels,
        datasets: this.series.map((series, index) => ({
          label: series.label,
          data: series.values,
          backgroundColor: colour(index),
        })),
      },
      options: {
        maintainAspectRatio: false,
        // Calm: nothing moves; people who read the table lose nothing.
        animation: false,
        plugins: { legend: { display: this.series.length > 1, labels: { color: text } } },
        scales: {
          x: { ticks: { color: text } },
          y: {
            beginAtZero: true,
            ...(this.max === undefined ? {} : { max: this.max }),
            ticks: { color: text, precision: 0 },
          },
        },
      },
    });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Back in the page after a move: draw again what disconnecting destroyed.
    if (this.hasUpdated) this.requestUpdate('labels');
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.chart?.destroy();
    this.chart = undefined;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tandem-chart': TandemChart;
  }
}
