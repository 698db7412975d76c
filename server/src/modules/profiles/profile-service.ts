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

/**
 * Saves many people's profiles in one statement per thousand, each checked already
 * ({@link checkProfileWith}): the CLI import's.
 */
export async function saveCheckedProfiles(
  em: EntityManager,
  profiles: readonly { userId: string; profile: Profile }[],
): Promise<void> {
  if (profiles.length === 0) return;
  const updatedAt = new Date();
  await em.upsertMany(
    UserProfile,
    profiles.map(({ userId, profile }) => ({ user: userId, data: profile, updatedAt })),
    { batchSize: 1000, disableIdentityMap: true },
  );
}

/** The checks of {@link saveProfile}, for an enrolment's copy of a profile as well. */
export async function checkProfile(
  em: EntityManager,
  userId: string,
  profile: Profile,
): Promise<void> {
  checkProfileWith(userId, profile, await profileFacts(em, userId, profile));
}

/** What the checks of a profile read from the database; loaded for many people at once by an import. */
export interface ProfileFacts {
  /** The person's saved profile: skills it holds may stay though archived since. */
  saved: Profile;
  /** Skills of the taxonomy not archived: at least those the profile names. */
  activeSkills: ReadonlySet<string>;
  /** People Tandem knows: at least those the profile excludes who exist. */
  knownPeople: ReadonlySet<string>;
}

/** What {@link checkProfileWith} reads for one person's profile. */
export async function profileFacts(
  em: EntityManager,
  userId: string,
  profile: Profile,
): Promise<ProfileFacts> {
  const named = [...profile.skillsOffered, ...profile.skillsWanted];
  const unknown = new Set(await unknownSkills(em, named));
  const excluded = profile.excludedPersonIds;
  const known = excluded.length
    ? await em.fork().find(User, { id: { $in: excluded } }, { fields: ['id'] })
    : [];
  return {
    saved: await getProfile(em, userId),
    activeSkills: new Set(named.filter((key) => !unknown.has(key))),
    knownPeople: new Set(known.map((person) => person.id)),
  };
}

/** The checks of {@link checkProfile} on facts loaded beforehand. */
export function checkProfileWith(userId: string, profile: Profile, facts: ProfileFacts): void {
  const kept = new Set([...facts.saved.skillsOffered, ...facts.saved.skillsWanted]);
  for (const field of ['skillsOffered', 'skillsWanted'] as const) {
    const unknown = [...new Set(profile[field])].filter(
      (key) => !facts.activeSkills.has(key) && !kept.has(key),
    );
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
  if (profile.excludedPersonIds.some((id) => !facts.knownPeople.has(id)))
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
