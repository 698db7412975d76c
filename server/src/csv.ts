/** Makes Excel read the file as UTF-8, so that umlauts arrive as they were written. */
const BOM = '\uFEFF';

/** A value with any of these is quoted: the separators a spreadsheet may use, quotes, line breaks. */
const NEEDS_QUOTES = /[",;\t\r\n]/;

/**
 * Where a spreadsheet may start a cell inside a value: at its start, and after a `;`, tab or
 * line break. A reader that splits on `;` (Excel set to German) or on tabs ignores quotes that do
 * not open its own cell, so for it `"Heike;=1+1"` is two cells, the second a formula. Such a
 * cell is dangerous when it begins with a tab or carriage return, or when, after any spaces,
 * tabs, line breaks and quotes (an import that trims spaces, a quoted cell), it begins with
 * `=`, `+`, `-` or `@`.
 */
const DANGEROUS_CELL_START = /(?:^|(?<=[;\t\n])|(?<=\r)(?!\n))(?=[\t\r]|[\s"]*[=+\-@])/g;

/**
 * The one writer of every CSV file Tandem produces (admin downloads, CLI exports and reports):
 * RFC 4180 (comma-separated, CRLF line ends, quotes doubled), starting with a UTF-8 byte order
 * mark.
 *
 * A value is quoted when it contains a comma, semicolon, quote, tab or line break, so that a
 * reader splitting on `,` or on `;` keeps it in one cell. Wherever a spreadsheet could start a
 * cell that it would run as a formula (see DANGEROUS_CELL_START), an apostrophe goes in
 * front, so that it shows the text instead (CSV injection: a name like `=HYPERLINK(…)` or
 * `Heike;=1+1` typed into the identity provider). Nothing else of a value changes.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return `${BOM}${[header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}

function csvField(value: string): string {
  const safe = value.replace(DANGEROUS_CELL_START, "'");
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
