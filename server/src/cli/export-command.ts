import { writeFile } from 'node:fs/promises';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Locale } from '@tandem/plugin-sdk';
import type { Config } from '../config.js';
import { toCsv } from '../csv.js';
import { EXIT_USAGE, OperatorError } from '../errors.js';
import { listAuditEvents } from '../modules/audit/audit-query.js';
import { exportProgrammeEnrolments } from '../modules/enrolment/enrolment-export.js';
import { organisationSettings } from '../modules/organisation/organisation-settings.js';
import { withDatabase } from './cli-database.js';
import { programmeArgument } from './programme-argument.js';

export const EXPORT_USAGE = `Usage: tandem export enrolments <programme id or name> [--out <file.csv>] [--locale de|en]
       tandem export audit [--since <date>] [--out <file.csv>] [--locale de|en]`;

export interface ExportCommandOptions {
  /** The file to write; stdout without. */
  out?: string | undefined;
  /** Audit events at or after this date or time. */
  since?: string | undefined;
  /** Whose Excel the file is for (separator, headings); the organisation's language without. */
  locale?: Locale | undefined;
}

/** `tandem export enrolments|audit …`: a CSV file as the admin pages download it (see toCsv). */
export async function exportCommand(
  config: Config,
  args: string[],
  options: ExportCommandOptions,
): Promise<void> {
  const [what, ...rest] = args;
  const since = options.since === undefined ? undefined : sinceDate(options.since);
  const csv = await withDatabase(config, async (orm) => {
    if (what === 'enrolments' && rest.length === 1) {
      const programme = await programmeArgument(orm.em, rest[0] ?? '');
      return (
        await exportProgrammeEnrolments(orm.em, { locale: options.locale }, programme.id, {
          sort: 'name',
        })
      ).csv;
    }
    if (what === 'audit' && rest.length === 0)
      return auditCsv(
        orm.em,
        since,
        options.locale ?? (await organisationSettings(orm.em.fork())).defaultLocale,
      );
    throw new OperatorError(EXPORT_USAGE, EXIT_USAGE);
  });
  if (options.out) await writeFile(options.out, csv);
  else process.stdout.write(csv);
}

const AUDIT_PAGE = 200;

/** Every audit event since the date, newest first, its data as JSON in one column. */
export async function auditCsv(
  em: EntityManager,
  since: Date | undefined,
  locale: Locale,
): Promise<string> {
  const rows: string[][] = [];
  const from = since?.toISOString();
  for (let offset = 0; ; offset += AUDIT_PAGE) {
    // The operator at the command line reads the log as an admin does.
    const page = await listAuditEvents(
      em,
      { limit: AUDIT_PAGE, offset, ...(from ? { from } : {}) },
      { roles: ['admin'] },
    );
    for (const event of page.events)
      rows.push([
        event.at,
        event.actor?.name ?? '',
        event.action,
        event.targetType ?? '',
        event.targetId ?? '',
        JSON.stringify(event.data),
      ]);
    if (page.events.length < AUDIT_PAGE) break;
  }
  // Names as the audit API has them, in either language: the file is for investigating, not reading.
  return toCsv(['at', 'actor', 'action', 'targetType', 'targetId', 'data'], rows, locale);
}

function sinceDate(text: string): Date {
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00Z` : text);
  if (Number.isNaN(date.getTime()))
    throw new OperatorError(
      `--since must be a date like 2026-01-31 (got ${JSON.stringify(text)})`,
      EXIT_USAGE,
    );
  return date;
}
