/**
 * `pnpm bench meetings`: GET /api/meetings, the participant's meeting list (home and tandem
 * pages ask for it on every visit), through app.inject for a person with 24 meetings (12 in a
 * mentoring pair, 12 in a lunch group of three) in a database of many published pairs with 12
 * meetings each. Beside it, the ceiling: the same rows by one hand-written statement on a bare
 * pg client. Prints median and p95; asserts nothing.
 *
 *   BENCH_PAIRS=1000        pairs besides the measured person's (default 1,000)
 *   BENCH_CALLS=500         calls measured after 50 of warm-up (default 500)
 *   DATABASE_URL            the PostgreSQL to create the benchmark's database on
 */
import pg from 'pg';
import { pino } from 'pino';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import type { Log } from '../src/logger.js';
import { Enrolment } from '../src/modules/enrolment/enrolment.js';
import { Match } from '../src/modules/matching/match.js';
import { MatchMember } from '../src/modules/matching/match-member.js';
import { Meeting } from '../src/modules/meetings/meeting.js';
import { Programme } from '../src/modules/programmes/programme.js';
import { proposedPairs } from '../test/helpers/proposed-pairs.js';
import { sessionFor } from '../test/helpers/sessions.js';
import { createBenchDatabase, DEFAULT_DATABASE_URL, reachableOrExit } from './bench-database.js';
import { countSetting } from './bench-setting.js';

const pairs = countSetting('BENCH_PAIRS', 1000);
const calls = countSetting('BENCH_CALLS', 500);
const WARM_UP = 50;
const MEETINGS_PER_PAIR = 12;
const WEEK_MS = 7 * 86_400_000;
const adminUrl = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
const log: Log = pino({ name: 'bench', level: 'warn' });

/** The person's meetings with every other member, as the route lists them. */
const CEILING_SQL = `SELECT mt.id, mt.match_id, mt.title, mt.starts_at, mt.ends_at, mt.location,
    mt.link, mt.state, mt.calendar_sequence, mt.responses,
    (SELECT json_agg(u.name ORDER BY mm.id) FROM match_member mm
      JOIN enrolment e ON e.id = mm.enrolment_id JOIN app_user u ON u.id = e.user_id
      WHERE mm.match_id = mt.match_id AND u.id <> $1) AS partners
  FROM meeting mt JOIN match m ON m.id = mt.match_id
  WHERE m.state = 'published' AND m.id IN (
    SELECT mine.match_id FROM match_member mine JOIN enrolment my ON my.id = mine.enrolment_id
    WHERE my.user_id = $1)
  ORDER BY mt.starts_at, mt.id LIMIT 200`;

await reachableOrExit('meetings', adminUrl);
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
    const userId = await seed(app);
    const { cookies } = await sessionFor(app, userId);
    const listed = await app.inject({ url: '/api/meetings', cookies });
    if (listed.statusCode !== 200) throw new Error(`GET /api/meetings: ${listed.statusCode}`);
    console.log(
      `Meeting list benchmark: ${pairs.toLocaleString('en')} pairs of ${MEETINGS_PER_PAIR} meetings, ` +
        `the person has ${listed.json().length}; ${calls} calls after ${WARM_UP} of warm-up, Node ${process.version}.`,
    );
    report(
      'GET /api/meetings (app.inject)',
      await timed(() => app.inject({ url: '/api/meetings', cookies })),
    );
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const query = { name: 'bench_meetings', text: CEILING_SQL, values: [userId] };
      report('one prepared statement (bare pg)', await timed(() => client.query(query)));
    } finally {
      await client.end();
    }
  } finally {
    await app.close();
  }
}

/**
 * `pairs` published pairs with their meetings, and the measured person: the first pair's mentor,
 * also in a published lunch group of three in a second programme. Returns the person's id.
 */
async function seed(app: Awaited<ReturnType<typeof buildApp>>): Promise<string> {
  const { people } = await proposedPairs(app, pairs);
  const em = app.orm.em.fork();
  await em.nativeUpdate(Match, {}, { state: 'published', publishedAt: new Date() });
  const lunch = em.create(Programme, {
    name: 'Mittagessen',
    kind: 'peer-lunch',
    state: 'running',
    curriculum: 'lunch-rounds',
    matchingStrategy: 'lunch',
    settings: {},
  });
  const group = em.create(Match, { programme: lunch, state: 'published', publishedAt: new Date() });
  for (const person of people.slice(0, 3)) {
    const enrolment = em.create(Enrolment, {
      programme: lunch,
      user: person.user.id,
      role: 'either',
    });
    em.create(MatchMember, { match: group, enrolment, role: 'peer' });
  }
  const matches = [...new Set(people.map((person) => person.match)), group];
  const start = Date.now() + WEEK_MS;
  for (const [index, match] of matches.entries())
    for (let n = 0; n < MEETINGS_PER_PAIR; n++) {
      const startsAt = new Date(start + n * 2 * WEEK_MS + index * 60_000);
      em.create(Meeting, {
        match,
        title: `Session ${n + 1}`,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 45 * 60_000),
      });
    }
  await em.flush();
  await em.execute('ANALYZE');
  const mentor = people[0];
  if (!mentor) throw new Error('no pairs');
  return mentor.user.id;
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
  console.log(`  ${label}: median ${at(0.5).toFixed(2)} ms, p95 ${at(0.95).toFixed(2)} ms`);
}
