import { writeFile } from 'node:fs/promises';
import type { Config } from '../config.js';
import { toCsv } from '../csv.js';
import { EXIT_CONFIG, EXIT_DATA, EXIT_USAGE, OperatorError } from '../errors.js';
import type { ImportResult } from '../import-rows.js';
import { ENROLMENT_COLUMNS, importEnrolments } from '../modules/enrolment/enrolment-import.js';
import { importPeople, PEOPLE_COLUMNS } from '../modules/users/people-import.js';
import { withDatabase } from './cli-database.js';
import { readCsvFile } from './csv-file.js';
import { programmeArgument } from './programme-argument.js';
import { progressReporter } from './progress.js';

export const IMPORT_USAGE = `Usage: tandem import people <file.csv> [--dry-run] [--report <file>]
       tandem import enrolments <programme id or name> <file.csv> [--dry-run] [--report <file>]`;

export interface ImportCommandOptions {
  dryRun: boolean;
  /** Where to write the rejected rows as CSV. */
  report?: string | undefined;
}

/**
 * `tandem import people|enrolments …`: imports a CSV file row by row, prints what became of
 * the rows with the reason for each rejected one, and exits 65 when any was rejected.
 */
export async function importCommand(
  config: Config,
  args: string[],
  options: ImportCommandOptions,
): Promise<void> {
  const [what, ...rest] = args;
  const result = await withDatabase(config, async (orm) => {
    if (what === 'people' && rest.length === 1) {
      const issuer = config.oidc?.issuer;
      if (!issuer)
        throw new OperatorError(
          'Set OIDC_ISSUER first: imported people are linked to their sign-in by the identity provider and their subject.',
          EXIT_CONFIG,
        );
      const rows = await readCsvFile(rest[0] ?? '', PEOPLE_COLUMNS, ['subject', 'name']);
      return importPeople(orm.em, issuer, rows, {
        dryRun: options.dryRun,
        onProgress: progressReporter('people'),
      });
    }
    if (what === 'enrolments' && rest.length === 2) {
      const programme = await programmeArgument(orm.em, rest[0] ?? '');
      const rows = await readCsvFile(rest[1] ?? '', ENROLMENT_COLUMNS, ['email']);
      return importEnrolments(orm.em, programme, rows, {
        dryRun: options.dryRun,
        onProgress: progressReporter('enrolments'),
      });
    }
    throw new OperatorError(IMPORT_USAGE, EXIT_USAGE);
  });
  console.log(importReport(result, options.dryRun));
  if (options.report) await writeFile(options.report, rejectedCsv(result));
  if (result.counts.rejected > 0) process.exitCode = EXIT_DATA;
}

/** The summary an operator reads: counts, then each rejected row with its reason. */
export function importReport(result: ImportResult, dryRun: boolean): string {
  const { created, updated, unchanged, rejected } = result.counts;
  const verb = dryRun ? 'would be ' : '';
  const lines = [
    `${dryRun ? 'Dry run, nothing saved: ' : ''}${created} ${verb}created, ${updated} ${verb}updated, ${unchanged} unchanged, ${rejected} rejected.`,
    ...result.rejected.map(({ row, reason }) => `  row ${row}: ${reason}`),
  ];
  return lines.join('\n');
}

/** The rejected rows for a spreadsheet, to fix them and import the file again. */
export function rejectedCsv(result: ImportResult): string {
  return toCsv(
    ['row', 'reason'],
    result.rejected.map(({ row, reason }) => [String(row), reason]),
  );
}
