/**
 * `pnpm bench imports`: the CLI imports alone, at a size that runs in minutes. People are
 * imported with `tandem import people` (a child process, as an operator runs it), then the
 * first of them enrolled with `tandem import enrolments` into a lunch round and, the next
 * ones, half mentors, into a reverse-mentoring programme; the lunch file is imported again,
 * which changes nothing. Prints each stage's wall time (start-up included, which a run on a
 * file without rows shows alone), rows per second and the peak memory of its process. No
 * assertion: the figures are for a person.
 *
 *   BENCH_IMPORT_PEOPLE=5000      people imported (default 5,000)
 *   BENCH_IMPORT_LUNCH=1000       of them enrolled in the lunch round (default 1,000)
 *   BENCH_IMPORT_REVERSE=1000     enrolled in reverse mentoring (default 1,000)
 *
 * `pnpm bench imports 50000 10000 2000` sets the same three by position.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { openOrm } from '../src/db/orm.js';
import { Programme } from '../src/modules/programmes/programme.js';
import { createBenchDatabase, DEFAULT_DATABASE_URL, reachableOrExit } from './bench-database.js';
import { countSetting } from './bench-setting.js';

const [peopleArg, lunchArg, reverseArg] = process.argv.slice(2);
const setting = (name: string, arg: string | undefined, fallback: number) => {
  if (arg !== undefined) process.env[name] = arg;
  return countSetting(name, fallback);
};
const PEOPLE = setting('BENCH_IMPORT_PEOPLE', peopleArg, 5_000);
const LUNCH = Math.min(setting('BENCH_IMPORT_LUNCH', lunchArg, 1_000), PEOPLE);
const REVERSE = Math.min(setting('BENCH_IMPORT_REVERSE', reverseArg, 1_000), PEOPLE - LUNCH);
const ISSUER = 'https://idp.agency.example';
const DEPARTMENTS = ['Bürgerservice', 'IT', 'Personal', 'Haushalt', 'Bauamt', 'Ordnungsamt'];
const MAIN = fileURLToPath(new URL('../src/main.ts', import.meta.url));
const PEAK_RSS = fileURLToPath(new URL('./peak-rss.ts', import.meta.url));

const adminUrl = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
const log = pino({ name: 'bench', level: process.env.LOG_LEVEL ?? 'warn' });
await reachableOrExit('imports', adminUrl);
console.log(
  `Imports benchmark: ${PEOPLE.toLocaleString('en')} people, ${LUNCH.toLocaleString('en')} enrolled in a lunch round, ` +
    `${REVERSE.toLocaleString('en')} in reverse mentoring, Node ${process.version}.`,
);
const dir = await mkdtemp(join(tmpdir(), 'tandem-imports-'));
const database = await createBenchDatabase(adminUrl, log);
const env = {
  DATABASE_URL: database.url,
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  MANAGEMENT_PORT: 'off',
  OIDC_ISSUER: ISSUER,
  OIDC_CLIENT_ID: 'tandem',
  OIDC_CLIENT_SECRET: 'secret',
};
try {
  const peopleCsv = await csv('people.csv', 'subject,name,email,department,title', PEOPLE, (i) =>
    [
      `p${i}`,
      `Person ${i}`,
      `p${i}@agency.example`,
      DEPARTMENTS[i % DEPARTMENTS.length],
      i % 10 ? 'Sachbearbeitung' : 'Leitung',
    ].join(','),
  );
  // What every run costs before its first row: loading the code, checking the migrations.
  const emptyCsv = await csv('empty.csv', 'subject,name', 0, () => '');
  await stage('start-up alone (a file without rows)', 0, ['import', 'people', emptyCsv]);
  await stage('import people', PEOPLE, ['import', 'people', peopleCsv]);
  await stage('import people again (unchanged)', PEOPLE, ['import', 'people', peopleCsv]);
  const { lunch, reverse } = await programmes();
  const lunchCsv = await csv('lunch.csv', 'email', LUNCH, (i) => `p${i}@agency.example`);
  await stage('enrol in the lunch round', LUNCH, ['import', 'enrolments', lunch, lunchCsv]);
  await stage('enrol in the lunch round again (unchanged)', LUNCH, [
    'import',
    'enrolments',
    lunch,
    lunchCsv,
  ]);
  const reverseCsv = await csv(
    'reverse.csv',
    'email,role,languages',
    REVERSE,
    (i) => `p${LUNCH + i}@agency.example,${i % 2 ? 'mentee' : 'mentor'},"de, en"`,
  );
  await stage('enrol in reverse mentoring', REVERSE, ['import', 'enrolments', reverse, reverseCsv]);
} finally {
  await database.drop();
  await rm(dir, { recursive: true, force: true });
}

async function csv(
  name: string,
  header: string,
  count: number,
  line: (i: number) => string,
): Promise<string> {
  const lines = [header];
  for (let i = 0; i < count; i++) lines.push(line(i));
  const path = join(dir, name);
  await writeFile(path, `${lines.join('\n')}\n`);
  return path;
}

/** A lunch round and a reverse-mentoring programme open for enrolment, as an admin makes them. */
async function programmes(): Promise<{ lunch: string; reverse: string }> {
  const orm = await openOrm(database.url);
  try {
    const em = orm.em.fork();
    const lunch = em.create(Programme, {
      name: 'Mystery Lunch',
      kind: 'peer-lunch',
      state: 'enrolment',
      curriculum: 'lunch-rounds',
      matchingStrategy: 'lunch',
      settings: {},
    });
    const reverse = em.create(Programme, {
      name: 'Digital im Dienst',
      kind: 'reverse-mentoring',
      state: 'enrolment',
      curriculum: 'qa-quickstart',
      matchingStrategy: 'weighted',
      settings: { languages: ['de', 'en'] },
    });
    await em.flush();
    return { lunch: lunch.id, reverse: reverse.id };
  } finally {
    await orm.close();
  }
}

/** Runs the real CLI in a child process and prints its wall time, rate and peak memory. */
async function stage(name: string, rows: number, args: string[]): Promise<void> {
  const rssFile = join(dir, `peak-rss-${Date.now()}.jsonl`);
  const started = performance.now();
  const output = await tandem(args, rssFile);
  const ms = performance.now() - started;
  const [peak] = (await readFile(rssFile, 'utf8')).trim().split('\n');
  const peakMiB = Math.round((JSON.parse(peak ?? '{}').maxRssKiB ?? 0) / 1024);
  const summary = output.split('\n').find((line) => / created, /.test(line)) ?? '';
  const rate = rows ? `${Math.round((rows * 1000) / ms).toLocaleString('en')} rows/s, ` : '';
  console.log(
    `  ${name}: ${(ms / 1000).toFixed(1)} s, ${rate}peak ${peakMiB} MiB — ${summary.trim()}`,
  );
}

/** The CLI's stdout; fails with its output when it does not exit 0. */
function tandem(args: string[], rssFile: string): Promise<string> {
  const child = spawn(
    process.execPath,
    [...process.execArgv, '--import', PEAK_RSS, MAIN, ...args],
    {
      env: { ...process.env, ...env, BENCH_PEAK_RSS_FILE: rssFile },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) =>
      code === 0
        ? resolve(stdout)
        : reject(new Error(`tandem ${args.join(' ')} exited ${code}:\n${stdout}${stderr}`)),
    );
  });
}
