/**
 * `pnpm bench plans`: the `create-pair-plan` job alone, as the agency benchmark's worker runs it
 * after publishing (goals from enrolment, the plan, the first meeting and its invitations), on
 * a database of its own: a lunch round of groups of two and a reverse-mentoring programme,
 * created through the programme service, their matches written directly and published. A
 * graphile-worker runner in this process with only that task runs every plan job; the
 * deliveries and timed jobs it queues stay queued. Prints the wall time, this process's CPU
 * per pair, the statements per pair on the ORM's connections (BEGIN and COMMIT too, not
 * graphile-worker's own) and the process's memory while the plans ran; asserts nothing.
 *
 *   BENCH_PLANS_GROUPS=1000      lunch groups of two (default 1,000)
 *   BENCH_PLANS_PAIRS=200        mentoring pairs (default 200)
 *   BENCH_PLANS_CONCURRENCY=10   the runner's concurrency (default 10, as the agency's worker)
 *   BENCH_PLANS_DUMP=file.jsonl  writes what was planned and sent, one line per match in the
 *                                order of its people, with ids, links and stamps left out: two
 *                                versions of the code must write the same file (at concurrency
 *                                1: people in two matches get the time their first plan left)
 *   DATABASE_URL                 the PostgreSQL to create the benchmark's database on
 *
 * The clock stands still at a Monday morning, so every run plans the same times. People vary
 * in language (every third English), availability (see windowsOf) and goals (every other
 * mentee has some), so that texts, slots and goals differ between pairs; every third mentor
 * is in a lunch group too (see writeMatches).
 */
import { writeFile } from 'node:fs/promises';
import pg from 'pg';
import { pino } from 'pino';
import { loadConfig } from '../src/config.js';
import { openOrm } from '../src/db/orm.js';
import { CREATE_PAIR_PLAN, createPairPlanTask } from '../src/jobs/create-pair-plan.js';
import { taskSettings } from '../src/jobs/task-dependencies.js';
import { startWorker } from '../src/jobs/worker.js';
import type { Log } from '../src/logger.js';
import { createMetrics } from '../src/metrics/metrics.js';
import { Enrolment } from '../src/modules/enrolment/enrolment.js';
import { Match } from '../src/modules/matching/match.js';
import { MatchMember } from '../src/modules/matching/match-member.js';
import { publishMatches } from '../src/modules/matching/match-publishing.js';
import { EMPTY_PROFILE } from '../src/modules/profiles/profile-schema.js';
import {
  createProgramme,
  transitionProgramme,
} from '../src/modules/programmes/programme-service.js';
import { User } from '../src/modules/users/user.js';
import { loadPlugins, type PluginRegistry } from '../src/plugin-host/plugin-registry.js';
import { version } from '../src/version.js';
import { AGENCY_LUNCH, AGENCY_REVERSE } from './agency-programmes.js';
import { createBenchDatabase, DEFAULT_DATABASE_URL, reachableOrExit } from './bench-database.js';
import { countSetting } from './bench-setting.js';
import { stopwatch } from './progress.js';

const GROUPS = countSetting('BENCH_PLANS_GROUPS', 1000);
const PAIRS = countSetting('BENCH_PLANS_PAIRS', 200);
const CONCURRENCY = countSetting('BENCH_PLANS_CONCURRENCY', 10);
const DUMP = process.env.BENCH_PLANS_DUMP;
/** A Monday, 08:00 in Berlin. */
const NOW = new Date('2026-03-02T07:00:00Z');
const ISSUER = 'https://idp.agency.example';
const POLL_MS = 100;
const WINDOWS = [
  [{ weekday: 2, from: '10:00', to: '12:00' }],
  [
    { weekday: 3, from: '13:00', to: '16:00' },
    { weekday: 4, from: '09:00', to: '11:00' },
  ],
  [{ weekday: 1, from: '08:00', to: '18:00' }],
];
/** What the dump masks: ids, video rooms, calendar stamps, and where calendar lines fold. */
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
const ROOM = /tandem-[0-9a-f]{12}/g;
const STAMP = /DTSTAMP:\d{8}T\d{6}Z/g;
/** A folded iCalendar line goes on after a line break and a space (RFC 5545, 3.1). */
const FOLD = /\r\n[ \t]/g;

const adminUrl = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
const log: Log = pino({ name: 'bench', level: process.env.LOG_LEVEL ?? 'warn' });

await reachableOrExit('plans', adminUrl);
console.log(
  `Pair plans benchmark: ${GROUPS.toLocaleString('en')} lunch groups of two, ${PAIRS.toLocaleString('en')} mentoring pairs, concurrency ${CONCURRENCY}, Node ${process.version}.`,
);
const database = await createBenchDatabase(adminUrl, log);
const orm = await openOrm(database.url);
let statements = 0;
orm.em.getKnex().on('query', () => {
  statements++;
});
try {
  await run();
} finally {
  await orm.close();
  await database.drop();
}

async function run(): Promise<void> {
  const config = loadConfig({
    DATABASE_URL: database.url,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    PUBLIC_URL: 'https://tandem.agency.example',
    HOLIDAY_REGION: 'DE-BY',
    MANAGEMENT_PORT: 'off',
    WORKER_IN_PROCESS: 'false',
    // The channel runs, so invitations get their email deliveries; nothing is sent.
    TANDEM_PLUGIN_EMAIL_HOST: '127.0.0.1',
    TANDEM_PLUGIN_EMAIL_PORT: '2525',
    TANDEM_PLUGIN_EMAIL_FROM: 'tandem@agency.example',
  });
  const plugins = await loadPlugins({
    ...config.plugins,
    serverVersion: version,
    env: config.pluginEnv,
    log,
  });
  await publishProgrammes(plugins);
  const deps = {
    settings: taskSettings(config),
    orm,
    plugins,
    log,
    metrics: createMetrics(),
    now: () => NOW,
  };
  const before = statements;
  const rssBefore = process.memoryUsage.rss();
  const elapsed = stopwatch();
  const runner = await startWorker({
    databaseUrl: database.url,
    concurrency: CONCURRENCY,
    log,
    deps,
    taskList: { [CREATE_PAIR_PLAN]: createPairPlanTask(deps) },
  });
  let peakRss = rssBefore;
  try {
    await untilPlanned(() => {
      peakRss = Math.max(peakRss, process.memoryUsage.rss());
    });
  } finally {
    await runner.stop();
  }
  const { ms, cpuMs } = elapsed();
  const matches = GROUPS + PAIRS;
  console.log(
    `  ${matches} plan jobs: ${(ms / 1000).toFixed(1)} s wall, ${(ms / matches).toFixed(1)} ms/pair wall, ` +
      `${(cpuMs / matches).toFixed(1)} ms/pair CPU in this process, ` +
      `${((statements - before) / matches).toFixed(1)} statements/pair`,
  );
  const mib = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MiB`;
  console.log(
    `  memory: ${mib(rssBefore)} before the plans, at most ${mib(peakRss)} while they ran (RSS, every ${POLL_MS} ms)`,
  );
  console.log(`  planned: ${await planned()}`);
  if (DUMP) await writeFile(DUMP, await dump());
}

/** Creates both programmes as an admin would, their matches, and publishes them. */
async function publishProgrammes(plugins: PluginRegistry): Promise<void> {
  const em = orm.em.fork();
  const admin = em.create(User, { issuer: ISSUER, subject: 'admin', name: 'Admin' });
  await em.flush();
  const deps = { em: orm.em, plugins };
  const lunch = await createProgramme(deps, admin.id, AGENCY_LUNCH);
  const reverse = await createProgramme(deps, admin.id, AGENCY_REVERSE);
  for (const programme of [lunch, reverse])
    for (const to of ['enrolment', 'matching'] as const)
      await transitionProgramme(deps, admin.id, programme.id, to);
  const lunchers = await writeMatches(lunch.id, 'g', GROUPS, false, []);
  await writeMatches(reverse.id, 'p', PAIRS, true, lunchers);
  for (const programme of [lunch, reverse])
    await publishMatches(orm.em, admin.id, programme.id, NOW);
}

/**
 * `count` proposed matches of two people each, named `<prefix><match>-<member>`: new people,
 * but the first member of every third match is the one of that match in `others` (when there
 * is one), so that their meetings in the other programme keep them busy. Returns the first
 * members.
 */
async function writeMatches(
  programmeId: string,
  prefix: string,
  count: number,
  mentoring: boolean,
  others: readonly User[],
): Promise<User[]> {
  const em = orm.em.fork();
  const firsts: User[] = [];
  for (let n = 0; n < count; n++) {
    const match = em.create(Match, { programme: programmeId, state: 'proposed' });
    for (const member of [0, 1]) {
      const i = 2 * n + member;
      const subject = `${prefix}${n}-${member}`;
      const shared = member === 0 && n % 3 === 0 ? others[n] : undefined;
      const user =
        shared ??
        em.create(User, {
          issuer: ISSUER,
          subject,
          name: `Person ${subject}`,
          email: `${subject}@agency.example`,
          locale: i % 3 === 0 ? 'en' : null,
        });
      if (member === 0) firsts.push(user);
      const side = member ? 'mentee' : 'mentor';
      const profile = {
        ...EMPTY_PROFILE,
        availability: windowsOf(n, member),
        goals: mentoring && member && n % 2 ? [`Ziel ${n}`, `Noch ein Ziel ${n}`] : [],
      };
      const role = mentoring ? side : 'either';
      const enrolment = em.create(Enrolment, { programme: programmeId, user, role, profile });
      em.create(MatchMember, { match, enrolment, role: mentoring ? side : 'peer' });
    }
  }
  await em.flush();
  return firsts;
}

/**
 * A pair's members share a pattern of windows, or one of them gives none (working hours); in
 * every tenth pair the second member's windows miss the first's, so it finds no common time.
 */
function windowsOf(n: number, member: number) {
  if ((2 * n + member) % 4 === 0) return [];
  const pattern = n % WINDOWS.length;
  return WINDOWS[n % 10 === 9 && member ? (pattern + 1) % WINDOWS.length : pattern];
}

/** Waits until no plan job is left, failed ones aside; calls `poll` at each look. */
async function untilPlanned(poll: () => void): Promise<void> {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    for (;;) {
      poll();
      const { rows } = await client.query<{ plans: string; failed: string }>(
        `SELECT count(*) FILTER (WHERE attempts < max_attempts AND last_error IS NULL) AS plans,
                count(*) FILTER (WHERE last_error IS NOT NULL) AS failed
           FROM graphile_worker.jobs WHERE task_identifier = $1`,
        [CREATE_PAIR_PLAN],
      );
      if (Number(rows[0]?.failed) > 0) throw new Error(`${rows[0]?.failed} plan jobs failed`);
      if (Number(rows[0]?.plans) === 0) return;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  } finally {
    await client.end();
  }
}

/** How many meetings, notifications, deliveries and queued jobs the plans left. */
async function planned(): Promise<string> {
  const [row] = await orm.em.getConnection().execute<{ [key: string]: string }[]>(
    `SELECT (SELECT count(*) FROM meeting) AS meetings,
            (SELECT count(*) FROM notification) AS notifications,
            (SELECT count(*) FROM delivery) AS deliveries,
            (SELECT count(*) FROM pair_session) AS sessions,
            (SELECT count(*) FROM pair_goal) AS goals,
            (SELECT count(*) FROM graphile_worker.jobs WHERE task_identifier <> '${CREATE_PAIR_PLAN}') AS jobs`,
  );
  return Object.entries(row ?? {})
    .map(([what, count]) => `${count} ${what}`)
    .join(', ');
}

/**
 * Every match's goals, plan, meetings, searches for a time, its people's notifications with
 * their deliveries, and its meetings' jobs as JSON, one line per
 * match in the order of its people's names; ids, video rooms and stamps masked (see masked).
 */
async function dump(): Promise<string> {
  const rows = await orm.em.getConnection().execute<{ line: unknown }[]>(
    `WITH m AS (
       SELECT m.id, string_agg(u.subject, ',' ORDER BY u.subject) AS label FROM match m
         JOIN match_member mm ON mm.match_id = m.id
         JOIN enrolment e ON e.id = mm.enrolment_id JOIN app_user u ON u.id = e.user_id
        GROUP BY m.id)
     SELECT json_build_object(
       'match', m.label,
       'goals', (SELECT json_agg(json_build_array(g.text, g.origin, g.position, gu.subject)
                   ORDER BY g.position) FROM pair_goal g JOIN app_user gu ON gu.id = g.created_by_id
                  WHERE g.match_id = m.id),
       'sessions', (SELECT json_agg(json_build_array(s.position, s.title, s.goal, s.agenda,
                      s.tutorials, s.homework, s.translations, s.duration_minutes, s.offset_weeks,
                      s.milestone, s.status) ORDER BY s.position)
                      FROM pair_session s WHERE s.match_id = m.id),
       'meetings', (SELECT json_agg(json_build_array(s.position, mt.title, mt.starts_at,
                      mt.ends_at, mt.state, mt.location, mt.link, mt.calendar_sequence,
                      mt.calendars_unread,
                      (SELECT json_agg(json_build_array(ru.subject, r.value) ORDER BY ru.subject)
                         FROM jsonb_each_text(mt.responses) r JOIN app_user ru ON ru.id::text = r.key))
                      ORDER BY mt.starts_at)
                      FROM meeting mt LEFT JOIN pair_session s ON s.id = mt.session_id
                     WHERE mt.match_id = m.id),
       'notifications', (SELECT json_agg(json_build_array(nu.subject, n.subject, n.sequence,
                      n.kind, n.locale, n.title, n.text, n.link, n.calendar,
                      (SELECT json_agg(json_build_array(d.channel, d.state) ORDER BY d.channel)
                         FROM delivery d WHERE d.notification_id = n.id))
                      ORDER BY nu.subject, n.kind, n.title, n.text)
                      FROM notification n JOIN app_user nu ON nu.id = n.recipient_id
                     WHERE n.recipient_id IN (SELECT e.user_id FROM match_member mm
                       JOIN enrolment e ON e.id = mm.enrolment_id WHERE mm.match_id = m.id)),
       'searches', (SELECT json_agg(json_build_array(s.position, r.state, r.opened_at,
                      r.closed_at, r.meeting_id IS NOT NULL) ORDER BY r.opened_at)
                      FROM scheduling_request r JOIN pair_session s ON s.id = r.session_id
                     WHERE r.match_id = m.id),
       'jobs', (SELECT json_agg(json_build_array(t.identifier, j.run_at, j.payload, j.key)
                   ORDER BY t.identifier)
                  FROM graphile_worker._private_jobs j
                  JOIN graphile_worker._private_tasks t ON t.id = j.task_id
                  JOIN meeting mt ON mt.match_id = m.id
                 WHERE j.key LIKE '%' || mt.id::text)
     ) AS line FROM m ORDER BY m.label`,
  );
  return rows.map((row) => `${JSON.stringify(masked(row.line))}\n`).join('');
}

/**
 * The value with every string's ids, video rooms and calendar stamps masked by text of the same
 * length. Masked with the calendar's lines unfolded, then folded where they were, so a mask
 * does not miss an id that a fold splits and the folds still count.
 */
function masked(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(masked);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, masked(v)]));
  if (typeof value !== 'string') return value;
  const folds = [...value.matchAll(FOLD)].map((fold) => fold.index);
  let text = value
    .replace(FOLD, '')
    .replace(UUID, 'UUUUUUUU-UUUU-UUUU-UUUU-UUUUUUUUUUUU')
    .replace(ROOM, 'tandem-RRRRRRRRRRRR')
    .replace(STAMP, 'DTSTAMP:YYYYMMDDTHHMMSSZ');
  for (const at of folds) text = `${text.slice(0, at)}\r\n ${text.slice(at)}`;
  return text;
}
