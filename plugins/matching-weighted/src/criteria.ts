import type { ExplanationParams, ProgrammeKind } from '@tandem/plugin-sdk';
import { canMeet, commonMinutes, type Person } from './person.js';

/**
 * How well one criterion fits a mentor and a mentee: 0–100, and why — as a code with values
 * the host words in the admin's language, and as an English sentence for any other reader.
 */
export interface Fit {
  score: number;
  why: string;
  code: string;
  params?: ExplanationParams;
}

const fit = (score: number, code: string, why: string, params?: ExplanationParams): Fit =>
  params ? { score, why, code, params } : { score, why, code };

/** What the criteria know of the programme: its kind and how its pairs meet. */
export interface PairSetting {
  kind: ProgrammeKind;
  /**
   * Length of a meeting the host plans in the pair's common weekly windows, in minutes;
   * undefined where the host plans no meetings (`rules.sessionMinutes` unset).
   */
  minutes: number | undefined;
}

/**
 * One criterion, in two parts: the score alone, asked of every pair a round could form (a
 * million at 1,000 × 1,000), so it builds nothing; and the score with its reason, asked only of
 * the pairs proposed or suggested. The reason's score is always the score part's.
 */
export interface Criterion {
  score(mentor: Person, mentee: Person, setting: PairSetting): number;
  explain(mentor: Person, mentee: Person, setting: PairSetting): Fit;
}

/** The criteria the strategy scores, by the names admins weight them with. */
export const CRITERIA: Readonly<Record<string, Criterion>> = Object.freeze({
  skills: { score: skillsScore, explain: skills },
  goals: { score: goalsScore, explain: goals },
  availability: { score: availabilityScore, explain: availability },
  format: { score: formatScore, explain: format },
  generation: { score: generationScore, explain: generation },
  department: { score: departmentScore, explain: department },
});

/** Weights when the programme sets none: skills matter most, then time and the generation gap. */
export const DEFAULT_WEIGHTS: Readonly<Record<string, number>> = Object.freeze({
  skills: 3,
  goals: 1,
  availability: 2,
  format: 1,
  generation: 2,
  department: 1,
});

const clamp = (value: number) => Math.max(0, Math.min(100, Math.round(value)));
const list = (items: string[]) => items.join(', ');

/** How many skills the mentor offers of those wanted (as listed: a skill offered twice counts twice). */
function sharedSkills(mentor: Person, mentee: Person): number {
  const wanted = mentee.candidate.profile.skillsWanted;
  let shared = 0;
  for (const skill of mentor.candidate.profile.skillsOffered) if (wanted.includes(skill)) shared++;
  return shared;
}

function skillsScore(mentor: Person, mentee: Person): number {
  const wanted = mentee.candidate.profile.skillsWanted.length;
  if (wanted === 0) return 50;
  const shared = sharedSkills(mentor, mentee);
  return shared === 0 ? 0 : clamp((100 * shared) / wanted);
}

/** What the mentor offers of what the mentee wants. */
function skills(mentor: Person, mentee: Person): Fit {
  const score = skillsScore(mentor, mentee);
  const wanted = mentee.candidate.profile.skillsWanted;
  const shared = mentor.candidate.profile.skillsOffered.filter((skill) => wanted.includes(skill));
  if (wanted.length === 0)
    return fit(score, 'skills.none-wanted', 'The mentee named no skills to learn.');
  if (shared.length === 0)
    return fit(score, 'skills.none-offered', 'The mentor offers none of the skills wanted.');
  return fit(
    score,
    'skills.offered',
    `The mentor offers ${list(shared)} of what the mentee wants (${shared.length} of ${wanted.length}).`,
    { skills: shared, count: shared.length, wanted: wanted.length },
  );
}

function goalsScore(mentor: Person, mentee: Person): number {
  const [a, b] = [mentor.goalWords, mentee.goalWords];
  if (a.size === 0 || b.size === 0) return 50;
  let shared = 0;
  for (const word of a) if (b.has(word)) shared++;
  return shared ? clamp(40 + 20 * shared) : 20;
}

/** Words the two goals share, as a rough sign that they want the same from the tandem. */
function goals(mentor: Person, mentee: Person): Fit {
  const score = goalsScore(mentor, mentee);
  const [a, b] = [mentor.goalWords, mentee.goalWords];
  if (a.size === 0 || b.size === 0)
    return fit(score, 'goals.unknown', 'Goals are not known for both.');
  const shared = [...a].filter((word) => b.has(word));
  return shared.length
    ? fit(score, 'goals.shared', `Their goals share: ${list(shared.slice(0, 4))}.`, {
        words: shared.slice(0, 4),
      })
    : fit(score, 'goals.none-shared', 'Their goals have nothing obvious in common.');
}

// Where the host plans no meetings, an hour a week in common earns the full score.
const FULL_OVERLAP_MINUTES = 60;

function availabilityScore(mentor: Person, mentee: Person, { minutes }: PairSetting): number {
  if (minutes !== undefined && !canMeet(mentor, mentee, minutes)) return 0;
  const overlap = commonMinutes(mentor.week, mentee.week);
  if (overlap === 0) return 0;
  return clamp((100 * overlap) / (minutes ?? FULL_OVERLAP_MINUTES));
}

/**
 * Time both are free in a week, judged as the meeting planner judges it: someone who gave no
 * windows is free during working hours, and a planned meeting needs one stretch as long as a
 * session. Without planned meetings only the weekly overlap counts.
 */
function availability(mentor: Person, mentee: Person, setting: PairSetting): Fit {
  const score = availabilityScore(mentor, mentee, setting);
  const { minutes } = setting;
  const workingHours = mentor.workingHours || mentee.workingHours;
  const assumed = workingHours ? ' (working hours assumed where no times were given)' : '';
  if (minutes !== undefined && !canMeet(mentor, mentee, minutes))
    return fit(
      score,
      'availability.no-meeting',
      `They share no weekly time for a ${minutes}-minute meeting${assumed}: Tandem cannot plan their meetings.`,
      { minutes, workingHours },
    );
  const overlap = commonMinutes(mentor.week, mentee.week);
  if (overlap === 0)
    return fit(score, 'availability.none', `They share no weekly time${assumed}.`, {
      workingHours,
    });
  const hours = Math.round(overlap / 6) / 10;
  return fit(
    score,
    'availability.free',
    `They are both free ${hours} ${hours === 1 ? 'hour' : 'hours'} a week${assumed}.`,
    { hours, workingHours },
  );
}

/** How the two could meet, as the format criterion tells it apart. */
type Meeting = 'both-suit' | 'apart' | 'same-place' | 'conflict';

const FORMAT_SCORES: Readonly<Record<Meeting, number>> = Object.freeze({
  'both-suit': 100,
  apart: 30,
  'same-place': 100,
  conflict: 0,
});

function meeting(mentor: Person, mentee: Person): Meeting {
  const [a, b] = [mentor.candidate.profile, mentee.candidate.profile];
  if (a.format === 'both' || b.format === 'both' || a.format === b.format) {
    if (
      a.format === 'remote' ||
      b.format === 'remote' ||
      (a.format === 'both' && b.format === 'both')
    )
      return 'both-suit';
    return a.location && b.location && a.location !== b.location ? 'apart' : 'same-place';
  }
  return 'conflict';
}

function formatScore(mentor: Person, mentee: Person): number {
  return FORMAT_SCORES[meeting(mentor, mentee)];
}

/** On site or remote, and where. */
function format(mentor: Person, mentee: Person): Fit {
  const score = formatScore(mentor, mentee);
  const [a, b] = [mentor.candidate.profile, mentee.candidate.profile];
  switch (meeting(mentor, mentee)) {
    case 'both-suit':
      return fit(score, 'format.both-suit', 'They can meet the way both prefer.');
    case 'apart':
      return fit(
        score,
        'format.apart',
        `They would meet on site, but in ${a.location} and ${b.location}.`,
        { places: [a.location as string, b.location as string] },
      );
    case 'same-place':
      return fit(score, 'format.same-place', 'They can meet on site in the same place.');
    case 'conflict':
      return fit(score, 'format.conflict', 'One wants to meet on site, the other remotely.');
  }
}

/** Years the one the programme wants senior has on the other; undefined where either is unknown. */
function experienceGap(mentor: Person, mentee: Person, { kind }: PairSetting): number | undefined {
  const m = mentor.candidate.profile.experienceYears;
  const e = mentee.candidate.profile.experienceYears;
  if (m === undefined || e === undefined) return undefined;
  return kind === 'reverse-mentoring' ? e - m : m - e;
}

function generationScore(mentor: Person, mentee: Person, setting: PairSetting): number {
  const gap = experienceGap(mentor, mentee, setting);
  if (gap === undefined) return 50;
  return gap <= 0 ? 0 : clamp((100 * gap) / 20);
}

/**
 * The experience gap, the way round the programme wants it: in reverse mentoring the mentee is
 * the more experienced (the leader), otherwise the mentor is. Twenty years or more is ideal.
 */
function generation(mentor: Person, mentee: Person, setting: PairSetting): Fit {
  const score = generationScore(mentor, mentee, setting);
  const gap = experienceGap(mentor, mentee, setting);
  if (gap === undefined)
    return fit(score, 'generation.unknown', 'Experience is not known for both.');
  const senior = setting.kind === 'reverse-mentoring' ? 'mentee' : 'mentor';
  if (gap <= 0)
    return fit(score, 'generation.not-senior', `The ${senior} is not the more experienced one.`, {
      senior,
    });
  return fit(
    score,
    'generation.gap',
    `The ${senior} has ${gap} more ${gap === 1 ? 'year' : 'years'} of experience.`,
    { senior, years: gap },
  );
}

function departmentScore(mentor: Person, mentee: Person): number {
  const [a, b] = [mentor.candidate.profile.department, mentee.candidate.profile.department];
  if (!a || !b) return 50;
  return a === b ? 0 : 100;
}

/** Different departments widen both views; the programme may prefer or require it. */
function department(mentor: Person, mentee: Person): Fit {
  const score = departmentScore(mentor, mentee);
  const [a, b] = [mentor.candidate.profile.department, mentee.candidate.profile.department];
  if (!a || !b) return fit(score, 'department.unknown', 'Departments are not known for both.');
  return a === b
    ? fit(score, 'department.same', `Both work in ${a}.`, { department: a })
    : fit(score, 'department.different', `They come from ${a} and ${b}.`, {
        departments: [a, b],
      });
}
