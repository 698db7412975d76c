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
}

export const DEMO_DEPARTMENTS = [
  'Zentrale Dienste',
  'IT und Digitalisierung',
  'Bürgerservice',
  'Finanzen',
  'Recht',
  'Presse und Kommunikation',
] as const;

type Row = [
  name: string,
  department: number,
  title: string,
  experienceYears: number,
  locale?: 'en',
];

// Hierarchy runs from department heads (30+ years) to trainees (first year).
const ROWS: Row[] = [
  ['Dr. Ursula Brandt', 0, 'Abteilungsleiterin', 34],
  ['Matthias Keller', 0, 'Referatsleiter Personal', 27],
  ['Sabine Vogt', 0, 'Sachbearbeiterin Personalentwicklung', 18],
  ['Jonas Albrecht', 0, 'Auszubildender Verwaltungsfachangestellter', 1],
  ['Lea Hoffmann', 0, 'Trainee', 2],
  ['Klaus-Dieter Wagner', 0, 'Registraturleiter', 38],
  ['Thomas Schulze', 1, 'Abteilungsleiter', 29],
  ['Aylin Demir', 1, 'Softwareentwicklerin', 4],
  ['Finn Hartmann', 1, 'Dualer Student Informatik', 1],
  ['Mia Lorenz', 1, 'Product Ownerin E-Akte', 6],
  ['Priya Nair', 1, 'Data Scientist', 3, 'en'],
  ['Bernd Fischer', 1, 'Referent IT-Sicherheit', 21],
  ['Gabriele Schmitt', 2, 'Abteilungsleiterin', 31],
  ['Emre Yilmaz', 2, 'Sachbearbeiter Bürgeramt', 5],
  ['Hannah Becker', 2, 'Auszubildende', 1],
  ['Wolfgang Richter', 2, 'Teamleiter Servicecenter', 25],
  ['Sophie Neumann', 2, 'Sachbearbeiterin Online-Dienste', 3],
  ['Petra Zimmermann', 2, 'Sachbearbeiterin', 22],
  ['Dr. Stefan Krüger', 3, 'Abteilungsleiter', 33],
  ['Monika Braun', 3, 'Referatsleiterin Haushalt', 26],
  ['Lukas Wolf', 3, 'Sachbearbeiter Controlling', 4],
  ['Elif Kaya', 3, 'Trainee Finanzen', 2],
  ['Reinhard Schröder', 3, 'Kassenleiter', 36],
  ['Julia Schwarz', 3, 'Sachbearbeiterin Beschaffung', 7],
  ['Dr. Andrea Lange', 4, 'Abteilungsleiterin', 30],
  ['Michael Krause', 4, 'Justiziar', 19],
  ['Paul Meier', 4, 'Rechtsreferendar', 1],
  ['Anna Weber', 4, 'Referentin Datenschutz', 5],
  ['Heike Schmid', 4, 'Sachbearbeiterin Vergaberecht', 24],
  ['Noah Peters', 4, 'Werkstudent Legal Tech', 1],
  ['Christiane Koch', 5, 'Pressesprecherin', 28],
  ['Leon Köhler', 5, 'Social-Media-Redakteur', 2],
  ['Marie Jung', 5, 'Volontärin', 1],
  ['Frank Möller', 5, 'Referent Öffentlichkeitsarbeit', 20],
  ['Sarah Thompson', 5, 'Content Designer', 4, 'en'],
  ['Yusuf Arslan', 5, 'Mediengestalter Auszubildender', 1],
];

export const DEMO_PEOPLE: DemoPerson[] = ROWS.map(
  ([name, department, title, experienceYears, locale], index) => ({
    subject: `demo-${String(index + 1).padStart(2, '0')}`,
    name,
    department: DEMO_DEPARTMENTS[department] ?? DEMO_DEPARTMENTS[0],
    title,
    experienceYears,
    locale: locale ?? 'de',
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
