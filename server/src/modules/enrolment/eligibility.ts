import type { Eligibility } from '../programmes/programme-settings.js';
import type { User } from '../users/user.js';
import { type EnrolmentRefusal, refusal } from './enrolment-refusal.js';

/**
 * Why a person may not join a programme, or undefined when they may. Every list that is not
 * empty must hold their value (department, title, one of their roles). The values go as lists
 * joined by a line break, for the web app to join in the reader's language.
 */
export function eligibilityProblem(
  eligibility: Eligibility,
  user: Pick<User, 'department' | 'title' | 'roles'>,
): EnrolmentRefusal | undefined {
  const { departments, titles, roles } = eligibility;
  const yours = (value: string | null | undefined): Record<string, string> =>
    value ? { yours: value } : {};
  if (departments.length && !departments.includes(user.department ?? ''))
    return refusal(
      'eligibility.department',
      `This programme is open to ${list(departments)}; your department is ${user.department ?? 'not known to Tandem'}.`,
      { open: departments.join('\n'), ...yours(user.department) },
    );
  if (titles.length && !titles.includes(user.title ?? ''))
    return refusal(
      'eligibility.title',
      `This programme is open to ${list(titles)}; your job title is ${user.title ?? 'not known to Tandem'}.`,
      { open: titles.join('\n'), ...yours(user.title) },
    );
  if (roles.length && !roles.some((role) => user.roles.includes(role)))
    return refusal(
      'eligibility.role',
      `This programme is open to people with the role ${list(roles)}.`,
      { open: roles.join('\n') },
    );
  return undefined;
}

function list(values: string[]): string {
  return values.length === 1
    ? (values[0] ?? '')
    : `${values.slice(0, -1).join(', ')} or ${values.at(-1)}`;
}
