/** The closing figures of `pnpm bench season` (./season.ts). */
import { type Elapsed, seconds } from './progress.js';
import type { SinkReport } from './remote-sink.js';
import { GAP_LIMIT_DAYS, type Gaps, type SeasonFigures } from './season-figures.js';
import type { Answers, Searches } from './season-people.js';

export interface SeasonReport {
  pairs: number;
  weeks: number;
  figures: SeasonFigures;
  gaps: Gaps;
  answers: Answers;
  searches: Searches;
  sink: SinkReport;
  jobs: Readonly<Record<string, number>>;
  rounds: number;
  season: Elapsed;
  total: Elapsed;
  /** The highest heapUsed seen at the end of a simulated day, in bytes. */
  heapPeak: number;
  ceiling: Elapsed;
}

const n = (value: number) => value.toLocaleString('en');
const mb = (bytes: number) => `${Math.round(bytes / 2 ** 20).toLocaleString('en')} MB`;
const list = (counts: Readonly<Record<string, number>>) =>
  Object.entries(counts)
    .sort(([, a], [, b]) => b - a)
    .map(([name, count]) => `${name} ${n(count)}`)
    .join(', ');

export function printFigures(report: SeasonReport): void {
  const { figures, gaps, answers, searches, sink } = report;
  const { sessions, meetings } = figures;
  const jobs = Object.values(report.jobs).reduce((sum, count) => sum + count, 0);
  const inApp = Object.values(figures.notifications).reduce((sum, count) => sum + count, 0);
  const lines = [
    '',
    `${n(report.pairs)} pairs over ${report.weeks} simulated weeks`,
    `sessions   ${n(sessions.planned)} planned, ${n(sessions.held)} held, ` +
      `${n(sessions.skipped)} skipped, ${n(sessions.toCome)} still to come`,
    `meetings   ${n(meetings.held)} held, ${n(meetings.ahead)} planned ahead, ` +
      `${n(meetings.moved)} moved after a decline, ${n(meetings.cancelled)} cancelled`,
    `answers    ${n(answers.accepted)} accepted, ${n(answers.declined)} declined, ` +
      `${n(answers.ignored)} never answered, ${n(answers.outdated)} to a version changed since`,
    `searches   ${n(figures.searches.opened)} opened, ${n(figures.searches.settled)} settled ` +
      `(${n(searches.settled)} by a pick), ${n(figures.searches.open)} open at the end, ` +
      `${n(searches.refused)} proposals refused`,
    `next step  ${n(gaps.pairs)} pairs went more than ${GAP_LIMIT_DAYS} days without a meeting ` +
      'planned, a search open or the admin flag (target 0); ' +
      `longest stretch ${gaps.longestDays.toFixed(1)} days; ${n(gaps.now)} without one at the end`,
    `in-app     ${n(inApp)} notifications: ${list(figures.notifications)}`,
    ...Object.entries(figures.deliveries).map(
      ([channel, states]) => `${channel.padEnd(10)} ${list(states)}`,
    ),
    `sink       ${n(sink.received)} received, ${n(sink.distinct)} distinct, ` +
      `${n(sink.calendars)} with a calendar REQUEST`,
    `jobs       ${n(jobs)} in ${n(report.rounds)} rounds: ${list(report.jobs)}`,
    `time       season ${seconds(report.season.ms)} (${seconds(report.season.cpuMs)} CPU in ` +
      `this process), all ${seconds(report.total.ms)}; ` +
      `the same number of no-op jobs in as many rounds: ${seconds(report.ceiling.ms)}`,
    `memory     peak RSS ${mb(process.resourceUsage().maxRSS * 1024)}, ` +
      `peak heap used ${mb(report.heapPeak)}`,
  ];
  for (const line of lines) console.log(line);
}
