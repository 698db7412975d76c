import type { EntityManager } from '@mikro-orm/postgresql';
import { ServiceError } from '../../service-error.js';
import { unknownSkills } from '../skills/skill-service.js';
import { User } from '../users/user.js';
import { EMPTY_PROFILE, type Profile } from './profile-schema.js';
import { UserProfile } from './user-profile.js';

/** A person's profile, or an empty one for someone who has not filled it in. */
export async function getProfile(em: EntityManager, userId: string): Promise<Profile> {
  const saved = await em.fork().findOne(UserProfile, { user: userId });
  return saved ? { ...EMPTY_PROFILE, ...saved.data } : { ...EMPTY_PROFILE };
}

/**
 * Saves a person's profile after the checks the schema cannot make: skills from the taxonomy
 * (one archived since it was chosen may stay), and exclusions of real other people.
 *
 * @throws ServiceError invalid, naming the field and the values at fault.
 */
export async function saveProfile(
  em: EntityManager,
  userId: string,
  profile: Profile,
): Promise<Profile> {
  await checkProfile(em, userId, profile);
  const fork = em.fork();
  await fork.upsert(UserProfile, { user: userId, data: profile, updatedAt: new Date() });
  return profile;
}

/** The checks of {@link saveProfile}, for an enrolment's copy of a profile as well. */
export async function checkProfile(
  em: EntityManager,
  userId: string,
  profile: Profile,
): Promise<void> {
  const before = await getProfile(em, userId);
  const kept = new Set([...before.skillsOffered, ...before.skillsWanted]);
  for (const field of ['skillsOffered', 'skillsWanted'] as const) {
    const unknown = (await unknownSkills(em, profile[field])).filter((key) => !kept.has(key));
    if (unknown.length)
      throw new ServiceError(
        'invalid',
        `${field} holds ${unknown.join(', ')}, which the skill taxonomy does not offer; use tags for skills outside it.`,
        'profile.unknown-skills',
        { skills: unknown.join(', ') },
      );
  }
  if (profile.excludedPersonIds.includes(userId))
    throw new ServiceError(
      'invalid',
      'excludedPersonIds cannot hold yourself.',
      'profile.exclude-self',
    );
  const people = await em.fork().count(User, { id: { $in: profile.excludedPersonIds } });
  if (people !== profile.excludedPersonIds.length)
    throw new ServiceError(
      'invalid',
      'excludedPersonIds holds someone Tandem does not know.',
      'profile.exclude-unknown',
    );
}

/** People to choose from (e.g. whom to exclude): by name or department, at most 20. */
export async function findPeople(
  em: EntityManager,
  query: string,
): Promise<{ id: string; name: string; department: string | null }[]> {
  const pattern = `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const people = await em
    .fork()
    .find(
      User,
      { $or: [{ name: { $ilike: pattern } }, { department: { $ilike: pattern } }] },
      { orderBy: { name: 'asc' }, limit: 20 },
    );
  return people.map(({ id, name, department }) => ({ id, name, department: department ?? null }));
}
