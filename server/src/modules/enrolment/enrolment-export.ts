import type { EntityManager } from '@mikro-orm/postgresql';
import type { Locale } from '@tandem/plugin-sdk';
import { DateTime } from 'luxon';
import { toCsv } from '../../csv.js';
import { recordAudit } from '../audit/audit-log.js';
import { organisationSettings } from '../organisation/organisation-settings.js';
import type { User } from '../users/user.js';
import type { EnrolmentExportFilter, EnrolmentRow } from './enrolment-schemas.js';
import { allProgrammeEnrolments } from './enrolment-table.js';

/** A programme's enrolments as a spreadsheet file. */
export interface EnrolmentExport {
  /** ASCII only: `enrolments-<programme name as a slug, or its id>.csv`. */
  filename: string;
  csv: string;
  rows: number;
}

const TEXTS = {
  de: {
    header: [
      'Name',
      'E-Mail',
      'Abteilung',
      'Funktion',
      'Rolle',
      'Status',
      'Angemeldet am',
      'Abgemeldet am',
      'Bietet an',
      'Möchte lernen',
      'Sprachen',
      'Gematcht',
    ],
    role: { mentor: 'Mentor:in', mentee: 'Mentee', either: 'beides' },
    state: {
      active: 'aktiv',
      'awaiting-approval': 'wartet auf Zustimmung',
      waitlisted: 'Warteliste',
      withdrawn: 'abgemeldet',
      declined: 'abgelehnt',
      expired: 'abgelaufen',
    },
    yes: 'ja',
    no: 'nein',
  },
  en: {
    header: [
      'Name',
      'Email',
      'Department',
      'Job title',
      'Role',
      'State',
      'Enrolled at',
      'Withdrawn at',
      'Offers',
      'Wants to learn',
      'Languages',
      'Matched',
    ],
    role: { mentor: 'mentor', mentee: 'mentee', either: 'either' },
    state: {
      active: 'active',
      'awaiting-approval': 'awaiting approval',
      waitlisted: 'waitlisted',
      withdrawn: 'withdrawn',
      declined: 'declined',
      expired: 'expired',
    },
    yes: 'yes',
    no: 'no',
  },
} as const;

/** Who exports: a signed-in admin, or an operator on the command line (no id, no locale). */
export type Exporter = { id?: string | undefined; locale: User['locale'] };

/**
 * Every enrolment of a programme that fits the filter, as CSV for Excel: headings and values in
 * the admin's language (else the organisation's), times in the organisation's time zone.
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
  const texts = TEXTS[(admin.locale ?? defaultLocale) satisfies Locale];
  const time = (iso: string | null) =>
    iso ? DateTime.fromISO(iso, { zone: timeZone }).toFormat('yyyy-MM-dd HH:mm') : '';
  const csv = toCsv(
    texts.header,
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
