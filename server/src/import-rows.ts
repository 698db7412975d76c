import { ServiceError } from './service-error.js';

/** One data row of an imported file: its row number as a spreadsheet shows it, and its cells. */
export interface ImportRow {
  /** 2 for the first row after the header. */
  row: number;
  /** Cells by normalised column name (see {@link columnKey}). */
  fields: Record<string, string>;
}

/** The columns an import reads from a file's header line. */
export interface ImportColumns {
  /** Each column by its name, with the other headings it may have (German, English). */
  read: Readonly<Record<string, readonly string[]>>;
  /** The columns a file must have. */
  required: readonly string[];
  /** Headings an export writes that the import passes over (a name, a date). */
  ignored?: readonly string[];
}

export type RowOutcome = 'created' | 'updated' | 'unchanged' | 'rejected';

export interface ImportResult {
  counts: Record<RowOutcome, number>;
  /** Every rejected row with the reason, in file order. */
  rejected: { row: number; reason: string }[];
}

/** A row that cannot be imported; the message is the reason shown in the report. */
export class RowRejected extends Error {
  override readonly name = 'RowRejected';
}

export interface ImportEachOptions {
  /** The identity of a row's subject (an email, a subject): a later row with the same is a duplicate. */
  key(row: ImportRow): string | undefined;
  /** Called after each row with the number of rows done. */
  onProgress?: ((done: number, total: number) => void) | undefined;
  /**
   * Rows handled `size` at a time: `begin` before the first row of each batch (to look up what
   * the batch's rows refer to in one query), `end` after its last (to save them in one flush).
   */
  batches?: ImportBatches | undefined;
}

export interface ImportBatches {
  size: number;
  begin(rows: readonly ImportRow[]): Promise<void>;
  end(): Promise<void>;
}

/**
 * Imports rows one by one: a row that fails validation (RowRejected or a 4xx ServiceError) is
 * recorded with its reason and the next one goes on; anything else stops the import (with
 * `batches`, the rows of the batch it stopped in are not saved).
 */
export async function importEach(
  rows: readonly ImportRow[],
  handle: (row: ImportRow) => Promise<Exclude<RowOutcome, 'rejected'>>,
  options: ImportEachOptions,
): Promise<ImportResult> {
  const result: ImportResult = {
    counts: { created: 0, updated: 0, unchanged: 0, rejected: 0 },
    rejected: [],
  };
  const seen = new Map<string, number>();
  const { batches } = options;
  for (const [index, row] of rows.entries()) {
    if (batches && index % batches.size === 0)
      await batches.begin(rows.slice(index, index + batches.size));
    const key = options.key(row);
    const earlier = key === undefined ? undefined : seen.get(key);
    try {
      if (earlier !== undefined) throw new RowRejected(`the same person as row ${earlier}`);
      if (key !== undefined) seen.set(key, row.row);
      result.counts[await handle(row)]++;
    } catch (error) {
      if (!(error instanceof RowRejected || error instanceof ServiceError)) throw error;
      result.counts.rejected++;
      result.rejected.push({ row: row.row, reason: error.message });
    }
    if (batches && (index % batches.size === batches.size - 1 || index === rows.length - 1))
      await batches.end();
    options.onProgress?.(index + 1, rows.length);
  }
  return result;
}

/** `Skills offered`, `skills_offered` and `skillsOffered` all name the column `skillsoffered`. */
export function columnKey(header: string): string {
  return header.toLowerCase().replace(/[\s_-]+/g, '');
}

/** A cell's trimmed text, or undefined when empty. */
export function cell(row: ImportRow, column: string): string | undefined {
  const value = row.fields[columnKey(column)]?.trim();
  return value ? value : undefined;
}

/** A list in one cell: values separated by commas, semicolons or line breaks. */
export function listCell(row: ImportRow, column: string): string[] {
  return [
    ...new Set(
      (cell(row, column) ?? '')
        .split(/[,;\n]/)
        .map((v) => v.trim())
        .filter(Boolean),
    ),
  ];
}

/** The same check as the configuration's email format: something@domain.tld, no spaces. */
export function isEmailAddress(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);
}
