import {
  canMeetWeekly,
  commonWeeklyMinutes,
  type MatchCandidate,
  type ProgrammeKind,
} from '@tandem/plugin-sdk';

/** How well one criterion fits a mentor and a mentee: 0–100, and a sentence an admin reads. */
export interface Fit {
  score: number;
  why: string;
}

/** What the criteria know of the programme: its kind and how its pairs meet. */
export interface PairSetting {
  kind: ProgrammeKind;
  /**
   * Length of a meeting the host plans in the pair's common weekly windows, in minutes;
   * undefined where the host plans no meetings (`rules.sessionMinutes` unset).
   */
  minutes: number | undefined;
}

export type Criterion = (
  mentor: MatchCandidate,
  mentee: MatchCandidate,
  setting: PairSetting,
) => Fit;

/** The criteria the strategy scores, by the names admins weight them with. */
export const CRITERIA: Readonly<Record<string, Criterion>> = Object.freeze({
  skills,
  goals,
  availability,
  format,
  generation,
  department,
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

/** What the mentor offers of what the mentee wants. */
function skills(mentor: MatchCandidate, mentee: MatchCandidate): Fit {
  const wanted = mentee.profile.skillsWanted;
  const shared = mentor.profile.skillsOffered.filter((skill) => wanted.includes(skill));
  if (wanted.length === 0) return { score: 50, why: 'The mentee named no skills to learn.' };
  if (shared.length === 0) return { score: 0, why: 'The mentor offers none of the skills wanted.' };
  return {
    score: clamp((100 * shared.length) / wanted.length),
    why: `The mentor offers ${list(shared)} of what the mentee wants (${shared.length} of ${wanted.length}).`,
  };
}

/** Words the two goals share, as a rough sign that they want the same from the tandem. */
function goals(mentor: MatchCandidate, mentee: MatchCandidate): Fit {
  const words = (c: MatchCandidate) =>
    new Set(
      c.profile.goals
        .join(' ')
        .toLowerCase()
        .match(/\p{L}{4,}/gu) ?? [],
    );
  const a = words(mentor);
  const b = words(mentee);
  if (a.size === 0 || b.size === 0) return { score: 50, why: 'Goals are not known for both.' };
  const shared = [...a].filter((word) => b.has(word));
  return shared.length
    ? {
        score: clamp(40 + 20 * shared.length),
        why: `Their goals share: ${list(shared.slice(0, 4))}.`,
      }
    : { score: 20, why: 'Their goals have nothing obvious in common.' };
}

// Where the host plans no meetings, an hour a week in common earns the full score.
const FULL_OVERLAP_MINUTES = 60;

/**
 * Time both are free in a week, judged as the meeting planner judges it: someone who gave no
 * windows is free during working hours, and a planned meeting needs one stretch as long as a
 * session. Without planned meetings only the weekly overlap counts.
 */
function availability(
  mentor: MatchCandidate,
  mentee: MatchCandidate,
  { minutes }: PairSetting,
): Fit {
  const people = [mentor.profile.availability, mentee.profile.availability];
  const assumed = people.some((windows) => windows.length === 0)
    ? ' (working hours assumed where no times were given)'
    : '';
  if (minutes !== undefined && !canMeetWeekly(people, minutes))
    return {
      score: 0,
      why: `They share no weekly time for a ${minutes}-minute meeting${assumed}: Tandem cannot plan their meetings.`,
    };
  const overlap = commonWeeklyMinutes(people);
  if (overlap === 0) return { score: 0, why: `They share no weekly time${assumed}.` };
  return {
    score: clamp((100 * overlap) / (minutes ?? FULL_OVERLAP_MINUTES)),
    why: `They are both free ${Math.round(overlap / 6) / 10} hours a week${assumed}.`,
  };
}

/** On site or remote, and where. */
function format(mentor: MatchCandidate, mentee: MatchCandidate): Fit {
  const [a, b] = [mentor.profile, mentee.profile];
  if (a.format === 'both' || b.format === 'both' || a.format === b.format) {
    if (
      a.format === 'remote' ||
      b.format === 'remote' ||
      (a.format === 'both' && b.format === 'both')
    )
      return { score: 100, why: 'They can meet the way both prefer.' };
    return a.location && b.location && a.location !== b.location
      ? { score: 30, why: `They would meet on site, but in ${a.location} and ${b.location}.` }
      : { score: 100, why: 'They can meet on site in the same place.' };
  }
  return { score: 0, why: 'One wants to meet on site, the other remotely.' };
}

/**
 * The experience gap, the way round the programme wants it: in reverse mentoring the mentee is
 * the more experienced (the leader), otherwise the mentor is. Twenty years or more is ideal.
 */
function generation(mentor: MatchCandidate, mentee: MatchCandidate, { kind }: PairSetting): Fit {
  const m = mentor.profile.experienceYears;
  const e = mentee.profile.experienceYears;
  if (m === undefined || e === undefined)
    return { score: 50, why: 'Experience is not known for both.' };
  const gap = kind === 'reverse-mentoring' ? e - m : m - e;
  const senior = kind === 'reverse-mentoring' ? 'mentee' : 'mentor';
  if (gap <= 0) return { score: 0, why: `The ${senior} is not the more experienced one.` };
  return {
    score: clamp((100 * gap) / 20),
    why: `The ${senior} has ${gap} more years of experience.`,
  };
}

/** Different departments widen both views; the programme may prefer or require it. */
function department(mentor: MatchCandidate, mentee: MatchCandidate): Fit {
  const [a, b] = [mentor.profile.department, mentee.profile.department];
  if (!a || !b) return { score: 50, why: 'Departments are not known for both.' };
  return a === b
    ? { score: 0, why: `Both work in ${a}.` }
    : { score: 100, why: `They come from ${a} and ${b}.` };
}
