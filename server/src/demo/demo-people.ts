import type { WeeklyWindow } from '@tandem/plugin-sdk';

/**
 * The made-up staff of the demo organisation: a state office with six departments and people
 * from trainees to heads of department, so that reverse mentoring has digital natives and
 * senior leaders to pair, and mystery lunch has departments to cross.
 */
export interface DemoPerson {
  subject: string;
  name: string;
  department: string;
  title: string;
  experienceYears: number;
  locale: 'de' | 'en';
  /** When this person can meet, weekly, in the organisation's time zone. */
  availability: WeeklyWindow[];
}

export const DEMO_DEPARTMENTS = [
  'Zentrale Dienste',
  'IT und Digitalisierung',
  'Bürgerservice',
  'Finanzen',
  'Recht',
  'Presse und Kommunikation',
] as const;

/**
 * Working patterns of a public office. Each shares at least two hours on some weekday with
 * every other, so that matching is free to pair anyone and the planner finds every pair a
 * first meeting, yet the times differ from pair to pair as they would in real calendars.
 */
const PATTERNS = {
  // Full time, free before the lunch break.
  mornings: days([1, 2, 3, 4, 5], '08:00', '12:00'),
  // Flexitime starting late: Monday to Thursday.
  lateShift: days([1, 2, 3, 4], '10:00', '16:00'),
  // Part time, the first half of the week.
  partTimeEarly: days([1, 2, 3], '08:00', '13:00'),
  // Part time, the second half of the week.
  partTimeLate: days([3, 4, 5], '09:00', '14:00'),
  // Trainees and students: at vocational school or university on Wednesdays and Thursdays.
  school: days([1, 2, 5], '09:00', '15:00'),
  // Heads with full diaries: a few fixed gaps between their standing meetings.
  leadership: [
    { weekday: 1, from: '14:00', to: '16:00' },
    { weekday: 2, from: '08:00', to: '10:00' },
    { weekday: 4, from: '10:00', to: '12:00' },
    { weekday: 5, from: '09:00', to: '11:00' },
  ],
} satisfies Record<string, WeeklyWindow[]>;

type Pattern = keyof typeof PATTERNS;

function days(weekdays: number[], from: string, to: string): WeeklyWindow[] {
  return weekdays.map((weekday) => ({ weekday, from, to }));
}

type Row = [
  name: string,
  department: number,
  title: string,
  experienceYears: number,
  availability: Pattern,
  locale?: 'en',
];

// Hierarchy runs from department heads (30+ years) to trainees (first year).
const ROWS: Row[] = [
  ['Dr. Ursula Brandt', 0, 'Abteilungsleiterin', 34, 'leadership'],
  ['Matthias Keller', 0, 'Referatsleiter Personal', 27, 'leadership'],
  ['Sabine Vogt', 0, 'Sachbearbeiterin Personalentwicklung', 18, 'partTimeEarly'],
  ['Jonas Albrecht', 0, 'Auszubildender Verwaltungsfachangestellter', 1, 'school'],
  ['Lea Hoffmann', 0, 'Trainee', 2, 'mornings'],
  ['Klaus-Dieter Wagner', 0, 'Registraturleiter', 38, 'mornings'],
  ['Thomas Schulze', 1, 'Abteilungsleiter', 29, 'leadership'],
  ['Aylin Demir', 1, 'Softwareentwicklerin', 4, 'lateShift'],
  ['Finn Hartmann', 1, 'Dualer Student Informatik', 1, 'school'],
  ['Mia Lorenz', 1, 'Product Ownerin E-Akte', 6, 'partTimeLate'],
  ['Priya Nair', 1, 'Data Scientist', 3, 'lateShift', 'en'],
  ['Bernd Fischer', 1, 'Referent IT-Sicherheit', 21, 'mornings'],
  ['Gabriele Schmitt', 2, 'Abteilungsleiterin', 31, 'leadership'],
  ['Emre Yilmaz', 2, 'Sachbearbeiter Bürgeramt', 5, 'mornings'],
  ['Hannah Becker', 2, 'Auszubildende', 1, 'school'],
  ['Wolfgang Richter', 2, 'Teamleiter Servicecenter', 25, 'lateShift'],
  ['Sophie Neumann', 2, 'Sachbearbeiterin Online-Dienste', 3, 'partTimeEarly'],
  ['Petra Zimmermann', 2, 'Sachbearbeiterin', 22, 'partTimeLate'],
  ['Dr. Stefan Krüger', 3, 'Abteilungsleiter', 33, 'leadership'],
  ['Monika Braun', 3, 'Referatsleiterin Haushalt', 26, 'mornings'],
  ['Lukas Wolf', 3, 'Sachbearbeiter Controlling', 4, 'lateShift'],
  ['Elif Kaya', 3, 'Trainee Finanzen', 2, 'mornings'],
  ['Reinhard Schröder', 3, 'Kassenleiter', 36, 'partTimeEarly'],
  ['Julia Schwarz', 3, 'Sachbearbeiterin Beschaffung', 7, 'partTimeLate'],
  ['Dr. Andrea Lange', 4, 'Abteilungsleiterin', 30, 'leadership'],
  ['Michael Krause', 4, 'Justiziar', 19, 'lateShift'],
  ['Paul Meier', 4, 'Rechtsreferendar', 1, 'partTimeLate'],
  ['Anna Weber', 4, 'Referentin Datenschutz', 5, 'partTimeEarly'],
  ['Heike Schmid', 4, 'Sachbearbeiterin Vergaberecht', 24, 'partTimeLate'],
  ['Noah Peters', 4, 'Werkstudent Legal Tech', 1, 'school'],
  ['Christiane Koch', 5, 'Pressesprecherin', 28, 'leadership'],
  ['Leon Köhler', 5, 'Social-Media-Redakteur', 2, 'lateShift'],
  ['Marie Jung', 5, 'Volontärin', 1, 'mornings'],
  ['Frank Möller', 5, 'Referent Öffentlichkeitsarbeit', 20, 'partTimeEarly'],
  ['Sarah Thompson', 5, 'Content Designer', 4, 'partTimeLate', 'en'],
  ['Yusuf Arslan', 5, 'Mediengestalter Auszubildender', 1, 'school'],
];

export const DEMO_PEOPLE: DemoPerson[] = ROWS.map(
  ([name, department, title, experienceYears, availability, locale], index) => ({
    subject: `demo-${String(index + 1).padStart(2, '0')}`,
    name,
    department: DEMO_DEPARTMENTS[department] ?? DEMO_DEPARTMENTS[0],
    title,
    experienceYears,
    locale: locale ?? 'de',
    availability: PATTERNS[availability],
  }),
);

/** Email address of a demo person: made up, on a reserved domain that delivers nowhere. */
export function demoEmail(name: string): string {
  const local = name
    .replace(/^Dr\. /, '')
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/[^a-z]+/g, '.');
  return `${local}@demo.tandem.example`;
}
