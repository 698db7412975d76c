/** Makes Excel read the file as UTF-8, so that umlauts arrive as they were written. */
const BOM = '\uFEFF';

/**
 * A CSV file as RFC 4180 has it (comma-separated, CRLF line ends, a field with a comma, quote
 * or line break in double quotes, quotes doubled), starting with a UTF-8 byte order mark.
 *
 * A cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading
 * apostrophe, so that a spreadsheet shows it as text instead of running it as a formula
 * (CSV injection: a name like `=HYPERLINK(…)` typed into the identity provider).
 */
export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return `${BOM}${[header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}

function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
