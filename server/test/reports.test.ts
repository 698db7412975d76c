import fc from 'fast-check';
import t from 'tap';
import { loadConfig } from '../src/config.js';
import { AuditEvent } from '../src/modules/audit/audit-event.js';
import { readProgrammeReport } from '../src/modules/reports/programme-report.js';
import { exportReportDataset } from '../src/modules/reports/report-export.js';
import type { ProgrammeReport, ReportDataset } from '../src/modules/reports/report-schemas.js';
import { User } from '../src/modules/users/user.js';
import { buildTestApp } from './helpers/build-test-app.js';
import {
  type Cohort,
  type CohortPair,
  type CohortPerson,
  createCohort,
} from './helpers/report-cohort.js';
import { signedInAs } from './helpers/sessions.js';

const NO_LANGUAGE = 'No partner with a shared language.';
const FEW_MENTORS = 'Too few mentors.';

/** 35 active people, 12 pairs and one dissolved, meetings from January to April 2027. */
function agency(): Cohort {
  const department = (i: number) =>
    i < 15 ? 'IT' : i < 27 ? 'Bürgerservice' : i < 32 ? 'Haushalt' : 'Personal';
  const experience = (i: number) => (i < 10 ? 3 : i < 20 ? 8 : i < 30 ? 25 : i < 34 ? 40 : null);
  const people: CohortPerson[] = Array.from({ length: 35 }, (_, i) => ({
    department: department(i),
    role: i >= 24 ? 'either' : i % 2 ? 'mentee' : 'mentor',
    experienceYears: experience(i),
    state: 'active',
    ...(i >= 25 ? { leftOutBecause: i < 30 ? NO_LANGUAGE : FEW_MENTORS } : {}),
    // Those left out for want of mentors were told so by a strategy that gives codes.
    ...(i >= 30 ? { leftOutCode: 'unmatched.nobody-else' } : {}),
  }));
  people.push({ department: 'Personal', role: 'mentor', experienceYears: 40, state: 'withdrawn' });
  const held = (months: number[]) => months.map((month) => ({ month, state: 'held' as const }));
  const ratings: Record<number, CohortPair['feedback']> = {
    0: [4, 4].map((rating, i) => ({ member: i, month: 1, rating })),
    1: [5, 5].map((rating, i) => ({ member: 2 + i, month: 1, rating })),
    2: [3, 3].map((rating, i) => ({ member: 4 + i, month: 1, rating })),
    3: [1, 2].map((rating, i) => ({ member: 6 + i, month: 2, rating })),
    4: [8, 9].map((member) => ({ member, month: 3, rating: 5 })),
    5: [10, 11].map((member) => ({ member, month: 3, rating: 5 })),
    6: [{ member: 12, month: 3, rating: 5 }],
  };
  const pairs: CohortPair[] = Array.from({ length: 12 }, (_, k) => ({
    members: [2 * k, 2 * k + 1],
    state: 'published',
    meetings: [
      ...(k < 6
        ? held([1, 2, 3])
        : k < 11
          ? held([1, 2])
          : [{ month: 1, state: 'planned' as const }]),
      { month: 4, state: 'planned' },
    ],
    feedback: ratings[k] ?? [],
  }));
  pairs.push({
    members: [0, 24],
    state: 'dissolved',
    meetings: [...held([1]), { month: 2, state: 'cancelled' }],
    feedback: [],
  });
  return { people, pairs };
}

/** A dataset's rows as `key: cell | cell`, withheld cells as `<small>` or `<withheld>`. */
function figures(dataset: ReportDataset | undefined): string[] {
  if (!dataset) return [];
  const cell = (c: { value: number | null; suppressed: string | null }) =>
    c.suppressed === 'small-group' ? '<small>' : c.suppressed ? '<withheld>' : String(c.value);
  return [...dataset.rows, ...(dataset.total ? [{ ...dataset.total, key: 'total' }] : [])].map(
    (row) => `${row.key}: ${row.cells.map(cell).join(' | ')}`,
  );
}

t.test('the report counts, averages and withholds small groups', async (t) => {
  const app = await buildTestApp(t);
  const hr = await signedInAs(app, { subject: 'hr', name: 'HR', roles: ['admin'] });
  const programmeId = await createCohort(app, agency());
  const response = await app.inject({
    url: `/api/admin/programmes/${programmeId}/report`,
    cookies: hr.cookies,
  });
  t.equal(response.statusCode, 200);
  const report = response.json<ProgrammeReport>();
  t.equal(report.minGroupSize, 5);
  const of = (id: string) => figures(report.datasets.find((dataset) => dataset.id === id));
  t.strictSame(of('participation'), ['matched: 24', 'unmatched: 11', 'total: 35']);
  t.strictSame(of('unmatched-reasons'), [
    'after-dissolving: <small>',
    `${NO_LANGUAGE}: <withheld>`,
    'unmatched.nobody-else: 5',
    'total: 11',
  ]);
  t.strictSame(
    of('sessions'),
    ['2027-01: 13 | <withheld>', '2027-02: 11 | 11', '2027-03: 6 | 6', '2027-04: 12 | 0'],
    'January: one pair did not hold its meeting, so held is withheld',
  );
  t.strictSame(of('feedback'), [
    '2027-01: 4',
    '2027-02: <small>',
    '2027-03: <withheld>',
    'total: 4',
  ]);
  t.strictSame(of('rematches'), ['continued: <withheld>', 'dissolved: <small>', 'total: 13']);
  t.strictSame(of('retention'), ['0: <small>', '1: <small>', '2: <withheld>', '3: 6', 'total: 13']);
  t.strictSame(of('departments'), [
    'Bürgerservice: 12',
    'Haushalt: <withheld>',
    'IT: 15',
    'Personal: <small>',
    'total: 35',
  ]);
  t.strictSame(of('generations'), [
    '0-5: 10',
    '6-10: 10',
    '21-30: 10',
    '31+: <small>',
    'unknown: <small>',
    'total: 35',
  ]);
  t.strictSame(of('roles'), ['mentor: 12', 'mentee: 12', 'either: 11', 'total: 35']);
  t.notMatch(response.body, /Person \d/, 'names nobody');
});

t.test('each dataset downloads as CSV with words for withheld groups, audited', async (t) => {
  const app = await buildTestApp(t);
  const hr = await signedInAs(app, { subject: 'hr', name: 'HR', roles: ['admin'] });
  const programmeId = await createCohort(app, agency());
  const response = await app.inject({
    url: `/api/admin/programmes/${programmeId}/report/departments.csv`,
    cookies: hr.cookies,
  });
  t.equal(response.statusCode, 200);
  t.match(response.headers['content-type'], /^text\/csv/);
  t.match(response.headers['content-disposition'], /^attachment; filename="report-departments-/);
  t.equal(
    response.body,
    '\uFEFFAbteilung;Personen\r\nBürgerservice;12\r\nHaushalt;zurückgehalten (schützt eine kleine Gruppe)\r\nIT;15\r\nPersonal;weniger als 5\r\nGesamt;35\r\n',
    'German Excel: `;` between cells, counts as numbers',
  );
  const reasons = await app.inject({
    url: `/api/admin/programmes/${programmeId}/report/unmatched-reasons.csv`,
    cookies: hr.cookies,
  });
  t.match(
    reasons.body,
    /\r\nniemand auf der anderen Seite angemeldet;5\r\n/,
    'a reason given as a code is worded in the admin’s language',
  );
  const audit = await app.orm.em
    .fork()
    .find(AuditEvent, { action: 'programme.report-exported' }, { orderBy: { id: 'asc' } });
  t.equal(audit.length, 2);
  t.match(audit[0]?.data, { dataset: 'departments', minGroupSize: 5, withheld: 2 });
  const unknown = await app.inject({
    url: `/api/admin/programmes/${programmeId}/report/names.csv`,
    cookies: hr.cookies,
  });
  t.equal(unknown.statusCode, 400);
  t.match(unknown.json().message, /must be one of participation/);
});

t.test('only admins read reports, of programmes that exist', async (t) => {
  const app = await buildTestApp(t);
  const hr = await signedInAs(app, { subject: 'hr', name: 'HR', roles: ['admin'] });
  const someone = await signedInAs(app, { subject: 'p', name: 'P' });
  const programmeId = await createCohort(app, agency());
  for (const url of [
    `/api/admin/programmes/${programmeId}/report`,
    `/api/admin/programmes/${programmeId}/report/roles.csv`,
  ])
    t.equal((await app.inject({ url, cookies: someone.cookies })).statusCode, 403, url);
  const missing = await app.inject({
    url: '/api/admin/programmes/00000000-0000-4000-8000-000000000000/report',
    cookies: hr.cookies,
  });
  t.equal(missing.statusCode, 404);
});

t.test('REPORT_MIN_GROUP_SIZE is at least 2', async (t) => {
  t.throws(() => loadConfig({ REPORT_MIN_GROUP_SIZE: '1' }), {
    message: /REPORT_MIN_GROUP_SIZE must be/,
  });
  t.equal(loadConfig({ REPORT_MIN_GROUP_SIZE: '7' }).reportMinGroupSize, 7);
  t.equal(loadConfig({}).reportMinGroupSize, 5);
});

const COUNTS = new Set(['people', 'pairs', 'planned', 'held']);

/** Random cohorts of up to 24 people in four departments, paired at random. */
const cohorts = fc
  .array(
    fc.record({
      department: fc.constantFrom('IT', 'Recht', 'Bau', 'Haushalt', null),
      role: fc.constantFrom('mentor', 'mentee', 'either'),
      experienceYears: fc.option(fc.integer({ min: 0, max: 45 })),
      state: fc.constantFrom('active', 'active', 'active', 'withdrawn'),
      paired: fc.constantFrom('published', 'published', 'ended', 'dissolved', 'proposed', null),
      leftOutBecause: fc.option(fc.constantFrom(NO_LANGUAGE, FEW_MENTORS), { nil: undefined }),
      meetings: fc.array(
        fc.record({
          month: fc.integer({ min: 1, max: 4 }),
          state: fc.constantFrom('planned', 'held', 'held', 'cancelled'),
        }),
        { maxLength: 4 },
      ),
      rating: fc.option(
        fc.record({
          month: fc.integer({ min: 1, max: 4 }),
          rating: fc.integer({ min: 1, max: 5 }),
        }),
      ),
    }),
    { maxLength: 24 },
  )
  .map((drawn): Cohort => {
    const people = drawn.map(({ department, role, experienceYears, state, leftOutBecause }) => ({
      department,
      role,
      experienceYears,
      state,
      ...(leftOutBecause ? { leftOutBecause } : {}),
    })) as CohortPerson[];
    // Neighbours drawn into the same kind of match become a pair; the first one's meetings count.
    const pairs: CohortPair[] = [];
    for (let i = 0; i + 1 < drawn.length; i += 2) {
      const [a, b] = [drawn[i], drawn[i + 1]];
      if (!a?.paired || !b) continue;
      pairs.push({
        members: [i, i + 1],
        state: a.paired,
        meetings: a.meetings,
        feedback: [a, b].flatMap((person, k) =>
          person.rating ? [{ member: i + k, ...person.rating }] : [],
        ),
      });
    }
    return { people, pairs };
  });

/** What the report lets anyone work out, checked against the threshold. */
function disclosures(report: ProgrammeReport, min: number): string[] {
  const problems: string[] = [];
  const small = (value: number | null) => value !== null && value > 0 && value < min;
  for (const dataset of report.datasets) {
    const countCells = dataset.measures.map((measure) => COUNTS.has(measure));
    for (const row of [...dataset.rows, ...(dataset.total ? [dataset.total] : [])])
      row.cells.forEach((cell, i) => {
        if (countCells[i] && small(cell.value))
          problems.push(`${dataset.id}/${row.key} shows ${cell.value}`);
      });
    if (dataset.id === 'sessions')
      for (const [planned, held] of dataset.rows.map((row) => row.cells.map((c) => c.value)))
        if (planned != null && held != null && small(planned - held))
          problems.push(`sessions: planned − held = ${planned - held}`);
    const total = dataset.total?.cells[0]?.value;
    if (dataset.kind !== 'partition' || total == null || !countCells[0]) continue;
    const withheld = dataset.rows.filter((row) => row.cells[0]?.suppressed);
    const shownSum = dataset.rows.reduce((sum, row) => sum + (row.cells[0]?.value ?? 0), 0);
    if (withheld.length === 1) problems.push(`${dataset.id}: one withheld row beside its total`);
    if (small(total - shownSum))
      problems.push(`${dataset.id}: total − shown = ${total - shownSum}`);
  }
  const unmatched = report.datasets
    .find((d) => d.id === 'participation')
    ?.rows.find((r) => r.key === 'unmatched');
  const reasons = report.datasets.find((d) => d.id === 'unmatched-reasons');
  if (unmatched?.cells[0]?.suppressed && reasons?.rows.some((row) => !row.cells[0]?.suppressed))
    problems.push('reasons add up to the withheld unmatched count');
  return problems;
}

t.test('no report or CSV reveals a group under the threshold (property)', async (t) => {
  const app = await buildTestApp(t);
  const em = app.orm.em.fork();
  const admin = em.create(User, {
    issuer: 'https://idp.test',
    subject: 'hr',
    name: 'HR',
    locale: 'en',
  });
  await em.flush();
  let checked = 0;
  await fc.assert(
    fc.asyncProperty(cohorts, fc.integer({ min: 2, max: 7 }), async (cohort, min) => {
      const programmeId = await createCohort(app, cohort);
      const report = await readProgrammeReport(app.orm.em, programmeId, min);
      const problems = disclosures(report, min);
      for (const dataset of report.datasets) {
        const { csv } = await exportReportDataset(app.orm.em, admin, programmeId, dataset.id, min);
        const lines = csv.slice(1).trimEnd().split('\r\n').slice(1);
        const rows = [...dataset.rows, ...(dataset.total ? [dataset.total] : [])];
        lines.forEach((line, i) => {
          const cells = line.split(',').slice(-(rows[i]?.cells.length ?? 0));
          rows[i]?.cells.forEach((cell, k) => {
            const expected = cell.suppressed
              ? /^(fewer than \d|withheld)/
              : new RegExp(`^${cell.value}$`);
            if (!expected.test(cells[k] ?? ''))
              problems.push(`${dataset.id}.csv line ${i}: ${line}`);
          });
        });
      }
      checked++;
      if (problems.length) throw new Error(problems.join('; '));
    }),
    { numRuns: 50, seed: 20270115 },
  );
  t.equal(checked, 50, 'fifty random cohorts checked');
});
