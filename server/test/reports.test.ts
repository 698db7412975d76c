import fc from 'fast-check';
import t from 'tap';
import { loadConfig } from '../src/config.js';
import { AuditEvent } from '../src/modules/audit/audit-event.js';
import { readProgrammeReport } from '../src/modules/reports/programme-report.js';
import { exportReportDataset } from '../src/modules/reports/report-export.js';
import type {
  FreeTextAnswers,
  ProgrammeReport,
  ReportDataset,
} from '../src/modules/reports/report-schemas.js';
import { suppressSmallGroups } from '../src/modules/reports/suppress-small-groups.js';
import {
  defaultSurveySettings,
  type SurveySettings,
} from '../src/modules/surveys/survey-settings.js';
import { User } from '../src/modules/users/user.js';
import { buildTestApp } from './helpers/build-test-app.js';
import {
  type Cohort,
  type CohortPair,
  type CohortPerson,
  type CohortResponse,
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
    [
      '2027-01: 13 | <withheld>',
      '2027-02: 11 | 11',
      '2027-03: 6 | 6',
      '2027-04: 12 | 0',
      'total: 42 | <withheld>',
    ],
    'January: one pair did not hold its meeting, so held is withheld, and with it held overall',
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

/** The agency with its surveys answered and its pairs' goals marked. */
function agencyWithImpact(settings: Partial<SurveySettings> = {}): Cohort {
  const cohort = agency();
  const baseline = Array.from({ length: 8 }, (_, i) => ({
    survey: 'baseline' as const,
    answers: {
      'digcomp.information': 2 + (i % 2),
      'digcomp.communication': 3,
      'digcomp.content': 3,
      ...(i < 3 ? { 'digcomp.safety': 2 } : {}),
      'digcomp.problem-solving': 2,
      'goal.0': 2,
    },
  }));
  const end = Array.from({ length: 12 }, (_, i) => ({
    survey: 'end' as const,
    answers: {
      'digcomp.information': 4,
      'digcomp.communication': i < 8 ? 4 : 3,
      ...(i < 4 ? { 'digcomp.content': 4 } : {}),
      'digcomp.safety': 4,
      // A changed question's answer of another type counts nowhere.
      'digcomp.problem-solving': i < 11 ? 3 : 'gut',
      'goal.0': 4,
      satisfaction: i < 6 ? 5 : 4,
      recommend: i < 7 ? 'yes' : 'maybe',
      ...(i < 6 ? { changed: `Ich traue mir Videokonferenzen zu (${i})` } : {}),
      ...(i < 5 ? { 'custom.wish': `Mehr Zeit (${i})` } : {}),
    },
  }));
  const midterm = Array.from({ length: 3 }, (_, i) => ({
    survey: 'midterm' as const,
    answers: { satisfaction: 3, 'midterm.improve': `Öfter treffen (${i})` },
  }));
  cohort.pairs.forEach((pair, k) => {
    // Six pairs reached one goal and have not started another; three are halfway with one
    // goal and nearly there with another; one removed its only goal.
    if (k < 6) pair.goals = [{ marks: [1, 4] }, { marks: [] }];
    else if (k < 9) pair.goals = [{ marks: [2] }, { marks: [1, 3] }];
    else if (k === 9) pair.goals = [{ marks: [4], removed: true }];
  });
  const surveys = defaultSurveySettings(12);
  return {
    ...cohort,
    responses: [...baseline, ...midterm, ...end],
    settings: {
      goals: ['Digitale Verwaltung verstehen'],
      // Whole, as the programme service stores them: the report reads them through it.
      surveys: {
        ...surveys,
        end: {
          ...surveys.end,
          questions: [{ id: 'custom.wish', kind: 'text', text: 'Was wünschen Sie sich?' }],
        },
        ...settings,
      },
    },
  };
}

t.test(
  'the impact figures: before and after, satisfaction, goals, each withheld alone',
  async (t) => {
    const app = await buildTestApp(t);
    const hr = await signedInAs(app, { subject: 'hr', name: 'HR', roles: ['admin'] });
    const programmeId = await createCohort(app, agencyWithImpact());
    const report = (
      await app.inject({ url: `/api/admin/programmes/${programmeId}/report`, cookies: hr.cookies })
    ).json<ProgrammeReport>();
    const of = (id: string) => figures(report.datasets.find((dataset) => dataset.id === id));
    t.strictSame(
      of('competence'),
      [
        'digcomp.information: 2.5 | 4 | 1.5',
        'digcomp.communication: 3 | 3.7 | 0.7',
        'digcomp.content: 3 | <small> | <small>',
        'digcomp.safety: <small> | 4 | <small>',
        'digcomp.problem-solving: 2 | 3 | 1',
      ],
      'each average rests on five responses or more; a change on both of its sides',
    );
    t.strictSame(of('programme-goals'), ['goal.0: 2 | 4 | 2']);
    t.equal(
      report.datasets.find((dataset) => dataset.id === 'programme-goals')?.rows[0]?.label,
      'Digitale Verwaltung verstehen',
    );
    const satisfaction = report.datasets.find((dataset) => dataset.id === 'satisfaction');
    t.strictSame(of('satisfaction'), ['1: 0', '2: 0', '3: 0', '4: 6', '5: 6', 'total: 12']);
    t.strictSame(satisfaction?.average, { value: 4.5, suppressed: null });
    t.strictSame(of('recommendation'), ['yes: 7', 'maybe: 5', 'no: 0', 'total: 12']);
    t.strictSame(
      of('goal-attainment'),
      [
        'not-started: <withheld>',
        'started: 0',
        'halfway: <small>',
        'nearly: <small>',
        'reached: 6',
        'total: 18',
      ],
      'three pairs stand behind halfway and nearly together, so not-started is withheld as well',
    );
    t.strictSame(of('rematches'), ['continued: <withheld>', 'dissolved: <small>', 'total: 13']);
  },
);

t.test('an average rating is withheld while a rating row is', async (t) => {
  const app = await buildTestApp(t);
  const hr = await signedInAs(app, { subject: 'hr', name: 'HR', roles: ['admin'] });
  const cohort = agency();
  cohort.responses = [5, 5, 5, 5, 5, 5, 4, 4, 4, 4, 4, 2].map((satisfaction) => ({
    survey: 'end',
    answers: { satisfaction },
  }));
  const programmeId = await createCohort(app, cohort);
  const report = (
    await app.inject({ url: `/api/admin/programmes/${programmeId}/report`, cookies: hr.cookies })
  ).json<ProgrammeReport>();
  const satisfaction = report.datasets.find((dataset) => dataset.id === 'satisfaction');
  t.strictSame(figures(satisfaction), [
    '1: 0',
    '2: <small>',
    '3: 0',
    '4: <withheld>',
    '5: 6',
    'total: 12',
  ]);
  t.strictSame(
    satisfaction?.average,
    { value: null, suppressed: 'complementary' },
    'with the shown rows, the average would tell how the withheld ones split',
  );
});

t.test('free-text answers only where the programme allows and enough answered', async (t) => {
  const app = await buildTestApp(t);
  const hr = await signedInAs(app, { subject: 'hr', name: 'HR', roles: ['admin'] });
  const read = async (programmeId: string) =>
    (
      await app.inject({
        url: `/api/admin/programmes/${programmeId}/free-text`,
        cookies: hr.cookies,
      })
    ).json<FreeTextAnswers>();
  const hidden = await read(await createCohort(app, agencyWithImpact()));
  t.equal(hidden.allowed, false);
  t.strictSame(
    hidden.questions.map((question) => [question.id, question.status, question.answers.length]),
    [
      ['midterm.improve', 'not-allowed', 0],
      ['changed', 'not-allowed', 0],
      ['custom.wish', 'not-allowed', 0],
    ],
    'settings without showFreeText: nothing, however many answered',
  );
  const shown = await read(await createCohort(app, agencyWithImpact({ showFreeText: true })));
  t.equal(shown.allowed, true);
  const byId = new Map(shown.questions.map((question) => [question.id, question]));
  t.strictSame(byId.get('midterm.improve'), {
    id: 'midterm.improve',
    survey: 'midterm',
    text: null,
    status: 'too-few',
    answers: [],
  });
  t.strictSame(
    [...(byId.get('changed')?.answers ?? [])].sort(),
    Array.from({ length: 6 }, (_, i) => `Ich traue mir Videokonferenzen zu (${i})`),
  );
  t.equal(byId.get('custom.wish')?.text, 'Was wünschen Sie sich?');
  t.equal(byId.get('custom.wish')?.answers.length, 5, 'exactly the threshold is enough');
  const audit = await app.orm.em.fork().find(AuditEvent, { action: 'programme.free-text-read' });
  t.equal(audit.length, 1, 'reading answers is audited; a refusal reads none');
  t.match(audit[0]?.data, { minGroupSize: 5, shown: ['changed', 'custom.wish'] });
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

const COUNTS = new Set(['people', 'pairs', 'planned', 'held', 'responses', 'goals']);

const scale = fc.integer({ min: 1, max: 5 });
/** Survey answers as the surveys store them, any question left out, now and then a stray type. */
const answers = fc.record(
  {
    'digcomp.information': scale,
    'digcomp.communication': fc.oneof(scale, fc.constant('viel')),
    'digcomp.content': scale,
    'digcomp.safety': scale,
    'digcomp.problem-solving': scale,
    'goal.0': scale,
    satisfaction: scale,
    recommend: fc.constantFrom('yes', 'maybe', 'no'),
  },
  { requiredKeys: [] },
);

/** Random survey responses: mostly baseline and end, where the figures come from. */
const responses = fc.array(
  fc.record({ survey: fc.constantFrom('baseline', 'end', 'end', 'midterm'), answers }),
  { maxLength: 30 },
);

/** Random cohorts of up to 24 people in four departments, paired at random, with pair goals. */
const people = fc
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
      goals: fc.array(
        fc.record({
          marks: fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 3 }),
          removed: fc.boolean(),
        }),
        { maxLength: 3 },
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
        goals: a.goals,
      });
    }
    return { people, pairs, settings: { goals: ['Verwaltung digital'] } };
  });

const cohorts = fc
  .tuple(people, responses)
  .map(([cohort, drawn]): Cohort => ({ ...cohort, responses: drawn as CohortResponse[] }));

/** What the report lets anyone work out, checked against the threshold and the cohort drawn. */
function disclosures(report: ProgrammeReport, min: number, cohort: Cohort): string[] {
  const problems: string[] = [
    ...averagesDisclosures(report, min, cohort),
    ...goalDisclosures(report, min, cohort),
  ];
  const small = (value: number | null) => value !== null && value > 0 && value < min;
  for (const dataset of report.datasets) {
    const countCells = dataset.measures.map((measure) => COUNTS.has(measure));
    for (const row of [...dataset.rows, ...(dataset.total ? [dataset.total] : [])])
      row.cells.forEach((cell, i) => {
        if (countCells[i] && small(cell.value))
          problems.push(`${dataset.id}/${row.key} shows ${cell.value}`);
      });
    if (dataset.id === 'sessions') {
      const rows = [...dataset.rows, ...(dataset.total ? [dataset.total] : [])];
      for (const [planned, held] of rows.map((row) => row.cells.map((c) => c.value)))
        if (planned != null && held != null && small(planned - held))
          problems.push(`sessions: planned − held = ${planned - held}`);
      dataset.total?.cells.forEach((cell, i) => {
        if (!cell.suppressed && dataset.rows.some((row) => row.cells[i]?.suppressed))
          problems.push(`sessions: the total's cell ${i} beside a withheld month`);
      });
    }
    if (dataset.average && !dataset.average.suppressed)
      if (dataset.total?.cells[0]?.suppressed || dataset.rows.some((r) => r.cells[0]?.suppressed))
        problems.push(`${dataset.id}: the average beside withheld ratings`);
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

/**
 * Every before/after average shown rests on at least `min` responses, counted from the
 * cohort itself, and equals the average of those; a change is shown only with both its sides.
 */
function averagesDisclosures(report: ProgrammeReport, min: number, cohort: Cohort): string[] {
  const problems: string[] = [];
  const answered = (survey: string, key: string) =>
    (cohort.responses ?? []).flatMap((response) => {
      const value = response.answers[key];
      return response.survey === survey && typeof value === 'number' ? [value] : [];
    });
  for (const id of ['competence', 'programme-goals']) {
    const dataset = report.datasets.find((candidate) => candidate.id === id);
    for (const row of dataset?.rows ?? []) {
      const sides = [answered('baseline', row.key), answered('end', row.key)];
      const [before, after, change] = row.cells;
      [before, after].forEach((cell, side) => {
        const values = sides[side] ?? [];
        if (!cell?.suppressed && values.length < min)
          problems.push(`${id}/${row.key} shows an average of ${values.length} responses`);
        const mean = Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10;
        if (!cell?.suppressed && cell?.value !== mean)
          problems.push(`${id}/${row.key} shows ${cell?.value} for ${mean}`);
      });
      if (!change?.suppressed && (before?.suppressed || after?.suppressed))
        problems.push(`${id}/${row.key} shows a change beside a withheld side`);
    }
  }
  return problems;
}

/**
 * Goals by level: worked out from the cohort, every row shown stands for at least `min`
 * distinct pairs (or none), and so do the withheld rows together, whose goals the total less
 * the rows shown gives away.
 */
function goalDisclosures(report: ProgrammeReport, min: number, cohort: Cohort): string[] {
  const levels = ['not-started', 'started', 'halfway', 'nearly', 'reached'];
  const pairsAt = new Map<string, Set<number>>(levels.map((level) => [level, new Set()]));
  cohort.pairs.forEach((pair, index) => {
    if (pair.state === 'proposed') return;
    for (const goal of pair.goals ?? [])
      if (!goal.removed) pairsAt.get(levels[goal.marks.at(-1) ?? 0] ?? '')?.add(index);
  });
  const dataset = report.datasets.find((candidate) => candidate.id === 'goal-attainment');
  const problems: string[] = [];
  const withheldPairs = new Set<number>();
  for (const row of dataset?.rows ?? []) {
    const pairs = pairsAt.get(row.key)?.size ?? 0;
    if (row.cells[0]?.suppressed)
      for (const pair of pairsAt.get(row.key) ?? []) withheldPairs.add(pair);
    else if (pairs > 0 && pairs < min) problems.push(`goal-attainment/${row.key}: ${pairs} pairs`);
  }
  if (withheldPairs.size > 0 && withheldPairs.size < min && !dataset?.total?.cells[0]?.suppressed)
    problems.push(`goal-attainment: withheld rows stand for ${withheldPairs.size} pairs`);
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
      const problems = disclosures(report, min, cohort);
      for (const dataset of report.datasets) {
        const { csv } = await exportReportDataset(app.orm.em, admin, programmeId, dataset.id, min);
        const lines = csv.slice(1).trimEnd().split('\r\n').slice(1);
        const rows = [
          ...dataset.rows,
          ...(dataset.total ? [dataset.total] : []),
          ...(dataset.average ? [{ cells: [dataset.average] }] : []),
        ];
        if (lines.length !== rows.length) problems.push(`${dataset.id}.csv: ${lines.length} lines`);
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

t.test('withheld goal levels stand for the threshold in distinct pairs (property)', async (t) => {
  // Levels of goals, each behind some of eight pairs: one pair often stands behind several.
  const levels = fc.array(fc.subarray(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']), {
    minLength: 2,
    maxLength: 5,
  });
  fc.assert(
    fc.property(levels, fc.integer({ min: 2, max: 7 }), (drawn, min) => {
      const rows = drawn.map((members, index) => ({
        key: String(index),
        label: String(index),
        size: members.length,
        values: [members.length * 2],
        members,
      }));
      const pairs = new Set(drawn.flat());
      const [dataset] = suppressSmallGroups(
        [
          {
            id: 'goal-attainment',
            dimension: 'level',
            measures: ['goals'],
            kind: 'partition',
            rows,
            total: { key: 'total', label: 'total', size: pairs.size, values: [0] },
          },
        ],
        min,
      );
      if (dataset?.total?.cells[0]?.suppressed) return;
      const withheld = new Set(
        dataset?.rows.flatMap((row, i) => (row.cells[0]?.suppressed ? (drawn[i] ?? []) : [])),
      );
      const shownSmall = dataset?.rows.some(
        (row, i) =>
          !row.cells[0]?.suppressed && (drawn[i]?.length ?? 0) > 0 && (drawn[i]?.length ?? 0) < min,
      );
      if (shownSmall || (withheld.size > 0 && withheld.size < min))
        throw new Error(`withheld rows stand for ${withheld.size} pairs`);
    }),
    { numRuns: 2000, seed: 20270116 },
  );
  t.pass('two thousand random levels checked');
});
