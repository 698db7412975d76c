import { writeFile } from 'node:fs/promises';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../config.js';
import { toCsv } from '../csv.js';
import { EXIT_USAGE, OperatorError } from '../errors.js';
import { listAuditEvents } from '../modules/audit/audit-query.js';
import { exportProgrammeEnrolments } from '../modules/enrolment/enrolment-export.js';
import { withDatabase } from './cli-database.js';
import { programmeArgument } from './programme-argument.js';

export const EXPORT_USAGE = `Usage: tandem export enrolments <programme id or name> [--out <file.csv>]
       tandem export audit [--since <date>] [--out <file.csv>]`;

export interface ExportCommandOptions {
  /** The file to write; stdout without. */
  out?: string | undefined;
  /** Audit events at or after this date or time. */
  since?: string | undefined;
}

/** `tandem export enrolments|audit …`: a CSV file as the admin pages download it. */
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
        await exportProgrammeEnrolments(orm.em, { locale: null }, programme.id, { sort: 'name' })
      ).csv;
    }
    if (what === 'audit' && rest.length === 0) return auditCsv(orm.em, since);
    throw new OperatorError(EXPORT_USAGE, EXIT_USAGE);
  });
  if (options.out) await writeFile(options.out, csv);
  else process.stdout.write(csv);
}

const AUDIT_PAGE = 200;

/** Every audit event since the date, newest first, its data as JSON in one column. */
export async function auditCsv(em: EntityManager, since: Date | undefined): Promise<string> {
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
  return toCsv(['at', 'actor', 'action', 'targetType', 'targetId', 'data'], rows);
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
