/**
 * `pnpm bench invitations`: the throughput of email invitations through Tandem's queue into a
 * local SMTP sink, beside raw nodemailer into the same sink in the same run. The target
 * is at least half of raw. Prints its figures and asserts nothing.
 *
 *   BENCH_INVITATIONS=10000   messages per path (default 10,000)
 *   BENCH_CONCURRENCY=5,10    worker concurrencies to try, one queue round of its own each
 *                             (default 5, WORKER_CONCURRENCY's default: each round enqueues
 *                             anew, about two minutes on a small machine)
 *   DATABASE_URL              the PostgreSQL to create the benchmark's database on
 *
 * Raw: the email channel's pooled nodemailer transport (maxConnections at the channel's
 * default) and message builder, every message handed to the pool at once. Queue: `notify()` in
 * transactions of 500 (a notification, one email delivery and a job each), timed as "enqueue";
 * then a graphile-worker runner with the real deliver task, timed from its start until every
 * delivery is `delivered` and the sink holds every message, as "deliver". The ratio compares
 * deliver throughput with raw; enqueueing is the publishing request's cost, printed apart.
 *
 * The sink runs in a child process (remote-sink.ts): it parses each message (≈1.5 ms of CPU),
 * which in this process would compete with the code measured. Both paths share that one sink.
 * A warm-up of raw sends (untimed) goes first, so neither path pays for the JIT alone. Each
 * path also shows the CPU time this process spent per message, which varies less than the
 * rates when other work shares the machine.
 */
import { pino } from 'pino';
import type { Log } from '../src/logger.js';
import { createBenchDatabase, DEFAULT_DATABASE_URL, reachableOrExit } from './bench-database.js';
import { countSetting } from './bench-setting.js';
import { cpuPerMessage, type Elapsed, perSecond, rate, seconds } from './progress.js';
import { queueBench } from './queue-send.js';
import { emailConfig, rawSend } from './raw-send.js';
import { type RemoteSink, startRemoteSink } from './remote-sink.js';

const WARM_UP = 500;

interface QueueRound {
  concurrency: number;
  enqueueMs: number;
  delivered: Elapsed;
}

const count = countSetting('BENCH_INVITATIONS', 10_000);
const concurrencies = (process.env.BENCH_CONCURRENCY ?? '5').split(',').map(Number);
const adminUrl = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
const log: Log = pino({ name: 'bench', level: process.env.LOG_LEVEL ?? 'warn' });

await reachableOrExit('invitations', adminUrl);
const sink = await startRemoteSink();
try {
  console.log(
    `Invitations benchmark: ${count.toLocaleString('en')} emails per path into an SMTP sink ` +
      `(child process), Node ${process.version}.`,
  );
  const raw = await measureRaw(sink);
  const rounds = await measureQueue(sink);
  printSummary(sink, raw, rounds);
} finally {
  await sink.close();
}

async function measureRaw(sink: RemoteSink): Promise<Elapsed> {
  await rawSend(sink, WARM_UP, true);
  console.log(`raw: nodemailer pool of ${emailConfig(sink).maxConnections} connections`);
  const elapsed = await rawSend(sink, count);
  const { ms } = elapsed;
  console.log(
    `raw: ${seconds(ms)}, ${rate(perSecond(count, ms))}, ${cpuPerMessage(count, elapsed)}`,
  );
  return elapsed;
}

async function measureQueue(sink: RemoteSink): Promise<QueueRound[]> {
  const database = await createBenchDatabase(adminUrl, log);
  const bench = await queueBench(database.url, sink, count, log);
  const rounds: QueueRound[] = [];
  try {
    for (const [round, concurrency] of concurrencies.entries()) {
      const enqueueMs = await bench.enqueue(round, count);
      console.log(`queue: enqueued in ${seconds(enqueueMs)}, ${rate(perSecond(count, enqueueMs))}`);
      console.log(`queue: worker concurrency ${concurrency}`);
      const delivered = await bench.deliver(concurrency, count);
      const { ms } = delivered;
      console.log(
        `queue: delivered in ${seconds(ms)}, ${rate(perSecond(count, ms))}, ` +
          cpuPerMessage(count, delivered),
      );
      rounds.push({ concurrency, enqueueMs, delivered });
    }
    return rounds;
  } finally {
    await bench.close();
    await database.drop();
  }
}

function printSummary(sink: RemoteSink, rawSent: Elapsed, rounds: QueueRound[]): void {
  const raw = perSecond(count, rawSent.ms);
  console.log('');
  console.log(`raw nodemailer → sink            ${rate(raw)}  ${cpuPerMessage(count, rawSent)}`);
  for (const { concurrency, enqueueMs, delivered } of rounds) {
    const deliverMs = delivered.ms;
    const queue = perSecond(count, deliverMs);
    const share = Math.round((queue / raw) * 100);
    console.log(
      `queue, concurrency ${String(concurrency).padEnd(3)}          ${rate(queue)}  ` +
        `${cpuPerMessage(count, delivered)}, ${share} % of raw ` +
        `(target ≥ 50 % of raw: ${share >= 50 ? 'met' : 'not met'}); ` +
        `enqueue ${rate(perSecond(count, enqueueMs))}, ` +
        `end to end ${rate(perSecond(count, enqueueMs + deliverMs))}`,
    );
  }
  const { received, distinct, calendars } = sink.report;
  if (distinct !== received || calendars !== received)
    console.log(`sink: ${received} received, ${distinct} distinct, ${calendars} with REQUEST`);
}
