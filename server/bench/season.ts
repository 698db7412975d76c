/**
 * `pnpm bench season`: a half-year of mentoring for many pairs on a simulated clock, with
 * Tandem's real routes, services and background tasks, the email channel sending to an SMTP
 * sink in a child process (./remote-sink.ts). Prints what came of it and what it cost; asserts
 * nothing (a script error still exits non-zero).
 *
 *   BENCH_PAIRS=1000        pairs (default 1,000)
 *   BENCH_WEEKS=26          simulated weeks (default 26)
 *   BENCH_CONCURRENCY=8     jobs run at once in each round of the season (default 8)
 *   DATABASE_URL            the PostgreSQL to create the benchmark's database on
 *   LOG_LEVEL               Tandem's log level (default warn)
 *
 * The admin publishes the pairs of a half-year programme (12 sessions, every two weeks); every
 * 50th pair is never free at the same time and has to find each time together. Then the season
 * runs day by day (server/test/helpers/season.ts, the half-year test's harness): each job runs
 * when the clock reaches its time, and each day the people answer their invitations (most
 * accept, some decline so the meeting moves, some never answer so nudges go out), searching
 * pairs agree on a time, and every pair is checked for a next step (./season-figures.ts).
 * Some pairs skip their sixth session at the start.
 *
 * At the end: sessions planned, held and skipped; the pairs that went more than seven days
 * without a meeting planned, a search open or the admin's flag (target 0); messages by kind and
 * channel and what the sink received; wall time and peak memory. Then, as the ceiling of the
 * harness, as many no-op jobs in as many rounds through graphile-worker (./season-ceiling.ts).
 * 1,000 pairs take over half an hour on two cores, so the plain `pnpm bench` leaves this out.
 */
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import type { Log } from '../src/logger.js';
import { Enrolment } from '../src/modules/enrolment/enrolment.js';
import { Programme } from '../src/modules/programmes/programme.js';
import { FROM, proposedPairs } from '../test/helpers/proposed-pairs.js';
import { type SeasonOwner, seasonClock, startSeason } from '../test/helpers/season.js';
import { signedInAs } from '../test/helpers/sessions.js';
import { createBenchDatabase, DEFAULT_DATABASE_URL, reachableOrExit } from './bench-database.js';
import { countSetting } from './bench-setting.js';
import { seconds, stopwatch } from './progress.js';
import { type RemoteSink, startRemoteSink } from './remote-sink.js';
import { queueCeiling } from './season-ceiling.js';
import { GAP_LIMIT_DAYS, gapWatch, pairsWithoutNextStep, seasonFigures } from './season-figures.js';
import { simulatedPeople } from './season-people.js';
import { printFigures } from './season-report.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** Every APART-th pair is never free together; every SKIPS-th (from the 8th) skips a session. */
const APART = 50;
const SKIPS = 40;

const pairs = countSetting('BENCH_PAIRS', 1000);
const weeks = countSetting('BENCH_WEEKS', 26);
const concurrency = countSetting('BENCH_CONCURRENCY', 8);
const adminUrl = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
const log: Log = pino({ name: 'bench', level: process.env.LOG_LEVEL ?? 'warn' });

await reachableOrExit('season', adminUrl);
const sink = await startRemoteSink();
const teardowns: (() => unknown)[] = [];
const owner: SeasonOwner = { teardown: (fn) => teardowns.push(fn) };
try {
  console.log(
    `Season benchmark: ${pairs.toLocaleString('en')} pairs, ${weeks} simulated weeks, ` +
      `${concurrency} jobs at once, Node ${process.version}.`,
  );
  await runSeason(sink);
} finally {
  for (const teardown of teardowns.reverse()) await teardown();
  await sink.close();
}

async function runSeason(sink: RemoteSink): Promise<void> {
  const total = stopwatch();
  const database = await createBenchDatabase(adminUrl, log);
  owner.teardown(() => database.drop());
  const env = {
    PUBLIC_URL: 'https://tandem.agency.example',
    HOLIDAY_REGION: 'DE-BY',
    TANDEM_PLUGIN_EMAIL_HOST: sink.host,
    TANDEM_PLUGIN_EMAIL_PORT: String(sink.port),
    TANDEM_PLUGIN_EMAIL_FROM: FROM,
  };
  const config = loadConfig({
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    WORKER_IN_PROCESS: 'false',
    MANAGEMENT_PORT: 'off',
    // People answer days of simulated time apart, which may be more than an hour of real time.
    SESSION_IDLE_TIMEOUT_MINUTES: '1440',
    ...env,
  });
  const clock = seasonClock(new Date());
  const app = await buildApp(
    { ...config, databaseUrl: database.url, demo: false },
    { now: clock.now },
  );
  owner.teardown(() => app.close());
  await app.ready();
  const season = startSeason(owner, app, clock, env, database.url, { concurrency });

  const setup = stopwatch();
  const matchIds = await publishedPairs(app);
  // The plans are made by a job per pair, queued by publishing at the database's time.
  let rounds = await season.runUntil(new Date(clock.now().getTime() + HOUR_MS));
  const people = simulatedPeople(app, clock.now);
  const skipped = await people.skipSession(matchIds.filter((_, pair) => pair % SKIPS === 7));
  console.log(
    `setup: ${pairs.toLocaleString('en')} pairs published, plans made, ` +
      `${skipped} skip a session, in ${seconds(setup().ms)}`,
  );

  const watch = gapWatch();
  const started = clock.now().getTime();
  const running = stopwatch();
  let heapPeak = 0;
  for (let day = 1; day <= weeks * 7; day++) {
    rounds += await season.runUntil(new Date(started + day * DAY_MS));
    await people.settleSearches();
    await people.answerInvitations(day);
    watch.observe(await pairsWithoutNextStep(app), clock.now());
    heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
    if (day % 7 === 0) {
      const gaps = watch.gaps();
      console.log(
        `  week ${day / 7}/${weeks}: ${seconds(running().ms)}, ` +
          `${jobCount(season.jobs).toLocaleString('en')} jobs in ${rounds.toLocaleString('en')} rounds, ` +
          `${sink.report.received.toLocaleString('en')} emails in the sink, ` +
          `${gaps.pairs} pairs over ${GAP_LIMIT_DAYS} days without a next step`,
      );
    }
  }
  const seasonTime = running();
  // Deliveries queued by the last answers still go out.
  rounds += await season.runUntil(clock.now());
  const figures = await seasonFigures(app);
  const emailed = figures.deliveries.email?.delivered ?? 0;
  // The sink counts what it parsed; a message it lost shows as fewer received than delivered.
  await Promise.race([
    sink.waitFor(emailed),
    new Promise((resolve) => setTimeout(resolve, 30_000).unref()),
  ]);
  const jobs = jobCount(season.jobs);
  const ceiling = await queueCeiling(database.url, jobs, rounds, concurrency);
  printFigures({
    pairs,
    weeks,
    figures,
    gaps: watch.gaps(),
    answers: people.answers,
    searches: people.searches,
    sink: sink.report,
    jobs: season.jobs,
    rounds,
    season: seasonTime,
    total: total(),
    heapPeak,
    ceiling,
  });
}

/**
 * `pairs` proposed pairs of a half-year programme (12 sessions every two weeks), every APART-th
 * of them with a mentee free only early on Wednesdays, before any mentor is: published by an
 * admin through the review's publish route. Returns the pairs' ids in order.
 */
async function publishedPairs(app: FastifyInstance): Promise<string[]> {
  const hr = await signedInAs(app, { subject: 'hr', name: 'HR', roles: ['admin'] });
  const { programme, people } = await proposedPairs(app, pairs);
  const em = app.orm.em.fork();
  await em.nativeUpdate(
    Programme,
    { id: programme.id },
    {
      curriculum: 'half-year',
      settings: { ...programme.settings, cadenceWeeks: 2, durationWeeks: 26 },
    },
  );
  const apart = people.filter((p) => p.pair % APART === APART - 1 && p.role === 'mentee');
  await em.nativeUpdate(
    Enrolment,
    { user: { $in: apart.map((p) => p.user.id) }, programme: programme.id },
    { profile: { availability: [{ weekday: 3, from: '07:00', to: '08:00' }] } },
  );
  const published = await app.inject({
    method: 'POST',
    url: `/api/admin/programmes/${programme.id}/publish`,
    cookies: hr.cookies,
  });
  if (published.statusCode !== 200)
    throw new Error(`publishing: ${published.statusCode} ${published.body}`);
  return people.filter((p) => p.role === 'mentor').map((p) => p.match.id);
}

function jobCount(jobs: Readonly<Record<string, number>>): number {
  return Object.values(jobs).reduce((sum, n) => sum + n, 0);
}
