import t from 'tap';
import { openOrm } from '../src/db/orm.js';
import { DEMO_DEPARTMENTS, DEMO_PEOPLE } from '../src/demo/demo-people.js';
import { seedDemo } from '../src/demo/seed-demo.js';
import { Programme } from '../src/modules/programmes/programme.js';
import {
  curriculumDefaults,
  programmeSettings,
} from '../src/modules/programmes/programme-service.js';
import { buildTestApp } from './helpers/build-test-app.js';
import { createTestDatabase, sql } from './helpers/database.js';

t.test('any two demo people share at least two hours on some weekday', async (t) => {
  const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3));
  // Each working pattern once, whoever has it.
  const windows = [
    ...new Map(DEMO_PEOPLE.map((p) => [JSON.stringify(p.availability), p.availability])).values(),
  ];
  const short = windows.flatMap((a, i) =>
    windows.slice(i).flatMap((b) => {
      const shared = a.flatMap((x) =>
        b
          .filter((y) => y.weekday === x.weekday)
          .map(
            (y) =>
              Math.min(minutes(x.to), minutes(y.to)) - Math.max(minutes(x.from), minutes(y.from)),
          ),
      );
      return Math.max(0, ...shared) >= 120 ? [] : [`${JSON.stringify(a)} / ${JSON.stringify(b)}`];
    }),
  );
  t.same(short, [], 'no two working patterns with less in common');
});

t.test('the demo organisation is a living one, seeded once', async (t) => {
  const url = await createTestDatabase(t);
  const orm = await openOrm(url);
  t.teardown(() => orm.close());

  const [first, again] = await Promise.all([seedDemo(orm.em.fork()), seedDemo(orm.em.fork())]);
  t.same(
    [first, again].filter(Boolean),
    [{ people: 36, programmes: 3 }],
    'two concurrent starts seed once',
  );
  t.equal(await seedDemo(orm.em.fork()), undefined, 'a later start seeds nothing');

  const departments = await sql<{ department: string }>(
    url,
    `SELECT u.department
       FROM app_user u JOIN enrolment e ON e.user_id = u.id
       JOIN programme p ON p.id = e.programme_id AND p.kind = 'peer-lunch'
      GROUP BY u.department`,
  );
  t.equal(
    departments.length,
    DEMO_DEPARTMENTS.length,
    'mystery lunch has every department to cross',
  );

  const roles = await sql<{ role: string; count: string; min: number; max: number }>(
    url,
    `SELECT e.role, count(*), min(e.experience_years), max(e.experience_years)
       FROM enrolment e JOIN programme p ON p.id = e.programme_id
      WHERE p.kind = 'reverse-mentoring' GROUP BY e.role ORDER BY e.role`,
  );
  const mentees = roles.find((r) => r.role === 'mentee');
  const mentors = roles.find((r) => r.role === 'mentor');
  t.ok(mentors && mentees, 'reverse mentoring has both sides');
  t.ok(
    Number(mentors?.max) < Number(mentees?.min),
    'the digital mentors are the younger generation',
  );
  t.ok(
    Number(mentors?.count) >= 10 && Number(mentees?.count) >= 10,
    'enough people on both sides to pair',
  );

  const withoutGoals = await sql<{ name: string }>(
    url,
    `SELECT u.name FROM enrolment e JOIN app_user u ON u.id = e.user_id
      WHERE e.role = 'mentee' AND jsonb_array_length(e.profile->'goals') < 2`,
  );
  t.same(withoutGoals, [], 'every mentee brings goals, which become the pair’s when published');

  const emails = await sql<{ email: string }>(url, 'SELECT email FROM app_user');
  t.ok(
    emails.every(({ email }) => email.endsWith('@demo.tandem.example')),
    'demo addresses deliver nowhere',
  );
  const [audit] = await sql<{ count: string }>(
    url,
    "SELECT count(*) FROM audit_event WHERE action = 'demo.seeded'",
  );
  t.equal(Number(audit?.count), 1, 'the seeding is on the audit log');
});

t.test('a database with a real organisation gets no demo data', async (t) => {
  const url = await createTestDatabase(t);
  await sql(
    url,
    "INSERT INTO organisation (id, name, created_at) VALUES (1, 'Bezirksamt Mitte', now())",
  );
  const orm = await openOrm(url);
  t.teardown(() => orm.close());
  t.equal(await seedDemo(orm.em.fork()), undefined);
  t.same(await sql(url, 'SELECT 1 FROM app_user'), []);
});

t.test('the demo programmes run on their curricula’s figures, as the pages say', async (t) => {
  const app = await buildTestApp(t);
  await seedDemo(app.orm.em.fork(), (curriculum) => curriculumDefaults(app.plugins, curriculum));
  const programmes = await app.orm.em.fork().find(Programme, {});
  t.equal(programmes.length, 3);
  for (const programme of programmes) {
    const defaults = curriculumDefaults(app.plugins, programme.curriculum);
    if (!defaults) throw new Error(`no curriculum ${programme.curriculum}`);
    // What the lunch scheduler, the planner and the matching read: the stored settings alone.
    const { sessionCount, sessionMinutes, cadenceWeeks, durationWeeks } =
      programmeSettings(programme);
    t.same(
      { sessionCount, sessionMinutes, cadenceWeeks, durationWeeks },
      {
        sessionCount: defaults.sessionCount,
        sessionMinutes: defaults.sessionMinutes,
        cadenceWeeks: defaults.cadenceWeeks,
        durationWeeks: defaults.durationWeeks,
      },
      `${programme.name} (${programme.curriculum})`,
    );
  }
});
