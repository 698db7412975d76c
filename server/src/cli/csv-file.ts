import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { readCsvText } from '../csv.js';
import { EXIT_DATA, EXIT_NO_INPUT, OperatorError } from '../errors.js';
import { columnKey, type ImportColumns, type ImportRow } from '../import-rows.js';

/** How a file's bytes were read: UTF-8 as Tandem writes it, or what Excel saves otherwise. */
export type CsvEncoding = 'UTF-8' | 'UTF-16' | 'Windows-1252';

export interface CsvFileRows {
  rows: ImportRow[];
  encoding: CsvEncoding;
}

/**
 * Reads a CSV file as spreadsheets write it: UTF-8 with or without a byte order mark, UTF-16
 * with one (Excel's "Unicode text"), or else Windows-1252 (German Excel's plain "CSV"), which
 * is converted; fields separated by commas or (German Excel) semicolons, whichever the header
 * line uses; quoted fields with line breaks; cells Tandem's export kept as text (`="6-10"`)
 * read back as they were. The header names the columns, in German or English as the export
 * writes them, or by their names, in any case and with spaces or underscores (`Skills offered`).
 *
 * @throws OperatorError for a file that cannot be read, is in no encoding named above (rather
 *   than storing replacement characters), does not parse or has the wrong columns.
 */
export async function readCsvFile(path: string, columns: ImportColumns): Promise<CsvFileRows> {
  const bytes = await readFile(path).catch((error: NodeJS.ErrnoException) => {
    throw new OperatorError(`Cannot read ${path}: ${error.message}`, EXIT_NO_INPUT);
  });
  const { text, encoding } = decode(path, bytes);
  let records: string[][];
  try {
    records = parse(text, {
      delimiter: delimiterOf(text),
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    });
  } catch (error) {
    throw new OperatorError(`${path} is not a CSV file: ${(error as Error).message}`, EXIT_DATA);
  }
  const [header = [], ...body] = records;
  const keys = columnKeys(path, header, columns);
  // Numbered as a spreadsheet shows them: the header is row 1, and a cell with a line break
  // stays in its row.
  const rows = body.map((record, index) => ({
    row: index + 2,
    fields: Object.fromEntries(
      keys.flatMap((key, column) =>
        key === undefined ? [] : [[key, readCsvText(record[column] ?? '')]],
      ),
    ),
  }));
  return { rows, encoding };
}

/** Bytes that are no character in Windows-1252, and control characters no CSV file holds. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are what the check looks for.
const NOT_TEXT = /[\0-\x08\x0B\x0C\x0E-\x1F\x7F\x81\x8D\x8F\x90\x9D\uFFFD]/;

/** `Ã¼` and the like: the UTF-8 of an umlaut, in a file that is not UTF-8 as a whole. */
const UTF8_UMLAUT = /\xC3[\x80-\xBF]/;

function decode(path: string, bytes: Buffer): { text: string; encoding: CsvEncoding } {
  const utf16 = utf16Of(bytes);
  const decoded = utf16
    ? { text: new TextDecoder(utf16, { fatal: true }).decode(bytes), encoding: 'UTF-16' as const }
    : utf8OrWindows1252(bytes);
  const bad = NOT_TEXT.exec(decoded.text);
  if (bad) {
    const what = bad[0] === '\uFFFD' ? 'replacement characters (�)' : 'bytes that are no text';
    throw new OperatorError(
      `${path} is neither UTF-8 nor Windows-1252: read as ${decoded.encoding} it holds ${what}. ${SAVE_AS_UTF8}`,
      EXIT_DATA,
    );
  }
  if (decoded.encoding === 'Windows-1252' && UTF8_UMLAUT.test(bytes.toString('latin1')))
    throw new OperatorError(
      `${path} mixes UTF-8 and Windows-1252: it is not UTF-8 throughout, yet holds umlauts written as UTF-8. ${SAVE_AS_UTF8}`,
      EXIT_DATA,
    );
  return decoded;
}

const SAVE_AS_UTF8 =
  'Open it in Excel, save it as "CSV UTF-8 (durch Trennzeichen getrennt)" and import it again.';

function utf16Of(bytes: Buffer): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

function utf8OrWindows1252(bytes: Buffer): { text: string; encoding: CsvEncoding } {
  try {
    // Drops a byte order mark; fails on the first byte that is not UTF-8.
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'Windows-1252' };
  }
}

/** `;` when the header line has more semicolons than commas, as German Excel writes. */
function delimiterOf(text: string): string {
  const header = text.split(/\r?\n/, 1)[0] ?? '';
  const count = (c: string) => header.split(c).length - 1;
  return count(';') > count(',') ? ';' : ',';
}

/** For each heading, the column it names (as {@link columnKey}), or undefined for one passed over. */
function columnKeys(
  path: string,
  header: string[],
  columns: ImportColumns,
): (string | undefined)[] {
  const byHeading = new Map<string, string | null>();
  for (const heading of columns.ignored ?? []) byHeading.set(columnKey(heading), null);
  for (const [column, headings] of Object.entries(columns.read))
    for (const heading of [column, ...headings])
      byHeading.set(columnKey(heading), columnKey(column));
  const keys = header.map((heading) => byHeading.get(columnKey(heading)));
  const unknown = header.filter((_, i) => keys[i] === undefined);
  const missing = columns.required.filter((column) => !keys.includes(columnKey(column)));
  const expected = `columns: ${Object.keys(columns.read).join(', ')} (${columns.required.join(', ')} required)`;
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
  return keys.map((key) => key ?? undefined);
}
