/**
 * `pnpm bench review`: the admin's matching review (GET /api/admin/programmes/:id/review)
 * through app.inject at the size of issue 21: a lunch round of groups of three with some people
 * left unmatched, and a mentoring programme of pairs, seeded straight into the database in a
 * few statements (every person reports to a participant, so the reporting-line rule has work).
 * Times the first page, a page in the middle, and the largest page the route allows; then the
 * first page of each list the page shows on its own (the open pairs through the review, the
 * published and the dissolved ones through …/review/matches) and the swap dialog's search by
 * name; prints median and p95, asserts nothing. A quarter of the groups are published and one in
 * twenty dissolved (their people unmatched again), as in a programme running for a while.
 *
 *   BENCH_GROUPS=3400       lunch groups of three (default 3,400: 10,200 people)
 *   BENCH_UNMATCHED=100     lunch participants in no group (default 100)
 *   BENCH_PAIRS=2000        mentoring pairs (default 2,000)
 *   BENCH_CALLS=30          calls measured per case after 3 of warm-up (default 30)
 *   DATABASE_URL            the PostgreSQL to create the benchmark's database on
 */
import pg from 'pg';
import { pino } from 'pino';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import type { Log } from '../src/logger.js';
import { signedInAs } from '../test/helpers/sessions.js';
import { createBenchDatabase, DEFAULT_DATABASE_URL, reachableOrExit } from './bench-database.js';
import { countSetting } from './bench-setting.js';

const groups = countSetting('BENCH_GROUPS', 3400);
const unmatched = countSetting('BENCH_UNMATCHED', 100);
const pairs = countSetting('BENCH_PAIRS', 2000);
const calls = countSetting('BENCH_CALLS', 30);
const WARM_UP = 3;
const PAGE = 50;
const LARGEST_PAGE = 200;
const adminUrl = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
const log: Log = pino({ name: 'bench', level: 'warn' });

await reachableOrExit('review', adminUrl);
const database = await createBenchDatabase(adminUrl, log);
try {
  await measure(database.url);
} finally {
  await database.drop();
}

async function measure(url: string): Promise<void> {
  const config = loadConfig({
    LOG_LEVEL: 'warn',
    WORKER_IN_PROCESS: 'false',
    MANAGEMENT_PORT: 'off',
  });
  const app = await buildApp({ ...config, databaseUrl: url, demo: false });
  try {
    await app.ready();
    const started = performance.now();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    let lunch: string;
    let mentoring: string;
    try {
      lunch = await seed(client, 'lunch', { kind: 'peer-lunch', groups, size: 3, unmatched });
      mentoring = await seed(client, 'mentoring', {
        kind: 'reverse-mentoring',
        groups: pairs,
        size: 2,
        unmatched: 0,
      });
      await client.query('ANALYZE');
    } finally {
      await client.end();
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const { cookies } = await signedInAs(app, { subject: 'hr', name: 'HR', roles: ['admin'] });
    console.log(
      `Matching review benchmark: lunch ${groups.toLocaleString('en')} groups of 3 and ${unmatched} unmatched, ` +
        `mentoring ${pairs.toLocaleString('en')} pairs (seeded in ${seconds} s); ${calls} calls per case after ${WARM_UP} of warm-up, Node ${process.version}.`,
    );
    for (const [label, id, count] of [
      ['lunch', lunch, groups],
      ['mentoring', mentoring, pairs],
    ] as const) {
      const middle = Math.floor(count / 2 / PAGE) * PAGE;
      for (const [page, path] of [
        ['first page', `review?limit=${PAGE}`],
        [`page at ${middle}`, `review?offset=${middle}&limit=${PAGE}&unmatchedOffset=${PAGE}`],
        [`${LARGEST_PAGE} a page`, `review?limit=${LARGEST_PAGE}&unmatchedLimit=${LARGEST_PAGE}`],
        ['open pairs, first page', `review?state=open&limit=${PAGE}`],
        ['published alone, first page', `review/matches?state=published&limit=${PAGE}`],
        ['dissolved alone, first page', `review/matches?state=dissolved&limit=${PAGE}`],
        ['swap search "Person 12"', `review/matches?state=proposed&name=Person%2012&limit=21`],
      ] as const) {
        const call = () => app.inject({ url: `/api/admin/programmes/${id}/${path}`, cookies });
        const answer = await call();
        if (answer.statusCode !== 200) throw new Error(`review: ${answer.statusCode}`);
        const size = (answer.rawPayload.length / 1024).toFixed(0);
        const { matches } = answer.json() as { matches: unknown[] };
        report(`${label}, ${page} (${matches.length} matches, ${size} KiB)`, await timed(call));
      }
    }
  } finally {
    await app.close();
  }
}

interface Shape {
  kind: 'peer-lunch' | 'reverse-mentoring';
  groups: number;
  size: number;
  unmatched: number;
}

/**
 * A programme in matching with `groups` groups of `size` (scores spread over 0–100, one in 50
 * unscored; one in four published, one in twenty dissolved, the others proposed) and
 * `unmatched` active people in none; each person's manager is the
 * first of their ten, a participant too. Returns the programme's id.
 */
async function seed(client: pg.Client, prefix: string, shape: Shape): Promise<string> {
  const people = shape.groups * shape.size + shape.unmatched;
  const lunch = shape.kind === 'peer-lunch';
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO programme (id, name, kind, state, curriculum, matching_strategy, created_at, updated_at)
     VALUES (gen_random_uuid(), $1, $2, 'matching', $3, $4, now(), now()) RETURNING id`,
    [prefix, shape.kind, lunch ? 'lunch-rounds' : 'qa-quickstart', lunch ? 'lunch' : 'weighted'],
  );
  const programme = rows[0]?.id ?? '';
  await client.query('BEGIN');
  await client.query(
    `CREATE TEMP TABLE person ON COMMIT DROP AS
       SELECT n, gen_random_uuid() AS user_id, gen_random_uuid() AS enrolment_id
         FROM generate_series(0, $1::int - 1) n`,
    [people],
  );
  await client.query(
    `INSERT INTO app_user (id, issuer, subject, name, department, created_at, updated_at)
       SELECT user_id, 'https://idp.bench', $1 || '-' || n, 'Person ' || n, 'Department ' || (n % 40), now(), now()
         FROM person`,
    [prefix],
  );
  await client.query(
    `UPDATE app_user u SET manager_id = m.user_id
       FROM person p JOIN person m ON m.n = p.n - p.n % 10
      WHERE u.id = p.user_id AND p.n % 10 <> 0`,
  );
  await client.query(
    `INSERT INTO enrolment (id, programme_id, user_id, role, created_at, updated_at)
       SELECT enrolment_id, $1, user_id,
              CASE WHEN $2 THEN 'either' WHEN n % 2 = 0 THEN 'mentor' ELSE 'mentee' END,
              now() + n * interval '1 millisecond', now()
         FROM person`,
    [programme, lunch],
  );
  await client.query(
    `CREATE TEMP TABLE grp ON COMMIT DROP AS
       SELECT g, gen_random_uuid() AS id FROM generate_series(0, $1::int - 1) g`,
    [shape.groups],
  );
  const criteria = JSON.stringify([
    { name: 'departments', score: 80, weight: 2, why: 'From different departments.' },
    { name: 'availability', score: 60, weight: 1, why: 'Two common lunch times a week.' },
  ]);
  await client.query(
    `INSERT INTO match (id, programme_id, state, score, criteria, created_at)
       SELECT id, $1,
              CASE WHEN g % 4 = 1 THEN 'published' WHEN g % 20 = 3 THEN 'dissolved' ELSE 'proposed' END,
              CASE WHEN g % 50 = 0 THEN NULL ELSE (g * 7919 % 10000) / 100.0 END,
              $2::jsonb, now()
         FROM grp`,
    [programme, criteria],
  );
  await client.query(
    `INSERT INTO match_member (id, match_id, enrolment_id, role)
       SELECT gen_random_uuid(), grp.id, person.enrolment_id,
              CASE WHEN $2 THEN 'peer' WHEN person.n % 2 = 0 THEN 'mentor' ELSE 'mentee' END
         FROM person JOIN grp ON grp.g = person.n / $1::int
        WHERE person.n < $3::int`,
    [shape.size, lunch, shape.groups * shape.size],
  );
  await client.query('COMMIT');
  return programme;
}

async function timed(call: () => Promise<unknown>): Promise<number[]> {
  for (let n = 0; n < WARM_UP; n++) await call();
  const times: number[] = [];
  for (let n = 0; n < calls; n++) {
    const start = process.hrtime.bigint();
    await call();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return times.sort((a, b) => a - b);
}

function report(label: string, sorted: number[]): void {
  const at = (share: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? 0;
  console.log(`  ${label}: median ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms`);
}
