import { writeFile } from 'node:fs/promises';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Locale } from '@tandem/plugin-sdk';
import type { Config } from '../config.js';
import { toCsv } from '../csv.js';
import { EXIT_CONFIG, EXIT_DATA, EXIT_USAGE, OperatorError } from '../errors.js';
import type { ImportResult } from '../import-rows.js';
import { ENROLMENT_COLUMNS } from '../modules/enrolment/enrolment-columns.js';
import { importEnrolments } from '../modules/enrolment/enrolment-import.js';
import { organisationSettings } from '../modules/organisation/organisation-settings.js';
import { importPeople, PEOPLE_COLUMNS } from '../modules/users/people-import.js';
import { withDatabase } from './cli-database.js';
import { type CsvFileRows, readCsvFile } from './csv-file.js';
import { programmeArgument } from './programme-argument.js';
import { progressReporter } from './progress.js';

export const IMPORT_USAGE = `Usage: tandem import people <file.csv> [--dry-run] [--report <file>] [--locale de|en]
       tandem import enrolments <programme id or name> <file.csv> [--dry-run] [--report <file>] [--locale de|en]`;

export interface ImportCommandOptions {
  dryRun: boolean;
  /** Where to write the rejected rows as CSV. */
  report?: string | undefined;
  /** Whose Excel the report is for; the organisation's language without. */
  locale?: Locale | undefined;
}

/**
 * `tandem import people|enrolments …`: imports a CSV file, each row with its own outcome;
 * prints how it was read (when not UTF-8) and what became of the rows with the reason for each
 * rejected one, and exits 65 when any was rejected.
 */
export async function importCommand(
  config: Config,
  args: string[],
  options: ImportCommandOptions,
): Promise<void> {
  const { result, locale } = await withDatabase(config, async (orm) => ({
    result: await importFile(config, orm.em, args, options),
    locale: options.locale ?? (await organisationSettings(orm.em.fork())).defaultLocale,
  }));
  console.log(importReport(result, options.dryRun));
  if (options.report) await writeFile(options.report, rejectedCsv(result, locale));
  if (result.counts.rejected > 0) process.exitCode = EXIT_DATA;
}

async function importFile(
  config: Config,
  em: EntityManager,
  args: string[],
  options: ImportCommandOptions,
): Promise<ImportResult> {
  const [what, ...rest] = args;
  if (what === 'people' && rest.length === 1) {
    const issuer = config.oidc?.issuer;
    if (!issuer)
      throw new OperatorError(
        'Set OIDC_ISSUER first: imported people are linked to their sign-in by the identity provider and their subject.',
        EXIT_CONFIG,
      );
    const { rows } = announced(await readCsvFile(rest[0] ?? '', PEOPLE_COLUMNS), rest[0]);
    return importPeople(em, issuer, rows, {
      dryRun: options.dryRun,
      onProgress: progressReporter('people'),
    });
  }
  if (what === 'enrolments' && rest.length === 2) {
    const programme = await programmeArgument(em, rest[0] ?? '');
    const { rows } = announced(await readCsvFile(rest[1] ?? '', ENROLMENT_COLUMNS), rest[1]);
    return importEnrolments(em, programme, rows, {
      dryRun: options.dryRun,
      onProgress: progressReporter('enrolments'),
    });
  }
  throw new OperatorError(IMPORT_USAGE, EXIT_USAGE);
}

/** Says so when the file was not UTF-8, so that the operator knows it was converted. */
function announced(file: CsvFileRows, path: string | undefined): CsvFileRows {
  if (file.encoding !== 'UTF-8')
    console.log(`${path}: read as ${file.encoding} and converted to UTF-8.`);
  return file;
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
export function rejectedCsv(result: ImportResult, locale: Locale): string {
  return toCsv(
    locale === 'de' ? ['Zeile', 'Grund'] : ['row', 'reason'],
    result.rejected.map(({ row, reason }) => [row, reason]),
    locale,
  );
}
