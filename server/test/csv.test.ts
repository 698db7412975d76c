import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import t from 'tap';
import { readCsvText, toCsv } from '../src/csv.js';
import { Enrolment } from '../src/modules/enrolment/enrolment.js';
import { Programme } from '../src/modules/programmes/programme.js';
import { User } from '../src/modules/users/user.js';
import { buildTestApp } from './helpers/build-test-app.js';
import { signedInAs } from './helpers/sessions.js';

/** A name from the identity provider that German Excel would split into two formulas. */
const HEIKE = 'Heike;=1+1;@SUM(1)';

/** A cell a spreadsheet would run: a leading tab or CR, or `= + - @` after spaces and quotes. */
const FORMULA = /^(?:[\t\r]|[\s"]*[=+\-@])/;

/**
 * The one formula toCsv writes: a text literal (`="6-10"`) with no quote inside, so nothing in
 * it is called. A reader splitting on the other separator may cut it (`="3`) or run on into
 * the next cell (`="6-10",x` or `="6-10";x`); neither is a formula for the Excel splitting so,
 * which reads an open string or `,` (German) or `;` (English) after one as a syntax error
 * and keeps the cell as text.
 */
const TEXT_LITERAL = /^"?="{1,2}[^"\t\r\n;]*(?:"{1,3}(?:$|[,;])|$)/;
const isFormula = (cell: string) => FORMULA.test(cell) && !TEXT_LITERAL.test(cell);

/**
 * The cells a reader splitting on `separator` could start, quotes taken as plain text: a quote
 * that opens a cell only merges cells that begin here, so these are all the places a cell of
 * any such reader begins.
 */
const rawCells = (csv: string, separator: ';' | '\t'): string[] =>
  parse(csv, {
    bom: true,
    delimiter: separator,
    quote: false,
    record_delimiter: ['\r\n', '\n', '\r'],
    relax_column_count: true,
  }).flat();

/** The cells a reader splitting on `,` with no regard for quotes could start. */
const rawCommaCells = (csv: string): string[] =>
  parse(csv, {
    bom: true,
    quote: false,
    record_delimiter: ['\r\n', '\n', '\r'],
    relax_column_count: true,
  }).flat();

/**
 * A value as toCsv must write it, before quoting: an apostrophe in front of every place a
 * reader may start a cell (the value's start, after `;`, `,`, a tab or a line break, but not between
 * CR and LF) where FORMULA would match, and nothing else changed.
 */
function neutralised(value: string): string {
  let written = '';
  for (let i = 0; i < value.length; i++) {
    const before = value[i - 1];
    const cellStart =
      i === 0 ||
      before === ';' ||
      before === ',' ||
      before === '\t' ||
      before === '\n' ||
      (before === '\r' && value[i] !== '\n');
    if (cellStart && FORMULA.test(value.slice(i))) written += "'";
    written += value[i];
  }
  return written;
}

/** Text made mostly of what breaks CSV files: separators, quotes, line breaks, formula starts. */
const tricky = fc.string({
  unit: fc.oneof(
    fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', ',', ';', '"', "'", ' ', '\u00a0'),
    fc.constantFrom('a', 'Ö', '1', '(', ')'),
    fc.string({ minLength: 1, maxLength: 1 }),
  ),
  maxLength: 12,
});
const table = (cell: fc.Arbitrary<string>) =>
  fc
    .integer({ min: 1, max: 4 })
    .chain((columns) =>
      fc.tuple(
        fc.array(cell, { minLength: columns, maxLength: columns }),
        fc.array(fc.array(cell, { minLength: columns, maxLength: columns }), { maxLength: 5 }),
      ),
    );

t.test('a separator inside a value neither splits its cell nor starts a formula', async (t) => {
  const csv = toCsv(['name', 'department'], [[HEIKE, 'Haushalt, Finanzen']], 'en');
  t.equal(csv, `\uFEFFname,department\r\n"Heike;'=1+1;'@SUM(1)","Haushalt, Finanzen"\r\n`);
  t.same(rawCells(csv, ';'), [
    'name,department',
    '"Heike',
    "'=1+1",
    `'@SUM(1)","Haushalt, Finanzen"`,
  ]);
  t.equal(toCsv([], [[' =1+1']], 'en'), `\uFEFF\r\n' =1+1\r\n`, 'after leading spaces, too');
  t.equal(toCsv([], [['a\t-1']], 'en'), `\uFEFF\r\n"a\t'-1"\r\n`, 'and after a tab');
  t.equal(toCsv([], [['x\r\n@A1']], 'en'), `\uFEFF\r\n"x\r\n'@A1"\r\n`, 'and after a line break');
  t.equal(
    toCsv([], [['Meier-Schulze']], 'en'),
    `\uFEFF\r\nMeier-Schulze\r\n`,
    'a hyphen inside stays',
  );
});

t.test('German Excel gets `;`, English Excel `,`; both a BOM and CRLF', async (t) => {
  const rows = [['Jürgen Größer', 'Haushalt, Finanzen', 3.5]];
  t.equal(
    toCsv(['Name', 'Abteilung', 'Bewertung'], rows, 'de'),
    '\uFEFFName;Abteilung;Bewertung\r\nJürgen Größer;"Haushalt, Finanzen";"3,5"\r\n',
    'a number with the German decimal comma, which Excel counts with',
  );
  t.equal(
    toCsv(['Name', 'Department', 'Rating'], rows, 'en'),
    '\uFEFFName,Department,Rating\r\nJürgen Größer,"Haushalt, Finanzen",3.5\r\n',
  );
});

t.test('text Excel would turn into a date or number stays text, and reads back', async (t) => {
  const values = [
    '6-10',
    '1/2',
    '007',
    '12345678901234567890',
    '2026-01-31',
    '9:00',
    '3,5',
    '50%',
    '1e5',
    '+49 30 1234',
    '-5',
    '5-Mar',
    'Sep 2',
    '1. Mai',
    'WAHR',
  ];
  const csv = toCsv(
    ['Wert'],
    values.map((value) => [value]),
    'de',
  );
  const cells = parse(csv, { bom: true, delimiter: ';' }).slice(1).flat() as string[];
  t.same(
    cells,
    values.map((value) => `="${value}"`),
    'each as the text formula Excel shows as it is',
  );
  t.same(cells.map(readCsvText), values, 'the import reads each back as it was');
  const plain = ['Meier-Schulze', 'IT-Sicherheit', 'Haus 2', 'Referat 6', 'Mentor:in', 'März'];
  t.same(
    parse(
      toCsv(
        ['Wert'],
        plain.map((value) => [value]),
        'de',
      ),
      { bom: true },
    )
      .slice(1)
      .flat(),
    plain,
    'words with numbers stay as they are',
  );
});

t.test('every CSV reads back as written, with no formula in any cell (property)', async (t) => {
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const locale = fc.constantFrom('de' as const, 'en' as const);
  const cellsOf = (csv: string, l: 'de' | 'en') =>
    parse(csv, { bom: true, delimiter: l === 'de' ? ';' : ',' }) as string[][];
  fc.assert(
    fc.property(table(tricky), locale, ([header, rows], l) => {
      const csv = toCsv(header, rows, l);
      const read = cellsOf(csv, l);
      return (
        same(
          read.map((row) => row.map(readCsvText)),
          [header, ...rows].map((row) => row.map((value) => readCsvText(neutralised(value)))),
        ) &&
        [read.flat(), rawCells(csv, ';'), rawCells(csv, '\t'), rawCommaCells(csv)].every((cells) =>
          cells.every((cell) => !isFormula(cell)),
        )
      );
    }),
    { numRuns: 2000 },
  );
  t.pass(
    'read with `,`, `;` or tab: no cell is a formula but a text literal, and the import reads what was written',
  );
  fc.assert(
    fc.property(
      table(fc.string().map((s) => s.replace(/[=+\-@\t\r']/g, ''))),
      locale,
      ([header, rows], l) =>
        same(
          cellsOf(toCsv(header, rows, l), l).map((row) => row.map(readCsvText)),
          [header, ...rows],
        ),
    ),
    { numRuns: 300 },
  );
  t.pass('a value without formula characters reads back unchanged');
});

t.test('the enrolment export keeps a name with separators in one harmless cell', async (t) => {
  const app = await buildTestApp(t);
  const hr = await signedInAs(app, { subject: 'hr', name: 'HR', roles: ['admin'] });
  const em = app.orm.em.fork();
  const programme = em.create(Programme, {
    name: 'Digital',
    kind: 'reverse-mentoring',
    state: 'enrolment',
    curriculum: 'qa-quickstart',
    matchingStrategy: 'weighted',
  });
  const user = em.create(User, { issuer: 'https://idp.test', subject: 'heike', name: HEIKE });
  em.create(Enrolment, { programme, user, role: 'mentee', profile: {} });
  await em.flush();

  const answer = await app.inject({
    url: `/api/admin/programmes/${programme.id}/enrolments/export`,
    cookies: hr.cookies,
  });
  t.equal(answer.statusCode, 200);
  t.equal(
    parse(answer.body, { bom: true, delimiter: ';' })[1]?.[0],
    `Heike;'=1+1;'@SUM(1)`,
    'German (the organisation’s language) with `;`',
  );
  t.same(
    [...rawCells(answer.body, ';'), ...rawCommaCells(answer.body)].filter(isFormula),
    [],
    'no Excel finds a formula',
  );
});
