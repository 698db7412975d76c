import type { MatchCandidate, ProgrammeKind } from '@tandem/plugin-sdk';
import {
  DEPARTMENTS,
  DIGITAL_SKILLS,
  GOAL_FOR_SKILL,
  JUNIOR_TITLES,
  LOCATIONS,
  ORGANISATION_SKILLS,
  OTHER_LANGUAGES,
  SENIOR_TITLES,
  type Skill,
} from './enrolment-vocabulary.js';
import type { SeededRandom } from './seeded-random.js';

/** The profile of a {@link MatchCandidate}. */
export type CandidateProfile = MatchCandidate['profile'];

/** The side someone enrolled for. */
export type CandidateRole = MatchCandidate['role'];

type Pool = readonly Skill[];
const ANY_SKILL: Pool = [...DIGITAL_SKILLS, ...ORGANISATION_SKILLS];

/** Who someone is in a programme: how long they have worked, what they offer and want. */
interface Persona {
  seniority: 'junior' | 'senior' | 'any';
  offers: readonly [Pool, number, number];
  wants: readonly [Pool, number, number];
}

const PEER: Persona = { seniority: 'any', offers: [ANY_SKILL, 1, 2], wants: [ANY_SKILL, 1, 2] };

// Reverse mentoring turns the usual direction round: the young teach digital skills and
// learn how the house works; in classic mentoring the seniors teach.
const PERSONAS: Record<ProgrammeKind, Record<CandidateRole, Persona>> = {
  'reverse-mentoring': {
    mentor: {
      seniority: 'junior',
      offers: [DIGITAL_SKILLS, 2, 4],
      wants: [ORGANISATION_SKILLS, 1, 2],
    },
    mentee: {
      seniority: 'senior',
      offers: [ORGANISATION_SKILLS, 2, 3],
      wants: [DIGITAL_SKILLS, 2, 3],
    },
    either: PEER,
  },
  'classic-mentoring': {
    mentor: {
      seniority: 'senior',
      offers: [ORGANISATION_SKILLS, 2, 4],
      wants: [DIGITAL_SKILLS, 0, 1],
    },
    mentee: {
      seniority: 'junior',
      offers: [DIGITAL_SKILLS, 1, 2],
      wants: [ORGANISATION_SKILLS, 2, 3],
    },
    either: PEER,
  },
  'peer-lunch': { mentor: PEER, mentee: PEER, either: PEER },
};

/**
 * A realistic profile for someone enrolling in a programme of `kind` on side `role`: skills,
 * languages, format, site, weekly availability, goals, experience, department and job title.
 */
export function generateProfile(
  random: SeededRandom,
  kind: ProgrammeKind,
  role: CandidateRole,
): CandidateProfile {
  const persona = PERSONAS[kind][role];
  const senior = persona.seniority === 'any' ? random.chance(0.5) : persona.seniority === 'senior';
  const skillsOffered = pickSkills(random, persona.offers, []);
  const skillsWanted = pickSkills(random, persona.wants, skillsOffered);
  const format = random.pick(['on-site', 'remote', 'both', 'both'] as const);
  // Remote-only people often leave their site out; everyone else needs one to meet.
  const location =
    format === 'remote' && random.chance(0.5) ? {} : { location: random.pick(LOCATIONS) };
  return {
    skillsOffered,
    skillsWanted,
    languages: languages(random),
    format,
    ...location,
    availability: availability(random),
    goals: skillsWanted.slice(0, 2).map((skill) => GOAL_FOR_SKILL[skill]),
    experienceYears: senior ? random.int(15, 35) : random.int(1, 8),
    department: random.pick(DEPARTMENTS),
    title: random.pick(senior ? SENIOR_TITLES : JUNIOR_TITLES),
  };
}

function pickSkills(
  random: SeededRandom,
  [pool, min, max]: readonly [Pool, number, number],
  taken: readonly Skill[],
): Skill[] {
  const free = pool.filter((skill) => !taken.includes(skill));
  return random.sample(free, random.int(min, max));
}

/** Mostly German; many also English; a few English only or with a third language. */
function languages(random: SeededRandom): string[] {
  if (random.chance(0.05)) return ['en'];
  const spoken = random.chance(0.6) ? ['de', 'en'] : ['de'];
  return random.chance(0.1) ? [...spoken, random.pick(OTHER_LANGUAGES)] : spoken;
}

/** One to three office-hours windows on different weekdays, on the half hour. */
function availability(random: SeededRandom): CandidateProfile['availability'] {
  const weekdays = random.sample([1, 2, 3, 4, 5], random.int(1, 3)).sort((a, b) => a - b);
  return weekdays.map((weekday) => {
    const from = random.int(16, 30) * 30; // 08:00 to 15:00, in minutes
    const to = Math.min(from + random.int(2, 6) * 30, 18 * 60);
    return { weekday, from: clockTime(from), to: clockTime(to) };
  });
}

function clockTime(minutes: number): string {
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return `${hh}:${mm}`;
}
