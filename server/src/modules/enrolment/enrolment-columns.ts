import type { Locale } from '@tandem/plugin-sdk';
import type { ImportColumns } from '../../import-rows.js';

/**
 * The headings of an enrolment file in each language, by column: the export writes them in the
 * reader's language, the import reads either, so that an export can be imported again.
 */
export const ENROLMENT_HEADINGS = {
  de: {
    name: 'Name',
    email: 'E-Mail',
    department: 'Abteilung',
    title: 'Funktion',
    role: 'Rolle',
    state: 'Status',
    enrolledAt: 'Angemeldet am',
    withdrawnAt: 'Abgemeldet am',
    skillsOffered: 'Bietet an',
    skillsWanted: 'Möchte lernen',
    languages: 'Sprachen',
    matched: 'Gematcht',
    format: 'Format',
    location: 'Ort',
    availability: 'Verfügbarkeit',
  },
  en: {
    name: 'Name',
    email: 'Email',
    department: 'Department',
    title: 'Job title',
    role: 'Role',
    state: 'State',
    enrolledAt: 'Enrolled at',
    withdrawnAt: 'Withdrawn at',
    skillsOffered: 'Offers',
    skillsWanted: 'Wants to learn',
    languages: 'Languages',
    matched: 'Matched',
    format: 'Format',
    location: 'Location',
    availability: 'Availability',
  },
} as const satisfies Record<Locale, Record<string, string>>;

type Column = keyof (typeof ENROLMENT_HEADINGS)['en'];

/** The columns of an export, in order. */
export const ENROLMENT_EXPORT_COLUMNS = [
  'name',
  'email',
  'department',
  'title',
  'role',
  'state',
  'enrolledAt',
  'withdrawnAt',
  'skillsOffered',
  'skillsWanted',
  'languages',
  'matched',
] as const satisfies readonly Column[];

/** The columns an import reads; only `email` is required. */
const READ = [
  'email',
  'role',
  'state',
  'skillsOffered',
  'skillsWanted',
  'languages',
  'format',
  'location',
  'availability',
] as const satisfies readonly Column[];

/** Of an export, what an import passes over: the person's data is theirs, the dates are the run's. */
const IGNORED = [
  'name',
  'department',
  'title',
  'enrolledAt',
  'withdrawnAt',
  'matched',
] as const satisfies readonly Column[];

const both = (column: Column) => [ENROLMENT_HEADINGS.de[column], ENROLMENT_HEADINGS.en[column]];

/** The columns of an enrolment file, under their names or their German or English headings. */
export const ENROLMENT_COLUMNS: ImportColumns = {
  read: Object.fromEntries(READ.map((column) => [column, both(column)])),
  required: ['email'],
  ignored: IGNORED.flatMap(both),
};

/** The words of the role and state columns, in each language. */
export const ENROLMENT_VALUES = {
  de: {
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
