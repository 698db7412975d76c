import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import t, { type Test } from 'tap';
import { readCsvFile } from '../src/cli/csv-file.js';
import { importReport } from '../src/cli/import-command.js';
import { openOrm } from '../src/db/orm.js';
import { EXIT_DATA } from '../src/errors.js';
import { AuditEvent } from '../src/modules/audit/audit-event.js';
import { Enrolment } from '../src/modules/enrolment/enrolment.js';
import { ENROLMENT_COLUMNS, importEnrolments } from '../src/modules/enrolment/enrolment-import.js';
import { Programme } from '../src/modules/programmes/programme.js';
import { importPeople, PEOPLE_COLUMNS } from '../src/modules/users/people-import.js';
import { User } from '../src/modules/users/user.js';
import { provisionUser } from '../src/modules/users/user-provisioning.js';
import { createTestDatabase, sql } from './helpers/database.js';
import { spawnTandem } from './helpers/tandem-process.js';

const ISSUER = 'https://idp.agency.example';

async function setUp(t: Test) {
  const url = await createTestDatabase(t);
  const orm = await openOrm(url);
  t.teardown(() => orm.close());
  const em = orm.em.fork();
  const programme = em.create(Programme, {
    name: 'Digital fit',
    kind: 'reverse-mentoring',
    state: 'enrolment',
    curriculum: 'qa-quickstart',
    matchingStrategy: 'weighted',
    settings: { languages: ['de', 'en'] },
  });
  for (const [subject, email] of [
    ['ada', 'ada@amt.example'],
    ['bernd', 'Bernd@Amt.example'],
    ['carla', 'carla@amt.example'],
  ] as const)
    em.create(User, { issuer: ISSUER, subject, name: subject, email });
  await em.flush();
  const dir = t.testdir();
  const file = async (name: string, text: string) => {
    const path = join(dir, name);
    await writeFile(path, text);
    return path;
  };
  return { url, orm, programme, file, dir };
}

// German Excel: BOM, semicolons, a quoted field with a semicolon and a line break.
const ENROLMENTS = [
  '\uFEFFE-Mail;Role;Skills offered;Skills wanted;Languages;Format;Location;Availability',
  'ada@amt.example;mentor;"collaboration-tools; e-file";;de;remote;;Mon 09:00-12:00',
  'not-an-email;mentee;;;de;;;',
  'bernd@amt.example;mentee;;ai-assistants;en, de;on-site;"Haus 2;\nRaum 3";Mittwoch 08:00-09:00',
  'nobody@amt.example;mentee;;;de;;;',
  'ADA@amt.example;mentee;;;de;;;',
  'carla@amt.example;mentee;;knitting;de;;;',
].join('\r\n');

t.test('importing enrolments rejects exactly the bad rows, saying why', async (t) => {
  const { orm, programme, file } = await setUp(t);
  const path = await file('enrolments.csv', ENROLMENTS);
  const rows = await readCsvFile(path, ENROLMENT_COLUMNS, ['email']);

  const dry = await importEnrolments(orm.em, programme, rows, { dryRun: true });
  t.same(dry.counts, { created: 2, updated: 0, unchanged: 0, rejected: 4 });
  t.equal(await orm.em.fork().count(Enrolment), 0, 'a dry run saves nothing');
  t.equal(await orm.em.fork().count(AuditEvent), 0, 'nor audits');

  const progress: number[] = [];
  const result = await importEnrolments(orm.em, programme, rows, {
    dryRun: false,
    onProgress: (done) => progress.push(done),
  });
  t.same(progress, [1, 2, 3, 4, 5, 6]);
  t.same(result.counts, { created: 2, updated: 0, unchanged: 0, rejected: 4 });
  t.equal(
    importReport(result, false),
    [
      '2 created, 0 updated, 0 unchanged, 4 rejected.',
      '  row 3: email not-an-email is not an email address',
      '  row 5: nobody with the email nobody@amt.example is known to Tandem (sign in or import people first)',
      '  row 6: the same person as row 2',
      '  row 7: skillsWanted holds knitting, which the skill taxonomy does not offer; use tags for skills outside it.',
    ].join('\n'),
  );
  const saved = await orm.em
    .fork()
    .find(Enrolment, {}, { populate: ['user'], orderBy: { user: { subject: 'asc' } } });
  t.same(
    saved.map((e) => [e.user.subject, e.role, e.profile.skillsOffered, e.profile.availability]),
    [
      [
        'ada',
        'mentor',
        ['collaboration-tools', 'e-file'],
        [{ weekday: 1, from: '09:00', to: '12:00' }],
      ],
      // The email matched whatever its case; the quoted location kept its semicolon and line break.
      ['bernd', 'mentee', [], [{ weekday: 3, from: '08:00', to: '09:00' }]],
    ],
  );
  t.same(saved[1]?.profile.languages, ['en', 'de']);
  t.equal(saved[1]?.profile.location, 'Haus 2;\nRaum 3');

  const again = await importEnrolments(orm.em, programme, rows, { dryRun: false });
  t.same(
    again.counts,
    { created: 0, updated: 0, unchanged: 2, rejected: 4 },
    'a re-run changes nothing',
  );
  const audits = await orm.em.fork().find(AuditEvent, { action: 'programme.enrolments-imported' });
  t.same(
    audits.map((a) => a.data.created),
    [2, 0],
    'each import is audited with its counts',
  );
});

t.test('a changed row updates the enrolment; the file needs an email column', async (t) => {
  const { orm, programme, file } = await setUp(t);
  const first = await readCsvFile(
    await file('a.csv', 'email,role\nada@amt.example,mentor\n'),
    ENROLMENT_COLUMNS,
    ['email'],
  );
  await importEnrolments(orm.em, programme, first, { dryRun: false });
  const second = await readCsvFile(
    await file('b.csv', 'email,role\nada@amt.example,mentee\n'),
    ENROLMENT_COLUMNS,
    ['email'],
  );
  t.same((await importEnrolments(orm.em, programme, second, { dryRun: false })).counts, {
    created: 0,
    updated: 1,
    unchanged: 0,
    rejected: 0,
  });
  await t.rejects(
    readCsvFile(await file('c.csv', 'mail,role\nx@y.z,mentor\n'), ENROLMENT_COLUMNS, ['email']),
    {
      message: /lacks the column email; columns: email, role/,
      exitCode: EXIT_DATA,
    },
  );
});

t.test('importing people creates them under the issuer, so sign-in finds them', async (t) => {
  const { orm, file } = await setUp(t);
  const path = await file(
    'people.csv',
    'subject,name,email,department,title\nemil,Emil Neu,emil@amt.example,IT,Referent\n,No Subject,x@amt.example,,\ndora,Dora,dora@,,\nemil,Emil Doppelt,,,\nada,ada,ada@amt.example,,\n',
  );
  const rows = await readCsvFile(path, PEOPLE_COLUMNS, ['subject', 'name']);
  const result = await importPeople(orm.em, ISSUER, rows, { dryRun: false });
  t.same(result.counts, { created: 1, updated: 0, unchanged: 1, rejected: 3 });
  t.same(result.rejected, [
    { row: 3, reason: 'subject is empty: the identity provider’s sub claim' },
    { row: 4, reason: 'email dora@ is not an email address' },
    { row: 5, reason: 'the same person as row 2' },
  ]);
  const emil = await orm.em.fork().findOneOrFail(User, { issuer: ISSUER, subject: 'emil' });
  t.match(emil, {
    name: 'Emil Neu',
    email: 'emil@amt.example',
    department: 'IT',
    lastLoginAt: null,
  });
  t.same(
    (await importPeople(orm.em, ISSUER, rows, { dryRun: false })).counts,
    { created: 0, updated: 0, unchanged: 2, rejected: 3 },
    'a re-run changes nothing',
  );
  const signIn = await provisionUser(
    orm.em.fork(),
    ISSUER,
    { sub: 'emil', name: 'Emil Neu', email: 'emil.neu@amt.example' },
    {
      roles: 'groups',
      adminRoles: [],
      department: 'department',
      title: 'title',
      username: 'preferred_username',
    },
  );
  t.match(
    signIn,
    { created: false, user: { id: emil.id, email: 'emil.neu@amt.example' } },
    'signing in finds the imported person',
  );
  t.same(
    (await importPeople(orm.em, ISSUER, rows, { dryRun: true })).counts,
    {
      created: 0,
      updated: 1,
      unchanged: 1,
      rejected: 3,
    },
    'the file differs from what sign-in brought',
  );
});

t.test('`tandem import` prints the report, writes it as CSV and exits 65', async (t) => {
  const { url, file, dir } = await setUp(t);
  const path = await file(
    'enrolments.csv',
    'email,role\nada@amt.example,mentor\nnobody@amt.example,mentee\n',
  );
  const report = join(dir, 'rejected.csv');
  const tandem = spawnTandem(t, ['import', 'enrolments', 'Digital fit', path, '--report', report], {
    DATABASE_URL: url,
  });
  t.equal((await tandem.exit).code, EXIT_DATA, tandem.output());
  t.equal(
    tandem.stdout(),
    '1 created, 0 updated, 0 unchanged, 1 rejected.\n  row 3: nobody with the email nobody@amt.example is known to Tandem (sign in or import people first)\n',
  );
  t.match(tandem.stderr(), /enrolments: 2 of 2 rows\n/, 'plain progress lines on a pipe');
  t.equal(
    await readFile(report, 'utf8'),
    '\uFEFFrow,reason\r\n3,nobody with the email nobody@amt.example is known to Tandem (sign in or import people first)\r\n',
  );
  const [row] = await sql<{ count: string }>(url, 'SELECT count(*) FROM enrolment');
  t.equal(row?.count, '1');
});
