import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import t from 'tap';
import { toCsv } from '../src/csv.js';
import { Enrolment } from '../src/modules/enrolment/enrolment.js';
import { Programme } from '../src/modules/programmes/programme.js';
import { User } from '../src/modules/users/user.js';
import { buildTestApp } from './helpers/build-test-app.js';
import { signedInAs } from './helpers/sessions.js';

/** A name from the identity provider that German Excel would split into two formulas. */
const HEIKE = 'Heike;=1+1;@SUM(1)';

/** A cell a spreadsheet would run: a leading tab or CR, or `= + - @` after spaces and quotes. */
const FORMULA = /^(?:[\t\r]|[\s"]*[=+\-@])/;

/** The file as a reader splitting on `,` sees it, quotes and all (RFC 4180). */
const commaCells = (csv: string): string[][] => parse(csv, { bom: true });

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

/**
 * A value as toCsv must write it, before quoting: an apostrophe in front of every place a
 * reader may start a cell (the value's start, after `;`, a tab or a line break, but not between
 * CR and LF) where FORMULA would match, and nothing else changed.
 */
function neutralised(value: string): string {
  let written = '';
  for (let i = 0; i < value.length; i++) {
    const before = value[i - 1];
    const cellStart =
      i === 0 ||
      before === ';' ||
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
  const csv = toCsv(['name', 'department'], [[HEIKE, 'Haushalt, Finanzen']]);
  t.equal(csv, `\uFEFFname,department\r\n"Heike;'=1+1;'@SUM(1)","Haushalt, Finanzen"\r\n`);
  t.same(rawCells(csv, ';'), [
    'name,department',
    '"Heike',
    "'=1+1",
    `'@SUM(1)","Haushalt, Finanzen"`,
  ]);
  t.equal(toCsv([], [[' =1+1']]), `\uFEFF\r\n' =1+1\r\n`, 'after leading spaces, too');
  t.equal(toCsv([], [['a\t-1']]), `\uFEFF\r\n"a\t'-1"\r\n`, 'and after a tab');
  t.equal(toCsv([], [['x\r\n@A1']]), `\uFEFF\r\n"x\r\n'@A1"\r\n`, 'and after a line break');
  t.equal(toCsv([], [['Meier-Schulze']]), `\uFEFF\r\nMeier-Schulze\r\n`, 'a hyphen inside stays');
});

t.test('every CSV reads back as written, with no formula in any cell (property)', async (t) => {
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  fc.assert(
    fc.property(table(tricky), ([header, rows]) => {
      const csv = toCsv(header, rows);
      const read = commaCells(csv);
      return (
        same(
          read,
          [header, ...rows].map((row) => row.map(neutralised)),
        ) &&
        [read.flat(), rawCells(csv, ';'), rawCells(csv, '\t')].every((cells) =>
          cells.every((cell) => !FORMULA.test(cell)),
        )
      );
    }),
    { numRuns: 2000 },
  );
  t.pass(
    'read with `,`, `;` or tab: no cell is a formula, and apostrophes go only where one began',
  );
  fc.assert(
    fc.property(table(fc.string().map((s) => s.replace(/[=+\-@\t\r]/g, ''))), ([header, rows]) =>
      same(commaCells(toCsv(header, rows)), [header, ...rows]),
    ),
    { numRuns: 300 },
  );
  t.pass('a value without formula characters reads back unchanged');
  fc.assert(
    fc.property(fc.array(tricky, { minLength: 1, maxLength: 6 }), (values) => {
      const csv = toCsv(
        ['value'],
        values.map((value) => [value]),
      );
      return same(parse(csv, { bom: true, delimiter: ';' }), commaCells(csv));
    }),
    { numRuns: 300 },
  );
  t.pass('a one-column file reads the same with `,` or `;` as separator');
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
  t.equal(commaCells(answer.body)[1]?.[0], `Heike;'=1+1;'@SUM(1)`);
  t.same(
    rawCells(answer.body, ';').filter((cell) => FORMULA.test(cell)),
    [],
    'German Excel finds no formula',
  );
});
