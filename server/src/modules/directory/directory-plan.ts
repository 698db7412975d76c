import { randomUUID } from 'node:crypto';
import type { DirectoryEntry } from './directory-reader.js';

/** A person as the sync compares them: what Tandem holds of the fields the directory sets. */
export interface KnownPerson {
  id: string;
  username: string | null;
  externalId: string | null;
  directorySource: 'ldap' | 'scim' | null;
  name: string;
  email: string | null;
  department: string | null;
  title: string | null;
  locale: 'de' | 'en' | null;
  managerId: string | null;
  deactivated: boolean;
}

/** The fields one sync writes to a person from their entry. */
export interface PersonFields {
  username: string;
  externalId: string;
  name: string;
  email: string | null;
  department: string | null;
  title: string | null;
  locale: 'de' | 'en' | null;
}

export type PersonField = keyof PersonFields;

export interface PersonChange {
  id: string;
  username: string;
  fields: PersonFields;
  /** The fields that differ, to say what changes. */
  changed: PersonField[];
}

/** What one sync changes; nothing of it is written yet. */
export interface DirectoryPlan {
  /** People new to Tandem, with ids chosen here so that managers can point at them. */
  create: (PersonFields & { id: string })[];
  update: PersonChange[];
  /** Line managers that change (new people's included), set once everyone exists. */
  managers: { id: string; username: string; managerId: string | null }[];
  deactivate: { id: string; username: string | null }[];
  reactivate: { id: string; username: string }[];
  unchanged: number;
  /** Entries left out, with why: a username or id another entry has too, or a SCIM person. */
  skipped: { username: string; reason: string }[];
}

/**
 * Compares the directory's entries with the people Tandem knows and says what to change. An
 * entry is matched to a person by its stable id among the people the directory manages, then
 * by username (people who signed in, or came from a CSV file, before the sync: the sync adopts
 * them). Enabled entries are created, updated where a field differs, or reactivated; disabled
 * ones, and directory-managed people no entry names, are deactivated. Pure: writes nothing.
 */
export function planDirectorySync(
  entries: readonly DirectoryEntry[],
  people: readonly KnownPerson[],
): DirectoryPlan {
  const plan: DirectoryPlan = {
    create: [],
    update: [],
    managers: [],
    deactivate: [],
    reactivate: [],
    unchanged: 0,
    skipped: [],
  };
  const matches = matchPeople(unique(entries, plan), people, plan);
  const idOfDn = new Map<string, string>();
  for (const { entry, person, newId } of matches) idOfDn.set(entry.dn, person?.id ?? newId);
  for (const { entry, person, newId } of matches) {
    if (entry.disabled) {
      if (person && !person.deactivated)
        plan.deactivate.push({ id: person.id, username: person.username });
      else plan.unchanged++;
      continue;
    }
    const managerId = entry.managerDn ? (idOfDn.get(entry.managerDn) ?? null) : null;
    // Someone named as their own manager has none.
    const manager = managerId === (person?.id ?? newId) ? null : managerId;
    if (!person) {
      plan.create.push({ id: newId, ...fields(entry, null) });
      if (manager) plan.managers.push({ id: newId, username: entry.username, managerId: manager });
      continue;
    }
    const target = fields(entry, person);
    const changed = changedFields(person, target);
    if (changed.length)
      plan.update.push({ id: person.id, username: entry.username, fields: target, changed });
    if (person.managerId !== manager)
      plan.managers.push({ id: person.id, username: entry.username, managerId: manager });
    if (person.deactivated) plan.reactivate.push({ id: person.id, username: entry.username });
    if (!changed.length && person.managerId === manager && !person.deactivated) plan.unchanged++;
  }
  const matched = new Set(matches.flatMap(({ person }) => (person ? [person.id] : [])));
  for (const person of people)
    if (person.directorySource === 'ldap' && !person.deactivated && !matched.has(person.id))
      plan.deactivate.push({ id: person.id, username: person.username });
  return plan;
}

interface Match {
  entry: DirectoryEntry;
  person: KnownPerson | undefined;
  /** The id a person created from the entry gets. */
  newId: string;
}

/** Entries whose username and stable id no earlier entry has; the others are skipped. */
function unique(entries: readonly DirectoryEntry[], plan: DirectoryPlan): DirectoryEntry[] {
  const usernames = new Set<string>();
  const ids = new Set<string>();
  return entries.filter((entry) => {
    const username = entry.username.toLowerCase();
    const duplicate = usernames.has(username) || ids.has(entry.externalId);
    if (duplicate)
      plan.skipped.push({
        username: entry.username,
        reason: 'another entry has the same username or id',
      });
    usernames.add(username);
    ids.add(entry.externalId);
    return !duplicate;
  });
}

function matchPeople(
  entries: readonly DirectoryEntry[],
  people: readonly KnownPerson[],
  plan: DirectoryPlan,
): Match[] {
  const byId = new Map<string, KnownPerson>();
  const byUsername = new Map<string, KnownPerson>();
  for (const person of people) {
    if (person.directorySource === 'ldap' && person.externalId) byId.set(person.externalId, person);
    if (person.username) byUsername.set(person.username.toLowerCase(), person);
  }
  const claimed = new Set<string>();
  const scim = new Set<DirectoryEntry>();
  const matches = entries.map((entry) => {
    const person = byId.get(entry.externalId);
    if (person) claimed.add(person.id);
    return { entry, person, newId: randomUUID() };
  });
  for (const match of matches) {
    if (match.person) continue;
    const person = byUsername.get(match.entry.username.toLowerCase());
    if (!person || claimed.has(person.id)) continue;
    if (person.directorySource === 'scim') {
      // Neither adopted nor created anew: the username is theirs.
      plan.skipped.push({
        username: match.entry.username,
        reason: 'SCIM provisioning manages this person',
      });
      scim.add(match.entry);
      continue;
    }
    claimed.add(person.id);
    match.person = person;
  }
  return matches.filter((match) => !scim.has(match.entry));
}

/** What the person's record should say. The directory's language only fills in a missing one. */
function fields(entry: DirectoryEntry, person: KnownPerson | null): PersonFields {
  return {
    username: entry.username,
    externalId: entry.externalId,
    name: entry.name,
    email: entry.email,
    department: entry.department,
    title: entry.title,
    locale: person?.locale ?? entry.locale,
  };
}

function changedFields(person: KnownPerson, target: PersonFields): PersonField[] {
  const changed = (Object.keys(target) as PersonField[]).filter(
    (key) => person[key] !== target[key],
  );
  // Adopting someone known from sign-in or a file: the directory manages them from now on.
  if (person.directorySource !== 'ldap' && !changed.includes('externalId'))
    changed.push('externalId');
  return changed;
}
