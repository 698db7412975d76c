/**
 * `pnpm bench agency`: a federal agency on one small server (issue 21). On a database of its
 * own: people imported through the CLI (`tandem import people`, a child process), a lunch
 * round and a reverse-mentoring programme created by an admin through the API, people enrolled
 * through the CLI (`tandem import enrolments`: the API would be one click per person), both
 * matchings run by a `tandem worker` child process, published through the API, the first
 * meetings planned and the invitations delivered by that worker to an SMTP sink in a child
 * process; then the admin's enrolments table and matching review of both programmes, timed as
 * the web app asks for them. Prints each stage's wall time beside its target and every
 * process's peak memory; asserts nothing.
 *
 *   BENCH_AGENCY_PEOPLE=50000    people imported (default 50,000)
 *   BENCH_AGENCY_LUNCH=10000     of them enrolled in the lunch round (default 10,000)
 *   BENCH_AGENCY_REVERSE=2000    enrolled in reverse mentoring, half mentors (default 2,000)
 *   BENCH_AGENCY_REQUESTS=20     requests per admin page for its p95 (default 20)
 *   BENCH_AGENCY_ENROL=sql       enrol in one INSERT instead of through the CLI import, to
 *                                time the rest without it
 *   BENCH_AGENCY_WORKER_FLAGS    Node flags for the worker process alone, space-separated, e.g.
 *                                `--cpu-prof --cpu-prof-dir=/tmp/prof` to profile it
 *   DATABASE_URL                 the PostgreSQL to create the benchmark's database on
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { pino } from 'pino';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import type { Log } from '../src/logger.js';
import { EMPTY_PROFILE } from '../src/modules/profiles/profile-schema.js';
import { signedInAs } from '../test/helpers/sessions.js';
import { AGENCY_LUNCH, AGENCY_REVERSE } from './agency-programmes.js';
import { createBenchDatabase, DEFAULT_DATABASE_URL, reachableOrExit } from './bench-database.js';
import { countSetting } from './bench-setting.js';
import { startRemoteSink } from './remote-sink.js';

const PEOPLE = countSetting('BENCH_AGENCY_PEOPLE', 50_000);
const LUNCH = Math.min(countSetting('BENCH_AGENCY_LUNCH', 10_000), PEOPLE);
const REVERSE = Math.min(countSetting('BENCH_AGENCY_REVERSE', 2_000), PEOPLE - LUNCH);
const REQUESTS = countSetting('BENCH_AGENCY_REQUESTS', 20);
const ENROL =
  process.env.BENCH_AGENCY_ENROL === 'sql' ? 'one INSERT … SELECT' : 'tandem import enrolments';
const WORKER_FLAGS = (process.env.BENCH_AGENCY_WORKER_FLAGS ?? '').split(' ').filter(Boolean);
const ISSUER = 'https://idp.agency.example';
const FROM = 'tandem@agency.example';
const DEPARTMENTS = ['Bürgerservice', 'IT', 'Personal', 'Haushalt', 'Bauamt', 'Ordnungsamt'];
const MAIN = fileURLToPath(new URL('../src/main.ts', import.meta.url));
const PEAK_RSS = fileURLToPath(new URL('./peak-rss.ts', import.meta.url));
/** How often the worker's progress is looked at. */
const POLL_MS = 200;
const GiB_KiB = 1024 * 1024;

const adminUrl = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
const log: Log = pino({ name: 'bench', level: process.env.LOG_LEVEL ?? 'warn' });

interface Stage {
  name: string;
  ms: number;
  target?: string;
  note?: string;
  /** The worker's memory when the stage ended, and its peak so far. */
  worker?: string;
}
const stages: Stage[] = [];

async function stage<T>(
  name: string,
  target: string | undefined,
  run: () => Promise<T>,
  note?: (result: T) => string,
): Promise<T> {
  const started = performance.now();
  const result = await run();
  const entry: Stage = { name, ms: performance.now() - started };
  if (target) entry.target = target;
  if (note) entry.note = note(result);
  await withWorkerMemory(entry);
  stages.push(entry);
  console.log(
    `  ${name}: ${(entry.ms / 1000).toFixed(1)} s${entry.note ? ` — ${entry.note}` : ''}`,
  );
  return result;
}

/**
 * Adds the worker's resident memory and its peak so far (Linux's VmRSS and VmHWM) to the
 * stage, so the summary shows in which stage the worker's peak was reached.
 */
async function withWorkerMemory(entry: Stage): Promise<void> {
  if (!worker?.pid || worker.exitCode !== null) return;
  const status = await readFile(`/proc/${worker.pid}/status`, 'utf8').catch(() => '');
  const kib = (field: string) =>
    Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
  const [rss, peak] = [kib('VmRSS'), kib('VmHWM')];
  if (rss && peak)
    entry.worker = `worker ${Math.round(rss / 1024)} MiB, peak ${Math.round(peak / 1024)} MiB`;
}

await reachableOrExit('agency', adminUrl);
console.log(
  `Agency benchmark: ${PEOPLE.toLocaleString('en')} people, ${LUNCH.toLocaleString('en')} in a lunch round, ` +
    `${REVERSE.toLocaleString('en')} in reverse mentoring, Node ${process.version}.`,
);
const dir = await mkdtemp(join(tmpdir(), 'tandem-agency-'));
const rssFile = join(dir, 'peak-rss.jsonl');
const childArgv = [...process.execArgv, '--import', PEAK_RSS];
process.env.BENCH_PEAK_RSS_FILE = rssFile;
const sink = await startRemoteSink(childArgv);
const database = await createBenchDatabase(adminUrl, log);
const env = {
  DATABASE_URL: database.url,
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  PUBLIC_URL: 'https://tandem.agency.example',
  HOLIDAY_REGION: 'DE-BY',
  MANAGEMENT_PORT: 'off',
  OIDC_ISSUER: ISSUER,
  OIDC_CLIENT_ID: 'tandem',
  OIDC_CLIENT_SECRET: 'secret',
  TANDEM_PLUGIN_EMAIL_HOST: sink.host,
  TANDEM_PLUGIN_EMAIL_PORT: String(sink.port),
  TANDEM_PLUGIN_EMAIL_FROM: FROM,
};
let worker: ChildProcess | undefined;
let app: FastifyInstance | undefined;
try {
  await runAgency();
} finally {
  if (worker) await stopChild(worker);
  await app?.close();
  await sink.close();
  await database.drop();
  await printSummary();
  await rm(dir, { recursive: true, force: true });
}

async function runAgency(): Promise<void> {
  const peopleCsv = join(dir, 'people.csv');
  await writeFile(peopleCsv, peopleFile());
  await stage(`import ${PEOPLE} people (tandem import people)`, '≤ 60 s', () =>
    tandem(['import', 'people', peopleCsv]),
  );

  const config = loadConfig({ ...env, WORKER_IN_PROCESS: 'false' });
  app = await buildApp({ ...config, databaseUrl: database.url, demo: false });
  await app.ready();
  const api = adminApi(app, (await signedInAs(app, admin())).cookies);

  const lunch = await api.create(AGENCY_LUNCH);
  const reverse = await api.create(AGENCY_REVERSE);
  for (const id of [lunch, reverse])
    await api.send('POST', `/programmes/${id}/transitions`, { to: 'enrolment' });
  await stage(`enrol ${LUNCH} in the lunch round (${ENROL})`, undefined, () =>
    enrolAll(lunch, 0, LUNCH, false),
  );
  await stage(`enrol ${REVERSE} in reverse mentoring (${ENROL})`, undefined, () =>
    enrolAll(reverse, LUNCH, REVERSE, true),
  );
  for (const id of [lunch, reverse])
    await api.send('POST', `/programmes/${id}/transitions`, { to: 'matching' });

  worker = tandemWorker();
  await workerListening(database.url);
  // The strategy's code is loaded when the worker starts (untimed); the first run still runs it,
  // the ORM and the checks before V8 has optimised them, which an admin's re-run does not.
  await stage('lunch matching run, first in a fresh worker', undefined, () =>
    api.matchingRun(lunch),
  );
  await stage('lunch matching run again (request until succeeded)', '≤ 10 s', () =>
    api.matchingRun(lunch),
  );
  await stage('reverse-mentoring matching run', undefined, () => api.matchingRun(reverse));

  const delivering = performance.now();
  const groups = await stage(
    'publish the lunch round (API)',
    undefined,
    async () => published(await api.send('POST', `/programmes/${lunch}/publish`)),
    (n) => `${n} groups`,
  );
  const pairs = await stage(
    'publish reverse mentoring (API)',
    undefined,
    async () => published(await api.send('POST', `/programmes/${reverse}/publish`)),
    (n) => `${n} pairs`,
  );
  const delivered = await untilQuiet(database.url, delivering);
  const entry: Stage = {
    name: `first meetings planned, invitations delivered (${groups + pairs} matches)`,
    ms: performance.now() - delivering,
    target: '≤ 300 s',
    note: delivered,
  };
  await withWorkerMemory(entry);
  stages.push(entry);
  console.log(`  delivered: ${delivered}`);

  for (const [label, id, size] of [
    ['lunch', lunch, LUNCH],
    ['reverse', reverse, REVERSE],
  ] as const) {
    await timedPage(api, `${label}: enrolments table, first page`, `/programmes/${id}/enrolments`);
    await timedPage(
      api,
      `${label}: enrolments table, a late page by name`,
      `/programmes/${id}/enrolments?offset=${Math.max(0, size - 200)}&limit=100`,
    );
    await timedPage(api, `${label}: matching review, first page`, `/programmes/${id}/review`);
  }
}

function admin() {
  return { subject: 'bench-admin', name: 'Admin', roles: ['admin'] };
}

function peopleFile(): string {
  const lines = ['subject,name,email,department,title'];
  for (let i = 0; i < PEOPLE; i++)
    lines.push(
      `p${i},Person ${i},p${i}@agency.example,${DEPARTMENTS[i % DEPARTMENTS.length]},${i % 10 ? 'Sachbearbeitung' : 'Leitung'}`,
    );
  return `${lines.join('\n')}\n`;
}

/**
 * Enrols people from..from+count-1 (either role, or alternately mentor and mentee) with the
 * profile an import of email and role gives them: through `tandem import enrolments`, or in
 * one INSERT when BENCH_AGENCY_ENROL=sql.
 */
async function enrolAll(programmeId: string, from: number, count: number, pairs: boolean) {
  const role = (i: number) => (pairs ? (i % 2 ? 'mentee' : 'mentor') : 'either');
  if (ENROL === 'tandem import enrolments') {
    const lines = ['email,role'];
    for (let i = from; i < from + count; i++) lines.push(`p${i}@agency.example,${role(i)}`);
    const file = join(dir, `enrolments-${programmeId}.csv`);
    await writeFile(file, `${lines.join('\n')}\n`);
    return tandem(['import', 'enrolments', programmeId, file]);
  }
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO enrolment (id, programme_id, user_id, role, state, profile, created_at, updated_at)
       SELECT gen_random_uuid(), $1, u.id,
              CASE WHEN NOT $4 THEN 'either' WHEN n % 2 = 1 THEN 'mentee' ELSE 'mentor' END,
              'active', $5::jsonb, now(), now()
         FROM app_user u, LATERAL (SELECT substr(u.subject, 2)::int AS n) s
        WHERE u.issuer = $6 AND n >= $2 AND n < $2 + $3`,
      [programmeId, from, count, pairs, JSON.stringify(EMPTY_PROFILE), ISSUER],
    );
  } finally {
    await client.end();
  }
}

/** Runs the real CLI in a child process; fails with its output when it does not exit 0. */
function tandem(args: string[]): Promise<void> {
  const child = spawn(process.execPath, [...childArgv, MAIN, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`tandem ${args[0]} exited ${code}:\n${output}`)),
    );
  });
}

function tandemWorker(): ChildProcess {
  return spawn(process.execPath, [...childArgv, ...WORKER_FLAGS, MAIN, 'worker'], {
    env: { ...process.env, ...env, WORKER_CONCURRENCY: process.env.WORKER_CONCURRENCY ?? '10' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}

/**
 * Waits until the worker process is connected and listening for jobs, its start-up untimed.
 * Only graphile-worker's LISTEN counts: this process's app listens too (realtime events), and
 * taking its LISTEN for the worker's timed the worker's start-up into the first matching run.
 */
async function workerListening(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (;;) {
      const { rows } = await client.query<{ count: string }>(
        `SELECT count(*) FROM pg_stat_activity
          WHERE datname = current_database() AND query LIKE 'LISTEN "jobs:insert"%'`,
      );
      if (Number(rows[0]?.count) > 0) return;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  } finally {
    await client.end();
  }
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

interface AdminApi {
  send(method: 'GET' | 'POST', path: string, body?: object): Promise<unknown>;
  create(body: object): Promise<string>;
  matchingRun(programmeId: string): Promise<void>;
}

function adminApi(app: FastifyInstance, cookies: Record<string, string>): AdminApi {
  const send = async (method: 'GET' | 'POST', path: string, body?: object) => {
    const response = await app.inject({
      method,
      url: `/api/admin${path}`,
      cookies,
      ...(body ? { payload: body } : {}),
    });
    if (response.statusCode >= 300)
      throw new Error(`${method} ${path}: ${response.statusCode} ${response.body}`);
    return response.json() as unknown;
  };
  return {
    send,
    create: async (body) => ((await send('POST', '/programmes', body)) as { id: string }).id,
    matchingRun: async (programmeId) => {
      const run = (await send('POST', `/programmes/${programmeId}/matching-runs`)) as {
        id: string;
      };
      for (;;) {
        const { state, error } = (await send('GET', `/matching-runs/${run.id}`)) as {
          state: string;
          error?: string;
        };
        if (state === 'succeeded') return;
        if (state === 'failed') throw new Error(`matching run failed: ${error}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
  };
}

/** How many matches of the programme are published: the review answers with a page of them. */
function published(review: unknown): number {
  const { page } = review as { page: { matches: { byState: { published: number } } } };
  return page.matches.byState.published;
}

/**
 * Waits until the worker has nothing left to do now (no job due, no delivery open) and every
 * email delivered has arrived at the sink; says when the last plan job was done (counted from
 * `since`) and what was planned and sent.
 */
async function untilQuiet(url: string, since: number): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    let quietPolls = 0;
    let plannedMs: number | undefined;
    for (;;) {
      const { rows } = await client.query<{
        due: string;
        plans: string;
        open: string;
        emails: string;
      }>(
        `SELECT (SELECT count(*) FROM graphile_worker._private_jobs
                  WHERE run_at <= now() AND attempts < max_attempts) AS due,
                (SELECT count(*) FROM graphile_worker.jobs
                  WHERE task_identifier = 'create-pair-plan' AND attempts < max_attempts) AS plans,
                (SELECT count(*) FROM delivery WHERE state IN ('pending', 'retry-later')) AS open,
                (SELECT count(*) FROM delivery WHERE channel = 'email' AND state = 'delivered') AS emails`,
      );
      const { due, plans, open, emails } = rows[0] ?? {
        due: '1',
        plans: '1',
        open: '1',
        emails: '0',
      };
      if (plannedMs === undefined && Number(plans) === 0) plannedMs = performance.now() - since;
      const quiet =
        Number(due) === 0 && Number(open) === 0 && sink.report.received >= Number(emails);
      quietPolls = quiet ? quietPolls + 1 : 0;
      if (quietPolls >= 3) break;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    const meetings = await client.query<{ count: string }>('SELECT count(*) FROM meeting');
    const deliveries = await client.query<{ channel: string; state: string; count: string }>(
      'SELECT channel, state, count(*) FROM delivery GROUP BY channel, state ORDER BY 1, 2',
    );
    const byState = deliveries.rows.map((row) => `${row.channel} ${row.state} ${row.count}`);
    const planned = `plan jobs done after ${((plannedMs ?? 0) / 1000).toFixed(1)} s`;
    return `${planned}, ${meetings.rows[0]?.count} meetings, ${sink.report.received} emails at the sink; deliveries: ${byState.join(', ')}`;
  } finally {
    await client.end();
  }
}

/** Asks for one admin page REQUESTS times; records its p50 and p95 and the answer's size. */
async function timedPage(api: AdminApi, name: string, path: string): Promise<void> {
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < REQUESTS; i++) {
    const started = performance.now();
    const answer = await api.send('GET', path);
    times.push(performance.now() - started);
    bytes = JSON.stringify(answer).length;
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)] ?? 0;
  const note = `p50 ${at(0.5).toFixed(0)} ms, p95 ${at(0.95).toFixed(0)} ms, ${Math.round(bytes / 1024)} KiB`;
  stages.push({ name, ms: at(0.95), target: 'p95 ≤ 300 ms', note });
  console.log(`  ${name}: ${note}`);
}

/** The summary: each stage's wall time against its target, then every process's peak memory. */
async function printSummary(): Promise<void> {
  console.log('');
  console.log(`${'stage'.padEnd(68)}${'wall time'.padStart(12)}   target`);
  for (const { name, ms, target, note, worker } of stages)
    console.log(
      `${name.padEnd(68)}${`${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`.padStart(12)}   ${target ?? ''}${note ? `   (${note})` : ''}${worker ? `   [${worker}]` : ''}`,
    );
  console.log('');
  console.log('peak memory (maxRSS) per process, target ≤ 1 GiB:');
  const lines = await readFile(rssFile, 'utf8').catch(() => '');
  const peaks = lines
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { label: string; maxRssKiB: number });
  peaks.push({
    label: 'agency.ts (benchmark, API in process)',
    maxRssKiB: process.resourceUsage().maxRSS,
  });
  for (const { label, maxRssKiB } of peaks)
    console.log(
      `  ${label.padEnd(66)}${`${Math.round(maxRssKiB / 1024)} MiB`.padStart(10)}${maxRssKiB > GiB_KiB ? '   over 1 GiB' : ''}`,
    );
}
