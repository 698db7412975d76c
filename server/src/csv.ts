import type { Locale } from '@tandem/plugin-sdk';

/** Makes Excel read the file as UTF-8, so that umlauts arrive as they were written. */
const BOM = '\uFEFF';

/**
 * The separator Excel expects when it opens a file by double-click: German Excel splits on `;`
 * (the comma is its decimal mark), English Excel on `,`.
 */
export const CSV_SEPARATOR: Record<Locale, string> = { de: ';', en: ',' };

/** A cell: text, kept as text, or a number meant to be counted with, written as the reader's. */
export type CsvCell = string | number;

/** A value with any of these is quoted: the separators a spreadsheet may use, quotes, line breaks. */
const NEEDS_QUOTES = /[",;\t\r\n]/;

/**
 * Where a spreadsheet may start a cell inside a value: at its start, and after a `;`, `,`, tab
 * or line break. A reader that splits on another separator than the file's (English Excel opening
 * a German file, German Excel an English one) or on tabs ignores quotes that do not open its own
 * cell, so for it `"Heike;=1+1"` is two cells, the second a formula. Such a
 * cell is dangerous when it begins with a tab or carriage return, or when, after any spaces,
 * tabs, line breaks and quotes (an import that trims spaces, a quoted cell), it begins with
 * `=`, `+`, `-` or `@`.
 */
const DANGEROUS_CELL_START = /(?:^|(?<=[;,\t\n])|(?<=\r)(?!\n))(?=[\t\r]|[\s"]*[=+\-@])/g;

/**
 * Values Excel would not keep as typed: numbers with their marks (`007` loses its zeros,
 * `12345678901234567` its last digits, `3,5` and `50%` become numbers, `+49 30 1234` a formula),
 * ranges, dates and times (`6-10`, `1/2`, `2026-01-31`, `9:00`), dates with a month's name
 * (`5-Mar`, `Sep 2`, `1. Mai`) and the words Excel reads as true or false. Only digits, spaces,
 * these marks and month names can match: no quote, separator or line break, and nothing a
 * formula could call.
 */
const EXCEL_WOULD_CONVERT = [
  /^[-+ .,:/%()€$£]*\d[-+ \d.,:/%()€$£]*(?:[eE][-+]?\d+)?(?: ?[aApP]\.?[mM]\.?)?$/,
  /^\d{1,4}[-/. ]{1,2}(?:jan|feb|m[aä]r|apr|ma[iy]|jun|jul|aug|sep|o[ck]t|nov|de[cz])[a-zä]{0,6}\.?(?:[-/. ]{1,2}\d{1,4})?$/i,
  /^(?:jan|feb|m[aä]r|apr|ma[iy]|jun|jul|aug|sep|o[ck]t|nov|de[cz])[a-zä]{0,6}\.?[-/. ]{1,2}\d{1,4}$/i,
  /^(?:true|false|wahr|falsch)$/i,
];

/**
 * The one writer of every CSV file Tandem produces (admin downloads, CLI exports and reports),
 * for the reader's Excel: German with `;` between cells, English with `,`; both with a UTF-8
 * byte order mark and CRLF line ends, quotes doubled (RFC 4180 apart from the separator).
 *
 * A text Excel would change on opening (see EXCEL_WOULD_CONVERT) is written as the formula
 * `="6-10"`, which Excel shows as the text itself; {@link readCsvText} reads it back as it was.
 * A value is quoted when it contains a comma, semicolon, quote, tab or line break, so that a
 * reader splitting on `,` or on `;` keeps it in one cell. Wherever a spreadsheet could start a
 * cell that it would run as a formula (see DANGEROUS_CELL_START), an apostrophe goes in front,
 * so that it shows the text instead (CSV injection: a name like `=HYPERLINK(…)` or
 * `Heike;=1+1` typed into the identity provider). Numbers are written with the reader's
 * decimal mark (`3,5` in German), so that Excel counts with them.
 */
export function toCsv(
  header: readonly string[],
  rows: readonly (readonly CsvCell[])[],
  locale: Locale,
): string {
  const separator = CSV_SEPARATOR[locale];
  const line = (row: readonly CsvCell[]) =>
    row.map((cell) => csvField(cell, locale)).join(separator);
  return `${BOM}${[header, ...rows].map(line).join('\r\n')}\r\n`;
}

function csvField(value: CsvCell, locale: Locale): string {
  const text = typeof value === 'number' ? numberText(value, locale) : safeText(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function numberText(value: number, locale: Locale): string {
  const text = String(value);
  return locale === 'de' ? text.replace('.', ',') : text;
}

/** Inside a value, where a reader splitting on `,` would start a cell with a sign. */
const SIGN_AFTER_COMMA = /, *[-+]/;

function safeText(value: string): string {
  if (EXCEL_WOULD_CONVERT.some((pattern) => pattern.test(value)) && !SIGN_AFTER_COMMA.test(value))
    return `="${value}"`;
  return value.replace(DANGEROUS_CELL_START, "'");
}

/** A cell written as the text formula `="…"` (its quotes doubled inside). */
const TEXT_FORMULA = /^="((?:[^"]|"")*)"$/s;

/** What toCsv put before a cell that begins like a formula, at the cell's start. */
const NEUTRALISED_START = /^'(?=[\t\r]|[\s"]*[=+\-@])/;

/**
 * A cell of a file read back as the person meant it: `="6-10"` (how toCsv keeps text as text)
 * is `6-10`, and the apostrophe toCsv put before `=1+1` goes. Excel saving such a file writes
 * what it showed, which needs no undoing.
 */
export function readCsvText(cell: string): string {
  const formula = TEXT_FORMULA.exec(cell);
  if (formula) return (formula[1] ?? '').replaceAll('""', '"');
  return cell.replace(NEUTRALISED_START, '');
}
