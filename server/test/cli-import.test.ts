import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import t, { type Test } from 'tap';
import { readCsvFile } from '../src/cli/csv-file.js';
import { importReport } from '../src/cli/import-command.js';
import { toCsv } from '../src/csv.js';
import { openOrm } from '../src/db/orm.js';
import { EXIT_DATA } from '../src/errors.js';
import { ManagerApproval } from '../src/modules/approvals/manager-approval.js';
import { AuditEvent } from '../src/modules/audit/audit-event.js';
import { Enrolment } from '../src/modules/enrolment/enrolment.js';
import { ENROLMENT_COLUMNS } from '../src/modules/enrolment/enrolment-columns.js';
import { exportProgrammeEnrolments } from '../src/modules/enrolment/enrolment-export.js';
import { importEnrolments } from '../src/modules/enrolment/enrolment-import.js';
import { Notification } from '../src/modules/notifications/notification.js';
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
  const { rows } = await readCsvFile(path, ENROLMENT_COLUMNS);

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
  );
  await importEnrolments(orm.em, programme, first.rows, { dryRun: false });
  const second = await readCsvFile(
    await file('b.csv', 'email,role\nada@amt.example,mentee\n'),
    ENROLMENT_COLUMNS,
  );
  t.same((await importEnrolments(orm.em, programme, second.rows, { dryRun: false })).counts, {
    created: 0,
    updated: 1,
    unchanged: 0,
    rejected: 0,
  });
  await t.rejects(
    readCsvFile(await file('c.csv', 'mail,role\nx@y.z,mentor\n'), ENROLMENT_COLUMNS),
    {
      message: /lacks the column email; columns: email, role/,
      exitCode: EXIT_DATA,
    },
  );
});

t.test('a long file lands a thousand rows at a time, in file order', async (t) => {
  const { orm, file, url } = await setUp(t);
  const em = orm.em.fork();
  const PEOPLE = 1500;
  for (let i = 0; i < PEOPLE; i++)
    em.create(User, {
      issuer: ISSUER,
      subject: `p${i}`,
      name: `P ${i}`,
      email: `p${i}@amt.example`,
    });
  const capped = em.create(Programme, {
    name: 'Mittagsrunde',
    kind: 'peer-lunch',
    state: 'enrolment',
    curriculum: 'lunch-rounds',
    matchingStrategy: 'lunch',
    settings: { capacity: 1200 },
  });
  await em.flush();
  // Bad rows at the start, on both sides of the first batch's end and near the end; a
  // duplicate of a row from the first batch in the second.
  const bad: Record<number, string> = {
    3: 'x@amt,',
    1000: 'p999@amt.example,mentor',
    1001: ',',
    1002: 'nobody@amt.example,',
    1300: 'P5@amt.example,',
    1499: 'p1497@amt.example,either,Thu 10:00-09:00',
  };
  const lines = ['email,role,availability'];
  for (let i = 0; i < PEOPLE; i++) lines.push(bad[i + 2] ?? `p${i}@amt.example,,`);
  const { rows } = await readCsvFile(await file('long.csv', lines.join('\n')), ENROLMENT_COLUMNS);

  const result = await importEnrolments(orm.em, capped, rows, { dryRun: false });
  t.same(result.counts, { created: 1494, updated: 0, unchanged: 0, rejected: 6 });
  t.same(result.rejected, [
    { row: 3, reason: 'email x@amt is not an email address' },
    {
      row: 1000,
      reason: 'In a peer lunch everyone takes part as a peer: role either.',
    },
    { row: 1001, reason: 'email is empty' },
    {
      row: 1002,
      reason:
        'nobody with the email nobody@amt.example is known to Tandem (sign in or import people first)',
    },
    { row: 1300, reason: 'the same person as row 7' },
    { row: 1499, reason: 'availability Thu 10:00-09:00 ends before it starts' },
  ]);
  const states = await sql<{ state: string; first: string; last: string; count: string }>(
    url,
    `SELECT e.state, min(substr(u.subject, 2)::int) AS first, max(substr(u.subject, 2)::int) AS last, count(*)
       FROM enrolment e JOIN app_user u ON u.id = e.user_id GROUP BY e.state ORDER BY e.state`,
  );
  t.same(
    states.map((s) => [s.state, Number(s.first), Number(s.last), Number(s.count)]),
    [
      ['active', 0, 1203, 1200],
      ['waitlisted', 1204, 1499, 294],
    ],
    'the places go to the first 1,200 good rows, the rest wait in file order',
  );
  const [profiles] = await sql<{ count: string }>(url, 'SELECT count(*) FROM user_profile');
  t.equal(profiles?.count, '1494', 'each enrolled person’s profile is saved for next time');
});

t.test('an import into a programme with manager approval asks the managers', async (t) => {
  const { orm, programme, file } = await setUp(t);
  const em = orm.em.fork();
  const boss = em.create(User, { issuer: ISSUER, subject: 'boss', name: 'Boss' });
  const ada = await em.findOneOrFail(User, { subject: 'ada' });
  const bernd = await em.findOneOrFail(User, { subject: 'bernd' });
  ada.manager = boss;
  bernd.manager = boss;
  const approving = await em.findOneOrFail(Programme, programme.id);
  approving.settings = { ...approving.settings, managerApproval: true };
  await em.flush();
  const { rows } = await readCsvFile(
    await file(
      'a.csv',
      'email,role\nada@amt.example,mentor\nbernd@amt.example,mentee\ncarla@amt.example,mentee\n',
    ),
    ENROLMENT_COLUMNS,
  );
  const result = await importEnrolments(orm.em, approving, rows, { dryRun: false });
  t.same(result.counts, { created: 3, updated: 0, unchanged: 0, rejected: 0 });
  const approvals = await orm.em.fork().find(
    ManagerApproval,
    {},
    {
      populate: ['enrolment.user', 'manager'],
      orderBy: { enrolment: { user: { subject: 'asc' } } },
    },
  );
  t.same(
    approvals.map((a) => [a.enrolment.user.subject, a.enrolment.state, a.manager?.subject ?? null]),
    [
      ['ada', 'awaiting-approval', 'boss'],
      ['bernd', 'awaiting-approval', 'boss'],
      ['carla', 'awaiting-approval', null],
    ],
    'carla has no manager: her request waits for the admins',
  );
  t.equal(
    await orm.em.fork().count(Notification, { recipient: boss }),
    2,
    'the manager is told of each request',
  );
});

t.test('importing people creates them under the issuer, so sign-in finds them', async (t) => {
  const { orm, file } = await setUp(t);
  const path = await file(
    'people.csv',
    'subject,name,email,department,title\nemil,Emil Neu,emil@amt.example,IT,Referent\n,No Subject,x@amt.example,,\ndora,Dora,dora@,,\nemil,Emil Doppelt,,,\nada,ada,ada@amt.example,,\n',
  );
  const { rows } = await readCsvFile(path, PEOPLE_COLUMNS);
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
  const tandem = spawnTandem(
    t,
    ['import', 'enrolments', 'Digital fit', path, '--report', report, '--locale', 'en'],
    {
      DATABASE_URL: url,
    },
  );
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

/**
 * What German Excel's plain "CSV (Trennzeichen-getrennt)" writes: Windows-1252, which for
 * umlauts and ß has the same bytes as Latin-1.
 */
const windows1252 = (text: string): Buffer => Buffer.from(text, 'latin1');

const OIDC = {
  OIDC_ISSUER: ISSUER,
  OIDC_CLIENT_ID: 'tandem',
  OIDC_CLIENT_SECRET: 'secret',
};

t.test('a Windows-1252 file from German Excel is converted, and says so', async (t) => {
  const { url, dir } = await setUp(t);
  const path = join(dir, 'personen.csv');
  await writeFile(
    path,
    windows1252('Kennung;Name;E-Mail;Abteilung\r\njuergen;Jürgen Größer;jg@amt.example;6-10\r\n'),
  );
  const tandem = spawnTandem(t, ['import', 'people', path], { DATABASE_URL: url, ...OIDC });
  t.equal((await tandem.exit).code, 0, tandem.output());
  t.match(tandem.stdout(), `${path}: read as Windows-1252 and converted to UTF-8.\n`);
  t.match(tandem.stdout(), '1 created, 0 updated, 0 unchanged, 0 rejected.');
  const people = await sql<{ name: string; department: string }>(
    url,
    "SELECT name, department FROM app_user WHERE subject = 'juergen'",
  );
  t.same(people, [{ name: 'Jürgen Größer', department: '6-10' }], 'the umlauts arrive intact');
});

t.test('a file in no encoding Tandem reads is refused, nothing stored', async (t) => {
  const { url, dir } = await setUp(t);
  const path = join(dir, 'kaputt.csv');
  // 0x81 and 0x8D are no character in Windows-1252, and no UTF-8 either.
  await writeFile(
    path,
    Buffer.concat([
      Buffer.from('subject;name\r\njuergen;J'),
      Buffer.from([0x81, 0x8d]),
      Buffer.from('rgen\r\n'),
    ]),
  );
  const tandem = spawnTandem(t, ['import', 'people', path], { DATABASE_URL: url, ...OIDC });
  t.equal((await tandem.exit).code, EXIT_DATA, tandem.output());
  t.equal(
    tandem.stderr(),
    `tandem: ${path} is neither UTF-8 nor Windows-1252: read as Windows-1252 it holds bytes that are no text. Open it in Excel, save it as "CSV UTF-8 (durch Trennzeichen getrennt)" and import it again.\n`,
  );
  const [row] = await sql<{ count: string }>(
    url,
    "SELECT count(*) FROM app_user WHERE subject = 'juergen'",
  );
  t.equal(row?.count, '0', 'nobody stored, no replacement character');

  const replaced = join(dir, 'ersetzt.csv');
  await writeFile(replaced, 'subject;name\r\njuergen;J\uFFFDrgen Gr\uFFFD\uFFFDer\r\n');
  await t.rejects(
    readCsvFile(replaced, PEOPLE_COLUMNS),
    {
      message: /read as UTF-8 it holds replacement characters/,
      exitCode: EXIT_DATA,
    },
    'nor a file an earlier conversion already broke',
  );
});

t.test('an export, German or English, imports again as it was', async (t) => {
  const { orm, programme, file, url } = await setUp(t);
  await importEnrolments(
    orm.em,
    programme,
    (
      await readCsvFile(
        await file(
          'start.csv',
          [
            'email,role,skillsOffered,skillsWanted,languages',
            'ada@amt.example,mentor,"collaboration-tools, e-file",,de',
            'bernd@amt.example,either,,ai-assistants,"en, de"',
            'carla@amt.example,mentee,,,de',
          ].join('\n'),
        ),
        ENROLMENT_COLUMNS,
      )
    ).rows,
    { dryRun: false },
  );
  await sql(
    url,
    "UPDATE app_user SET name = 'Jürgen Größer', department = '6-10' WHERE subject = 'ada'",
  );
  await sql(
    url,
    "UPDATE enrolment SET state = 'withdrawn', withdrawn_at = now() FROM app_user u WHERE u.id = enrolment.user_id AND u.subject = 'carla'",
  );
  const em = orm.em.fork();
  const copy = (name: string) =>
    em.create(Programme, {
      name,
      kind: 'reverse-mentoring',
      state: 'enrolment',
      curriculum: 'qa-quickstart',
      matchingStrategy: 'weighted',
      settings: { languages: ['de', 'en'] },
    });
  const targets = { de: copy('Kopie'), en: copy('Copy') };
  await em.flush();
  // Without the time columns: an enrolment imported now is enrolled now.
  const withoutTimes = (csv: string, separator: string) =>
    csv.split('\r\n').map((line) => line.split(separator).filter((_, i) => i !== 6 && i !== 7));

  for (const locale of ['de', 'en'] as const) {
    const separator = locale === 'de' ? ';' : ',';
    const exported = await exportProgrammeEnrolments(orm.em, { locale }, programme.id, {
      sort: 'name',
    });
    t.match(
      exported.csv,
      locale === 'de' ? /^\uFEFFName;E-Mail;Abteilung/ : /^\uFEFFName,Email,Department/,
    );
    t.match(
      exported.csv,
      `Jürgen Größer${separator}ada@amt.example${separator}"=""6-10"""`,
      `${locale}: the range stays text`,
    );
    const path = await file(`export-${locale}.csv`, exported.csv);

    const { rows } = await readCsvFile(path, ENROLMENT_COLUMNS);
    const same = await importEnrolments(orm.em, programme, rows, { dryRun: false });
    t.same(
      same.counts,
      { created: 0, updated: 0, unchanged: 3, rejected: 0 },
      `${locale}: into its own programme, nothing changes`,
    );

    const target = targets[locale];
    const copied = await importEnrolments(orm.em, target, rows, { dryRun: false });
    t.same(
      copied.counts,
      { created: 2, updated: 0, unchanged: 1, rejected: 0 },
      `${locale}: into another, all but the withdrawn`,
    );
    const again = await exportProgrammeEnrolments(orm.em, { locale }, target.id, { sort: 'name' });
    t.same(
      withoutTimes(again.csv, separator),
      withoutTimes(exported.csv, separator).filter((line) => !line.includes('carla@amt.example')),
      `${locale}: the copy exports as the original did`,
    );
  }
});

t.test('a file written for Excel reads back as written: text stays text', async (t) => {
  const { orm, file } = await setUp(t);
  const csv = toCsv(
    ['Kennung', 'Name', 'Abteilung', 'Funktion'],
    [['007', 'Jürgen Größer', '6-10', '=HYPERLINK("x")']],
    'de',
  );
  t.match(
    csv,
    `Kennung;Name;Abteilung;Funktion\r\n"=""007""";Jürgen Größer;"=""6-10""";"'=HYPERLINK(""x"")"\r\n`,
  );
  const { rows, encoding } = await readCsvFile(await file('personen.csv', csv), PEOPLE_COLUMNS);
  t.equal(encoding, 'UTF-8');
  await importPeople(orm.em, ISSUER, rows, { dryRun: false });
  t.match(await orm.em.fork().findOneOrFail(User, { issuer: ISSUER, subject: '007' }), {
    name: 'Jürgen Größer',
    department: '6-10',
    title: '=HYPERLINK("x")',
  });
});

t.test(
  '`tandem export --locale` chooses the reader’s Excel; other locales are refused',
  async (t) => {
    const { url } = await setUp(t);
    const english = spawnTandem(t, ['export', 'enrolments', 'Digital fit', '--locale', 'en'], {
      DATABASE_URL: url,
    });
    t.equal((await english.exit).code, 0, english.output());
    t.equal(
      english.stdout(),
      '\uFEFFName,Email,Department,Job title,Role,State,Enrolled at,Withdrawn at,Offers,Wants to learn,Languages,Matched\r\n',
    );
    const german = spawnTandem(t, ['export', 'enrolments', 'Digital fit'], { DATABASE_URL: url });
    t.equal((await german.exit).code, 0, german.output());
    t.match(
      german.stdout(),
      /^\uFEFFName;E-Mail;Abteilung;/,
      'without it, the organisation’s German',
    );
    const french = spawnTandem(t, ['export', 'audit', '--locale', 'fr'], { DATABASE_URL: url });
    t.equal((await french.exit).code, 64);
    t.equal(french.stderr(), 'tandem: --locale must be de or en (got "fr")\n');
  },
);
