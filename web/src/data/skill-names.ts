import { getLocale } from '../i18n/locale.js';
import { listSkills, type Skill } from './profile.js';

let skills: Promise<Skill[]> | undefined;

/**
 * The organisation's skills, read once per page load: reasons name skills by key, people read
 * them by their display names. A failed read is forgotten, so the next caller tries again.
 */
function loadSkills(): Promise<Skill[]> {
  skills ??= listSkills().catch((error: unknown) => {
    skills = undefined;
    throw error;
  });
  return skills;
}

/**
 * A function from a skill's key to its name in the current language; a key the taxonomy no
 * longer has (archived, deleted) shows as it is.
 */
export async function skillNames(): Promise<(key: string) => string> {
  const byKey = new Map((await loadSkills()).map((skill) => [skill.key, skill.label]));
  return (key) => byKey.get(key)?.[getLocale() === 'en' ? 'en' : 'de'] ?? key;
}
