import type { EntityManager } from '@mikro-orm/postgresql';
import type { Locale } from '@tandem/plugin-sdk';
import { DateTime } from 'luxon';
import { toCsv } from '../../csv.js';
import { recordAudit } from '../audit/audit-log.js';
import { organisationSettings } from '../organisation/organisation-settings.js';
import type { User } from '../users/user.js';
import {
  ENROLMENT_EXPORT_COLUMNS,
  ENROLMENT_HEADINGS,
  ENROLMENT_VALUES,
} from './enrolment-columns.js';
import type { EnrolmentExportFilter, EnrolmentRow } from './enrolment-schemas.js';
import { allProgrammeEnrolments } from './enrolment-table.js';

/** A programme's enrolments as a spreadsheet file. */
export interface EnrolmentExport {
  /** ASCII only: `enrolments-<programme name as a slug, or its id>.csv`. */
  filename: string;
  csv: string;
  rows: number;
}

/**
 * Who exports: a signed-in admin (their language, else their browser's), or an operator on the
 * command line (no id; `--locale`). Without a locale, the organisation's language.
 */
export type Exporter = { id?: string | undefined; locale: User['locale'] | undefined };

/**
 * Every enrolment of a programme that fits the filter, as CSV for the exporter's Excel (see
 * toCsv): headings and values in their language, times in the organisation's time zone.
 * Audited with the row count.
 *
 * @throws ServiceError not-found for an unknown programme.
 */
export async function exportProgrammeEnrolments(
  em: EntityManager,
  admin: Exporter,
  programmeId: string,
  filter: EnrolmentExportFilter,
): Promise<EnrolmentExport> {
  const { programme, rows } = await allProgrammeEnrolments(em, programmeId, filter);
  const { timeZone, defaultLocale } = await organisationSettings(em.fork());
  const locale: Locale = admin.locale ?? defaultLocale;
  const texts = ENROLMENT_VALUES[locale];
  const time = (iso: string | null) =>
    iso ? DateTime.fromISO(iso, { zone: timeZone }).toFormat('yyyy-MM-dd HH:mm') : '';
  const csv = toCsv(
    ENROLMENT_EXPORT_COLUMNS.map((column) => ENROLMENT_HEADINGS[locale][column]),
    rows.map((row: EnrolmentRow) => [
      row.name,
      row.email ?? '',
      row.department ?? '',
      row.title ?? '',
      texts.role[row.role],
      texts.state[row.state],
      time(row.enrolledAt),
      time(row.withdrawnAt),
      row.skillsOffered.join(', '),
      row.skillsWanted.join(', '),
      row.languages.join(', '),
      row.matched ? texts.yes : texts.no,
    ]),
    locale,
  );
  await recordAudit(em, {
    action: 'programme.enrolments-exported',
    actorId: admin.id,
    targetType: 'programme',
    targetId: programme.id,
    data: { rows: rows.length, filter, ...(admin.id ? {} : { via: 'cli' }) },
  });
  return {
    filename: `enrolments-${slug(programme.name) || programme.id}.csv`,
    csv,
    rows: rows.length,
  };
}

/** `Digital im Dienst – Süd` → `digital-im-dienst-sued`: safe in a header and a file system. */
function slug(name: string): string {
  return name
    .toLowerCase()
    .replace(/[äöü]/g, (c) => ({ ä: 'ae', ö: 'oe', ü: 'ue' })[c] ?? c)
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}
