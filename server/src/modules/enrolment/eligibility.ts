import type { Eligibility } from '../programmes/programme-settings.js';
import type { User } from '../users/user.js';

/**
 * Why a person may not join a programme, in a sentence for them, or undefined when they may.
 * Every list that is not empty must hold their value (department, title, one of their roles).
 */
export function eligibilityProblem(
  eligibility: Eligibility,
  user: Pick<User, 'department' | 'title' | 'roles'>,
): string | undefined {
  const { departments, titles, roles } = eligibility;
  if (departments.length && !departments.includes(user.department ?? ''))
    return `This programme is open to ${list(departments)}; your department is ${user.department ?? 'not known to Tandem'}.`;
  if (titles.length && !titles.includes(user.title ?? ''))
    return `This programme is open to ${list(titles)}; your job title is ${user.title ?? 'not known to Tandem'}.`;
  if (roles.length && !roles.some((role) => user.roles.includes(role)))
    return `This programme is open to people with the role ${list(roles)}.`;
  return undefined;
}

function list(values: string[]): string {
  return values.length === 1
    ? (values[0] ?? '')
    : `${values.slice(0, -1).join(', ')} or ${values.at(-1)}`;
}
