/**
 * Preloaded (`--import`) into the agency benchmark's child processes: when the process exits,
 * it appends its peak resident memory (maxRSS, KiB) as one JSON line to the file named by
 * BENCH_PEAK_RSS_FILE, so the benchmark can print the peak of every process it ran.
 */
import { appendFileSync } from 'node:fs';
import { basename } from 'node:path';

const file = process.env.BENCH_PEAK_RSS_FILE;
const label = [basename(process.argv[1] ?? 'node'), ...process.argv.slice(2)].join(' ');
if (file)
  process.on('exit', () => {
    const line = { label, maxRssKiB: process.resourceUsage().maxRSS };
    appendFileSync(file, `${JSON.stringify(line)}\n`);
  });
