import {
  canMeetWeekly,
  commonWeeklyMinutes,
  type ExplanationParams,
  type MatchCandidate,
  type ProgrammeKind,
} from '@tandem/plugin-sdk';

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
  if (wanted.length === 0)
    return fit(50, 'skills.none-wanted', 'The mentee named no skills to learn.');
  if (shared.length === 0)
    return fit(0, 'skills.none-offered', 'The mentor offers none of the skills wanted.');
  return fit(
    clamp((100 * shared.length) / wanted.length),
    'skills.offered',
    `The mentor offers ${list(shared)} of what the mentee wants (${shared.length} of ${wanted.length}).`,
    { skills: shared, count: shared.length, wanted: wanted.length },
  );
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
  if (a.size === 0 || b.size === 0)
    return fit(50, 'goals.unknown', 'Goals are not known for both.');
  const shared = [...a].filter((word) => b.has(word));
  return shared.length
    ? fit(
        clamp(40 + 20 * shared.length),
        'goals.shared',
        `Their goals share: ${list(shared.slice(0, 4))}.`,
        { words: shared.slice(0, 4) },
      )
    : fit(20, 'goals.none-shared', 'Their goals have nothing obvious in common.');
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
  const workingHours = people.some((windows) => windows.length === 0);
  const assumed = workingHours ? ' (working hours assumed where no times were given)' : '';
  if (minutes !== undefined && !canMeetWeekly(people, minutes))
    return fit(
      0,
      'availability.no-meeting',
      `They share no weekly time for a ${minutes}-minute meeting${assumed}: Tandem cannot plan their meetings.`,
      { minutes, workingHours },
    );
  const overlap = commonWeeklyMinutes(people);
  if (overlap === 0)
    return fit(0, 'availability.none', `They share no weekly time${assumed}.`, { workingHours });
  const hours = Math.round(overlap / 6) / 10;
  return fit(
    clamp((100 * overlap) / (minutes ?? FULL_OVERLAP_MINUTES)),
    'availability.free',
    `They are both free ${hours} ${hours === 1 ? 'hour' : 'hours'} a week${assumed}.`,
    { hours, workingHours },
  );
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
      return fit(100, 'format.both-suit', 'They can meet the way both prefer.');
    return a.location && b.location && a.location !== b.location
      ? fit(
          30,
          'format.apart',
          `They would meet on site, but in ${a.location} and ${b.location}.`,
          { places: [a.location, b.location] },
        )
      : fit(100, 'format.same-place', 'They can meet on site in the same place.');
  }
  return fit(0, 'format.conflict', 'One wants to meet on site, the other remotely.');
}

/**
 * The experience gap, the way round the programme wants it: in reverse mentoring the mentee is
 * the more experienced (the leader), otherwise the mentor is. Twenty years or more is ideal.
 */
function generation(mentor: MatchCandidate, mentee: MatchCandidate, { kind }: PairSetting): Fit {
  const m = mentor.profile.experienceYears;
  const e = mentee.profile.experienceYears;
  if (m === undefined || e === undefined)
    return fit(50, 'generation.unknown', 'Experience is not known for both.');
  const gap = kind === 'reverse-mentoring' ? e - m : m - e;
  const senior = kind === 'reverse-mentoring' ? 'mentee' : 'mentor';
  if (gap <= 0)
    return fit(0, 'generation.not-senior', `The ${senior} is not the more experienced one.`, {
      senior,
    });
  return fit(
    clamp((100 * gap) / 20),
    'generation.gap',
    `The ${senior} has ${gap} more ${gap === 1 ? 'year' : 'years'} of experience.`,
    { senior, years: gap },
  );
}

/** Different departments widen both views; the programme may prefer or require it. */
function department(mentor: MatchCandidate, mentee: MatchCandidate): Fit {
  const [a, b] = [mentor.profile.department, mentee.profile.department];
  if (!a || !b) return fit(50, 'department.unknown', 'Departments are not known for both.');
  return a === b
    ? fit(0, 'department.same', `Both work in ${a}.`, { department: a })
    : fit(100, 'department.different', `They come from ${a} and ${b}.`, { departments: [a, b] });
}
