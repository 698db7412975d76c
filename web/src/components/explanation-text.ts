import { msg, str } from '@lit/localize';
import { getLocale } from '../i18n/locale.js';
import { plural } from '../i18n/plural.js';

/** The values of a reason, as the SDK's explanation contract allows them. */
export type ExplanationParams = Record<string, string | number | boolean | string[]>;

/** A reason as the server sends it: a code with values, beside a sentence as fallback. */
export interface Explained {
  code?: string | undefined;
  params?: ExplanationParams | undefined;
}

/** A skill's display name in the reader's language, by its key. */
export type SkillName = (key: string) => string;

/**
 * A matching strategy's reason in the reader's language: the wording of a code Tandem knows,
 * with skills by their display names; the strategy's own sentence (`fallback`) for any other
 * code, or when a code's values are missing.
 */
export function explanationText(
  explained: Explained,
  fallback: string,
  skillName: SkillName = (key) => key,
): string {
  const values = new Values(explained.params ?? {});
  const worded = explained.code ? wording(explained.code, values, skillName) : undefined;
  return worded ?? fallback;
}

/** Reads a code's values, each only if it has the expected type. */
class Values {
  constructor(private readonly params: ExplanationParams) {}

  number(name: string): number | undefined {
    const value = this.params[name];
    return typeof value === 'number' ? value : undefined;
  }

  text(name: string): string | undefined {
    const value = this.params[name];
    return typeof value === 'string' ? value : undefined;
  }

  list(name: string): string[] | undefined {
    const value = this.params[name];
    return Array.isArray(value) ? value : undefined;
  }

  flag(name: string): boolean {
    return this.params[name] === true;
  }
}

const listOf = (items: string[]) =>
  new Intl.ListFormat(getLocale(), { type: 'conjunction' }).format(items);

const numberOf = (value: number) =>
  new Intl.NumberFormat(getLocale(), { maximumFractionDigits: 1 }).format(value);

function wording(code: string, values: Values, skillName: SkillName): string | undefined {
  if (code.startsWith('unmatched.')) return unmatchedWording(code, values);
  if (code.startsWith('skills.')) return skillsWording(code, values, skillName);
  if (code.startsWith('availability.')) return availabilityWording(code, values);
  if (code.startsWith('generation.')) return generationWording(code, values);
  if (code.startsWith('department.')) return departmentWording(code, values);
  return otherWording(code, values);
}

function skillsWording(code: string, values: Values, skillName: SkillName) {
  const skills = values.list('skills');
  const wanted = values.number('wanted');
  const count = values.number('count');
  switch (code) {
    case 'skills.none-wanted':
      return msg('The mentee named no skills to learn.', { id: 'explanations.skills.none-wanted' });
    case 'skills.none-offered':
      return msg('The mentor offers none of the skills the mentee wants.', {
        id: 'explanations.skills.none-offered',
      });
    case 'skills.offered': {
      if (!skills || wanted === undefined || count === undefined) return undefined;
      const names = listOf(skills.map(skillName));
      return plural(wanted, {
        one: msg(str`The mentor offers ${names}, the one skill the mentee wants.`, {
          id: 'explanations.skills.offered.one',
        }),
        other: msg(
          str`The mentor offers ${names}: ${count} of the ${wanted} skills the mentee wants.`,
          {
            id: 'explanations.skills.offered',
          },
        ),
      });
    }
    default:
      return undefined;
  }
}

/** The note when someone gave no times: the planner assumes working hours for them. */
function assumedNote(values: Values): string {
  return values.flag('workingHours')
    ? ` ${msg('Working hours were assumed where no times were given.', {
        id: 'explanations.availability.assumed',
      })}`
    : '';
}

function availabilityWording(code: string, values: Values) {
  const minutes = values.number('minutes');
  const hours = values.number('hours');
  switch (code) {
    case 'availability.no-meeting':
      if (minutes === undefined) return undefined;
      return (
        msg(
          str`They share no weekly time for a meeting of ${minutes} minutes: Tandem cannot plan their meetings.`,
          { id: 'explanations.availability.no-meeting' },
        ) + assumedNote(values)
      );
    case 'availability.none':
      return (
        msg('They share no weekly time.', { id: 'explanations.availability.none' }) +
        assumedNote(values)
      );
    case 'availability.free': {
      if (hours === undefined) return undefined;
      const shown = numberOf(hours);
      return (
        plural(hours, {
          one: msg(str`They are both free ${shown} hour a week.`, {
            id: 'explanations.availability.free.one',
          }),
          other: msg(str`They are both free ${shown} hours a week.`, {
            id: 'explanations.availability.free',
          }),
        }) + assumedNote(values)
      );
    }
    default:
      return undefined;
  }
}

function generationWording(code: string, values: Values) {
  const menteeSenior = values.text('senior') === 'mentee';
  const years = values.number('years');
  switch (code) {
    case 'generation.unknown':
      return msg('Experience is not known for both.', { id: 'explanations.generation.unknown' });
    case 'generation.not-senior':
      return menteeSenior
        ? msg('The mentee is not the more experienced one.', {
            id: 'explanations.generation.not-senior.mentee',
          })
        : msg('The mentor is not the more experienced one.', {
            id: 'explanations.generation.not-senior.mentor',
          });
    case 'generation.gap':
      if (years === undefined) return undefined;
      if (menteeSenior)
        return plural(years, {
          one: msg(str`The mentee has ${years} more year of experience.`, {
            id: 'explanations.generation.gap.mentee.one',
          }),
          other: msg(str`The mentee has ${years} more years of experience.`, {
            id: 'explanations.generation.gap.mentee',
          }),
        });
      return plural(years, {
        one: msg(str`The mentor has ${years} more year of experience.`, {
          id: 'explanations.generation.gap.mentor.one',
        }),
        other: msg(str`The mentor has ${years} more years of experience.`, {
          id: 'explanations.generation.gap.mentor',
        }),
      });
    default:
      return undefined;
  }
}

function departmentWording(code: string, values: Values) {
  const department = values.text('department');
  const departments = values.list('departments');
  switch (code) {
    case 'department.unknown':
      return msg('Departments are not known for both.', { id: 'explanations.department.unknown' });
    case 'department.same':
      return department === undefined
        ? undefined
        : msg(str`Both work in ${department}.`, { id: 'explanations.department.same' });
    case 'department.same-apart':
      return department === undefined
        ? undefined
        : msg(
            str`Both work in ${department}: the programme asks for different departments, and nobody else was left.`,
            { id: 'explanations.department.same-apart' },
          );
    case 'department.different':
    case 'department.group':
      return departments === undefined || departments.length === 0
        ? undefined
        : msg(str`They come from ${listOf(departments)}.`, {
            id: 'explanations.department.different',
          });
    default:
      return undefined;
  }
}

function otherWording(code: string, values: Values) {
  const places = values.list('places');
  switch (code) {
    case 'goals.unknown':
      return msg('Goals are not known for both.', { id: 'explanations.goals.unknown' });
    case 'goals.shared': {
      const words = values.list('words');
      return words
        ? msg(str`Their goals share the words ${listOf(words)}.`, {
            id: 'explanations.goals.shared',
          })
        : undefined;
    }
    case 'goals.none-shared':
      return msg('Their goals have nothing obvious in common.', {
        id: 'explanations.goals.none-shared',
      });
    case 'format.both-suit':
      return msg('They can meet the way both prefer.', { id: 'explanations.format.both-suit' });
    case 'format.same-place':
      return msg('They can meet on site in the same place.', {
        id: 'explanations.format.same-place',
      });
    case 'format.apart':
      return places
        ? msg(str`They would meet on site, but in ${listOf(places)}.`, {
            id: 'explanations.format.apart',
          })
        : undefined;
    case 'format.conflict':
      return msg('One wants to meet on site, the other remotely.', {
        id: 'explanations.format.conflict',
      });
    case 'lunch.met-before':
      return msg('They had lunch together before; everyone else is taken or met already.', {
        id: 'explanations.lunch.met-before',
      });
    case 'pinned':
      return msg('Pinned by an admin.', { id: 'explanations.pinned' });
    case 'chosen':
      return msg('They chose each other.', { id: 'explanations.chosen' });
    default:
      return undefined;
  }
}

function unmatchedWording(code: string, values: Values) {
  const tandems = values.number('tandems');
  switch (code) {
    case 'unmatched.full':
      return tandems === undefined
        ? msg('The programme is full.', { id: 'explanations.unmatched.full.any' })
        : plural(tandems, {
            one: msg(str`The programme is full: at most ${tandems} tandem.`, {
              id: 'explanations.unmatched.full.one',
            }),
            other: msg(str`The programme is full: at most ${tandems} tandems.`, {
              id: 'explanations.unmatched.full',
            }),
          });
    case 'unmatched.nobody-else':
      return msg('Nobody enrolled on the other side.', {
        id: 'explanations.unmatched.nobody-else',
      });
    case 'unmatched.better-fits':
      return msg('Everyone who would fit is paired with someone they fit better.', {
        id: 'explanations.unmatched.better-fits',
      });
    case 'unmatched.nobody-fits':
      return msg('Nobody on the other side fits.', { id: 'explanations.unmatched.nobody-fits' });
    case 'unmatched.reporting-line':
      return reportingLineWording(values.number('levels'));
    case 'unmatched.since-run':
      return msg(
        'Not in a match: changed by an admin, dissolved, or enrolled after the last run.',
        { id: 'explanations.unmatched.since-run' },
      );
    default:
      return barrierWording(code);
  }
}

/** The programme's hard rule, with its levels where the run gave them. */
function reportingLineWording(levels: number | undefined) {
  if (levels === undefined)
    return msg('Excluded: reporting line. Everyone who could be their partner is in it.', {
      id: 'explanations.unmatched.reporting-line.any',
    });
  return plural(levels, {
    one: msg(
      'Excluded: reporting line. Everyone who could be their partner is their manager or reports to them directly.',
      { id: 'explanations.unmatched.reporting-line.one' },
    ),
    other: msg(
      str`Excluded: reporting line. Everyone who could be their partner is within ${levels} levels of their management chain.`,
      { id: 'explanations.unmatched.reporting-line' },
    ),
  });
}

function barrierWording(code: string) {
  switch (code) {
    case 'unmatched.excluded':
      return msg('Everyone who would fit was excluded by them or excluded them.', {
        id: 'explanations.unmatched.excluded',
      });
    case 'unmatched.met-before':
      return msg('They have been paired with everyone who would fit before.', {
        id: 'explanations.unmatched.met-before',
      });
    case 'unmatched.forbidden':
      return msg('An admin ruled out every partner who would fit.', {
        id: 'explanations.unmatched.forbidden',
      });
    case 'unmatched.no-language':
      return msg('Nobody on the other side shares a language with them.', {
        id: 'explanations.unmatched.no-language',
      });
    case 'unmatched.same-department':
      return msg('The programme requires different departments, and nobody else is left.', {
        id: 'explanations.unmatched.same-department',
      });
    case 'unmatched.no-common-time':
      return msg(
        'Nobody who would fit is free at the same time as them for a whole session, so no meeting could be planned.',
        { id: 'explanations.unmatched.no-common-time' },
      );
    case 'unmatched.no-lunch-partner':
      return msg(
        'Nobody left could have lunch with them: no shared language, no common time for lunch, or excluded.',
        { id: 'explanations.unmatched.no-lunch-partner' },
      );
    default:
      return undefined;
  }
}
