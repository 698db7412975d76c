import type { EntityManager } from '@mikro-orm/postgresql';
import type { ProgrammeDefaults } from '@tandem/plugin-sdk';
import { AuditEvent } from '../modules/audit/audit-event.js';
import { Enrolment } from '../modules/enrolment/enrolment.js';
import { ORGANISATION_ID, Organisation } from '../modules/organisation/organisation.js';
import { Programme } from '../modules/programmes/programme.js';
import { defaultSettings } from '../modules/programmes/programme-settings.js';
import { User } from '../modules/users/user.js';
import { DEMO_PEOPLE, type DemoPerson, demoEmail } from './demo-people.js';

/** Issuer of the demo people; the demo identity provider signs them in under this name. */
export const DEMO_ISSUER = 'urn:tandem:demo';

const DIGITAL_SKILLS = [
  'collaboration-tools',
  'video-meetings',
  'e-file',
  'social-media',
  'ai-assistants',
  'data-literacy',
  'it-security',
  'agile-methods',
] as const;

/** The demo tells people in the app and by email, which demo mode delivers to its own mailbox. */
const DEMO_CHANNELS = ['in-app', 'email'];

/** Lock key so that two processes starting with --demo at once seed only once. */
const SEED_LOCK = 7_310_002;

/** A curriculum's defaults, from its plugin; undefined while the plugin is not loaded. */
export type CurriculumDefaults = (curriculum: string) => ProgrammeDefaults | undefined;

/**
 * Seeds the demo organisation, its people and three programmes, in one transaction and only
 * into a database that has no organisation yet. Returns what it created, or undefined when the
 * database already had an organisation (demo or real) and nothing was touched.
 *
 * @param defaultsOf gives each programme its curriculum's figures (sessions, cadence, length),
 *   as a programme an admin creates has them; without it they are left to the fallbacks.
 */
export async function seedDemo(
  em: EntityManager,
  defaultsOf: CurriculumDefaults = () => undefined,
): Promise<{ people: number; programmes: number } | undefined> {
  const settings = (curriculum: string, chosen: Record<string, unknown>) => {
    const defaults = defaultsOf(curriculum);
    return defaults ? { ...defaultSettings(defaults), ...chosen } : chosen;
  };
  return em.transactional(async (tx) => {
    await tx.execute('SELECT pg_advisory_xact_lock(?)', [SEED_LOCK]);
    if (await tx.count(Organisation, { id: ORGANISATION_ID })) return undefined;

    tx.create(Organisation, {
      id: ORGANISATION_ID,
      name: 'Landesamt für Digitales (Demo)',
      demo: true,
    });
    const people = DEMO_PEOPLE.map((person) => tx.create(User, demoUser(person)));
    giveManagers(people);
    const admin = people[1];
    const programmes = [
      tx.create(Programme, {
        name: 'Digital fit: Reverse Mentoring 2027',
        description:
          'Nachwuchskräfte zeigen Führungskräften digitale Werkzeuge und Arbeitsweisen: ein halbes Jahr, alle zwei Wochen ein Treffen.',
        kind: 'reverse-mentoring',
        state: 'enrolment',
        curriculum: 'half-year',
        matchingStrategy: 'weighted',
        createdBy: admin,
        settings: settings('half-year', {
          channels: DEMO_CHANNELS,
          // Hybrid, as most agencies run it: a room for those on site, a video room for the rest,
          // so that every invitation says where.
          room: 'Besprechungsraum 2.14, Dienstgebäude Mitte',
          meetingLinkTemplate: 'https://meet.demo.tandem.example/tandem-{meeting}',
          goals: [
            'Digitale Kompetenz der Führungsebene stärken',
            'Austausch zwischen den Generationen',
          ],
        }),
      }),
      tx.create(Programme, {
        name: 'Mystery Lunch',
        description: 'Jeden Monat ein Mittagessen mit jemandem aus einer anderen Abteilung.',
        kind: 'peer-lunch',
        state: 'running',
        curriculum: 'lunch-rounds',
        matchingStrategy: 'lunch',
        createdBy: admin,
        settings: settings('lunch-rounds', {
          channels: DEMO_CHANNELS,
          budget: 'Essensgutschein 15 €',
        }),
      }),
      tx.create(Programme, {
        name: 'Q&A-Schnellstart: KI im Arbeitsalltag',
        description: 'Drei Fragestunden zu KI-Assistenten, von Digital Natives für Führungskräfte.',
        kind: 'reverse-mentoring',
        state: 'draft',
        curriculum: 'qa-quickstart',
        matchingStrategy: 'weighted',
        createdBy: admin,
        // Enrolling asks the line manager first, so that the demo shows the approval.
        settings: settings('qa-quickstart', { channels: DEMO_CHANNELS, managerApproval: true }),
      }),
    ];
    const [reverse, lunch] = programmes;

    DEMO_PEOPLE.forEach((person, index) => {
      const user = people[index];
      if (!user || !reverse || !lunch) return;
      const role = reverseRole(person);
      if (role) tx.create(Enrolment, reverseEnrolment(reverse, user, person, role, index));
      if (index % 3 !== 2) {
        tx.create(Enrolment, {
          programme: lunch,
          user,
          role: 'either',
          experienceYears: person.experienceYears,
          profile: { languages: [person.locale], format: 'on-site' },
        });
      }
    });
    tx.create(AuditEvent, {
      action: 'demo.seeded',
      targetType: 'organisation',
      targetId: String(ORGANISATION_ID),
      data: { people: people.length, programmes: programmes.length },
    });
    return { people: people.length, programmes: programmes.length };
  });
}

/**
 * Each department's head (the first of it in DEMO_PEOPLE) is the line manager of everyone else
 * in it, as the directory would say: approvals have someone to ask, and reporting lines keep
 * heads from being paired with their own staff.
 */
function giveManagers(people: User[]): void {
  const heads = new Map<string, User>();
  for (const user of people) {
    const head = heads.get(user.department ?? '');
    if (head) user.manager = head;
    else heads.set(user.department ?? '', user);
  }
}

function demoUser(person: DemoPerson) {
  return {
    issuer: DEMO_ISSUER,
    subject: person.subject,
    name: person.name,
    email: demoEmail(person.name),
    department: person.department,
    title: person.title,
    // One HR admin, so that the admin pages have someone to show them.
    roles: person.subject === 'demo-02' ? ['admin'] : [],
    locale: person.locale,
  };
}

/** Digital natives mentor, senior leaders are mentored; the middle stays out of this round. */
export function reverseRole(person: DemoPerson): 'mentor' | 'mentee' | undefined {
  if (person.experienceYears <= 6) return 'mentor';
  if (person.experienceYears >= 18) return 'mentee';
  return undefined;
}

function reverseEnrolment(
  programme: Programme,
  user: User,
  person: DemoPerson,
  role: 'mentor' | 'mentee',
  index: number,
) {
  const skills = [0, 3, 5].map(
    (offset) => DIGITAL_SKILLS[(index + offset) % DIGITAL_SKILLS.length],
  );
  return {
    programme,
    user,
    role,
    experienceYears: person.experienceYears,
    profile: {
      skillsOffered: role === 'mentor' ? skills : [],
      skillsWanted: role === 'mentee' ? skills : [],
      languages: [person.locale],
      format: index % 2 === 0 ? 'on-site' : 'remote',
      availability: person.availability,
      // What a senior manager wants to be able to do at the end: the pair's first goals.
      goals: role === 'mentee' ? menteeGoals(person, index) : [],
    },
  };
}

const MENTEE_GOALS = {
  de: [
    'Eine Videokonferenz selbst leiten',
    'Mit der E-Akte sicher arbeiten',
    'KI-Assistenten im Arbeitsalltag ausprobieren',
    'Dokumente barrierefrei erstellen',
  ],
  en: [
    'Lead a video conference myself',
    'Work with the e-file with confidence',
    'Try AI assistants in everyday work',
    'Make documents accessible',
  ],
};

/** Two goals in the person's language, different from one mentee to the next. */
function menteeGoals(person: DemoPerson, index: number): string[] {
  const goals = MENTEE_GOALS[person.locale];
  return [0, 1].map((offset) => goals[(index + offset) % goals.length] as string);
}
