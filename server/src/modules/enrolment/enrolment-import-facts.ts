import { type EntityManager, raw } from '@mikro-orm/postgresql';
import { cell, type ImportRow, isEmailAddress, listCell } from '../../import-rows.js';
import { EMPTY_PROFILE, type Profile } from '../profiles/profile-schema.js';
import type { ProfileFacts } from '../profiles/profile-service.js';
import { UserProfile } from '../profiles/user-profile.js';
import type { Programme } from '../programmes/programme.js';
import { Skill } from '../skills/skill.js';
import { User } from '../users/user.js';
import { Enrolment } from './enrolment.js';

/**
 * What the checks of a batch of enrolment rows read, loaded in one query each rather than
 * some twenty a row: the people by email, their saved profiles and enrolments in the
 * programme, the skills the rows name and the people the profiles exclude.
 */
export interface ImportFacts {
  /** Null when it was deleted since the import began: every row is refused as for one person. */
  programme: Programme | null;
  /** Everyone with each email, by the email in lower case: more than one is refused. */
  people: Map<string, User[]>;
  /** Saved profiles by person, completed with the empty one's fields. */
  profiles: Map<string, Profile>;
  /** Each person's enrolment in the programme, active or ended. */
  enrolments: Map<string, Enrolment>;
  known: Pick<ProfileFacts, 'activeSkills' | 'knownPeople'>;
}

/** Loads the facts of `rows` through `em` (a transaction, for a batch to be saved). */
export async function loadImportFacts(
  em: EntityManager,
  programme: Programme | null,
  rows: readonly ImportRow[],
): Promise<ImportFacts> {
  const emails = rows.flatMap((row) => {
    const email = cell(row, 'email');
    return email && isEmailAddress(email) ? [email.toLowerCase()] : [];
  });
  // Through the index on lower(email), as emailMatch finds one person.
  const found = emails.length
    ? await em.find(User, { [raw('lower(email)')]: { $in: [...new Set(emails)] } })
    : [];
  const people = new Map<string, User[]>();
  for (const person of found) {
    const key = (person.email ?? '').toLowerCase();
    people.set(key, [...(people.get(key) ?? []), person]);
  }
  const ids = found.map((person) => person.id);
  const profiles = await savedProfiles(em, ids);
  const enrolments = ids.length ? await em.find(Enrolment, { programme, user: { $in: ids } }) : [];
  return {
    programme,
    people,
    profiles,
    enrolments: new Map(enrolments.map((enrolment) => [enrolment.user.id, enrolment])),
    known: {
      activeSkills: await activeSkills(em, rows),
      knownPeople: await knownPeople(em, [...profiles.values()]),
    },
  };
}

async function savedProfiles(em: EntityManager, ids: string[]): Promise<Map<string, Profile>> {
  const saved = ids.length ? await em.find(UserProfile, { user: { $in: ids } }) : [];
  return new Map(saved.map((p) => [p.user.id, { ...EMPTY_PROFILE, ...p.data }]));
}

/** The skills the rows name that the taxonomy offers (not archived). */
async function activeSkills(em: EntityManager, rows: readonly ImportRow[]): Promise<Set<string>> {
  const keys = new Set(
    rows.flatMap((row) => [...listCell(row, 'skillsOffered'), ...listCell(row, 'skillsWanted')]),
  );
  if (keys.size === 0) return new Set();
  const skills = await em.find(Skill, { key: { $in: [...keys] }, archived: false });
  return new Set(skills.map((skill) => skill.key));
}

/** The people the profiles exclude whom Tandem knows. */
async function knownPeople(em: EntityManager, profiles: Profile[]): Promise<Set<string>> {
  const ids = [...new Set(profiles.flatMap((p) => p.excludedPersonIds))];
  if (ids.length === 0) return new Set();
  const people = await em.find(User, { id: { $in: ids } }, { fields: ['id'] });
  return new Set(people.map((person) => person.id));
}
