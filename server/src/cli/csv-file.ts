import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { EXIT_DATA, EXIT_NO_INPUT, OperatorError } from '../errors.js';
import { columnKey, type ImportRow } from '../import-rows.js';

/**
 * Reads a CSV file as spreadsheets write it: UTF-8 with or without a byte order mark, fields
 * separated by commas or (German Excel) semicolons, whichever the header line uses, quoted
 * fields with line breaks. The header names the columns; they must be among `columns` and
 * include `required`, in any case and with spaces or underscores (`Skills offered`).
 *
 * @throws OperatorError for a file that cannot be read, does not parse or has the wrong columns.
 */
export async function readCsvFile(
  path: string,
  columns: readonly string[],
  required: readonly string[],
): Promise<ImportRow[]> {
  const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new OperatorError(`Cannot read ${path}: ${error.message}`, EXIT_NO_INPUT);
  });
  let records: string[][];
  try {
    records = parse(text, {
      bom: true,
      delimiter: delimiterOf(text),
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    });
  } catch (error) {
    throw new OperatorError(`${path} is not a CSV file: ${(error as Error).message}`, EXIT_DATA);
  }
  const [header = [], ...body] = records;
  const keys = header.map(columnKey);
  checkColumns(path, header, keys, columns, required);
  // Numbered as a spreadsheet shows them: the header is row 1, and a cell with a line break
  // stays in its row.
  return body.map((record, index) => ({
    row: index + 2,
    fields: Object.fromEntries(keys.map((key, column) => [key, record[column] ?? ''])),
  }));
}

/** `;` when the header line has more semicolons than commas, as German Excel writes. */
function delimiterOf(text: string): string {
  const header = text.split(/\r?\n/, 1)[0] ?? '';
  const count = (c: string) => header.split(c).length - 1;
  return count(';') > count(',') ? ';' : ',';
}

function checkColumns(
  path: string,
  header: string[],
  keys: string[],
  columns: readonly string[],
  required: readonly string[],
): void {
  const known = new Set(columns.map(columnKey));
  const unknown = header.filter((_, i) => !known.has(keys[i] ?? ''));
  const missing = required.filter((column) => !keys.includes(columnKey(column)));
  const expected = `columns: ${columns.join(', ')} (${required.join(', ')} required)`;
  if (missing.length)
    throw new OperatorError(
      `${path} lacks the column ${missing.join(', ')}; ${expected}`,
      EXIT_DATA,
    );
  if (unknown.length)
    throw new OperatorError(
      `${path} has the unknown column ${unknown.join(', ')}; ${expected}`,
      EXIT_DATA,
    );
}
