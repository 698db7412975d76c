import { isDeepStrictEqual } from 'node:util';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Value } from '@sinclair/typebox/value';
import {
  cell,
  type ImportResult,
  type ImportRow,
  importEach,
  isEmailAddress,
  listCell,
  RowRejected,
} from '../../import-rows.js';
import { recordAudit } from '../audit/audit-log.js';
import { EMPTY_PROFILE, type Profile, ProfileSchema } from '../profiles/profile-schema.js';
import { getProfile } from '../profiles/profile-service.js';
import type { Programme } from '../programmes/programme.js';
import { emailMatch } from '../users/email-match.js';
import { User } from '../users/user.js';
import { ENROLMENT_ROLES, type Enrolment, JOINING_STATES } from './enrolment.js';
import { ENROLMENT_VALUES } from './enrolment-columns.js';
import { checkEnrolment, enrol } from './enrolment-service.js';

export interface ImportOptions {
  /** Check every row as the import would, and save nothing. */
  dryRun: boolean;
  onProgress?: ((done: number, total: number) => void) | undefined;
  now?: Date;
}

/**
 * Enrols the people of a file into a programme through {@link enrol}, under the rules of their
 * own enrolment (open window, eligibility, skills from the taxonomy, a language the programme
 * meets in). A person is found by email among those Tandem knows; an empty cell keeps what
 * their saved profile says. A row that would change nothing is left alone, so a file can be
 * imported again, and so can an export (German or English): a row the export marks withdrawn is
 * left alone, as the import enrols and never withdraws. The run is audited with its counts.
 */
export async function importEnrolments(
  em: EntityManager,
  programme: Programme,
  rows: readonly ImportRow[],
  { dryRun, onProgress, now = new Date() }: ImportOptions,
): Promise<ImportResult> {
  const result = await importEach(
    rows,
    async (row) => {
      const user = await personByEmail(em, row);
      if (isWithdrawn(row)) return 'unchanged';
      const input = { role: role(row), profile: await profile(em, user.id, row) };
      const checked = await checkEnrolment(em.fork(), user.id, programme.id, input, now);
      if (checked.existing && unchanged(checked.existing, checked)) return 'unchanged';
      if (!dryRun) await enrol(em, user.id, programme.id, input, now);
      return checked.existing ? 'updated' : 'created';
    },
    { key: (row) => cell(row, 'email')?.toLowerCase(), onProgress },
  );
  if (!dryRun)
    await recordAudit(em, {
      action: 'programme.enrolments-imported',
      targetType: 'programme',
      targetId: programme.id,
      data: { via: 'cli', ...result.counts },
    });
  return result;
}

async function personByEmail(em: EntityManager, row: ImportRow): Promise<User> {
  const email = cell(row, 'email');
  if (!email) throw new RowRejected('email is empty');
  if (!isEmailAddress(email)) throw new RowRejected(`email ${email} is not an email address`);
  const people = await em.fork().find(User, emailMatch(email), { limit: 2 });
  if (people.length > 1)
    throw new RowRejected(`more than one person has the email ${email}; enrol them in Tandem`);
  const [person] = people;
  if (!person)
    throw new RowRejected(
      `nobody with the email ${email} is known to Tandem (sign in or import people first)`,
    );
  return person;
}

/** The state column of an export: `withdrawn` or `abgemeldet`. */
function isWithdrawn(row: ImportRow): boolean {
  const value = cell(row, 'state')?.toLowerCase();
  return (
    value === ENROLMENT_VALUES.en.state.withdrawn || value === ENROLMENT_VALUES.de.state.withdrawn
  );
}

/** A role by its name or as the German export writes it (`Mentor:in`, `beides`). */
function role(row: ImportRow): Enrolment['role'] | undefined {
  const value = cell(row, 'role')?.toLowerCase();
  if (value === undefined) return undefined;
  const known = ENROLMENT_ROLES.find(
    (r) => r === value || ENROLMENT_VALUES.de.role[r].toLowerCase() === value,
  );
  if (!known) throw new RowRejected(`role ${value} is not one of ${ENROLMENT_ROLES.join(', ')}`);
  return known;
}

/** The person's saved profile with the row's cells over it. */
async function profile(em: EntityManager, userId: string, row: ImportRow): Promise<Profile> {
  const saved = await getProfile(em, userId);
  const lists = {
    skillsOffered: listCell(row, 'skillsOffered'),
    skillsWanted: listCell(row, 'skillsWanted'),
    languages: listCell(row, 'languages').map((l) => l.toLowerCase()),
    availability: listCell(row, 'availability').map(availabilityWindow),
  };
  const location = cell(row, 'location');
  const format = cell(row, 'format')?.toLowerCase();
  const merged: Record<string, unknown> = { ...saved };
  for (const [field, values] of Object.entries(lists)) if (values.length) merged[field] = values;
  if (location) merged.location = location;
  if (format) merged.format = format;
  const problem = Value.Errors(ProfileSchema, merged).First();
  if (problem) throw new RowRejected(`${columnOf(problem.path)}: ${problem.message}`);
  return merged as Profile;
}

const WEEKDAYS: Record<string, number> = {
  ...Object.fromEntries(
    ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d, i) => [d, i + 1]),
  ),
  ...Object.fromEntries(['mo', 'di', 'mi', 'do', 'fr', 'sa', 'so'].map((d, i) => [d, i + 1])),
};

/** `Mon 09:00-12:00`, `Di 14:00-15:30` or `3 08:00-09:00` (ISO weekday). */
function availabilityWindow(text: string): Profile['availability'][number] {
  const match = /^(\w+)\s+(\d{1,2}:\d{2})\s*-\s*(\d{1,2}:\d{2})$/.exec(text);
  const day = match?.[1]?.toLowerCase() ?? '';
  // Full names too: `Monday`, `Donnerstag`.
  const weekday =
    WEEKDAYS[day] ?? WEEKDAYS[day.slice(0, 3)] ?? WEEKDAYS[day.slice(0, 2)] ?? Number(day);
  if (!match?.[2] || !match[3] || !(weekday >= 1 && weekday <= 7))
    throw new RowRejected(`availability ${text} is not like "Mon 09:00-12:00"`);
  const pad = (time: string) => time.padStart(5, '0');
  const window = { weekday, from: pad(match[2]), to: pad(match[3]) };
  if (window.from >= window.to) throw new RowRejected(`availability ${text} ends before it starts`);
  return window;
}

/** `/languages/0` → `languages`, the column at fault. */
function columnOf(path: string): string {
  return path.split('/')[1] || 'profile';
}

function unchanged(existing: Enrolment, next: { role: Enrolment['role']; profile: Profile }) {
  return (
    (JOINING_STATES as readonly string[]).includes(existing.state) &&
    existing.role === next.role &&
    isDeepStrictEqual({ ...EMPTY_PROFILE, ...(existing.profile as Partial<Profile>) }, next.profile)
  );
}
