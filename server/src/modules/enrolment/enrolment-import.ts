import { isDeepStrictEqual } from 'node:util';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Value } from '@sinclair/typebox/value';
import { lockRows } from '../../db/lock-rows.js';
import {
  cell,
  type ImportResult,
  type ImportRow,
  importEach,
  isEmailAddress,
  listCell,
  type RowOutcome,
  RowRejected,
} from '../../import-rows.js';
import { recordAudit } from '../audit/audit-log.js';
import { EMPTY_PROFILE, type Profile, ProfileSchema } from '../profiles/profile-schema.js';
import { saveCheckedProfiles } from '../profiles/profile-service.js';
import { Programme } from '../programmes/programme.js';
import type { User } from '../users/user.js';
import { ENROLMENT_ROLES, type Enrolment, JOINING_STATES } from './enrolment.js';
import { ENROLMENT_VALUES } from './enrolment-columns.js';
import { type ImportFacts, loadImportFacts } from './enrolment-import-facts.js';
import {
  checkEnrolmentWith,
  type EnrolmentCheck,
  INBOX_ONLY,
  saveEnrolments,
} from './enrolment-service.js';

export interface ImportOptions {
  /** Check every row as the import would, and save nothing. */
  dryRun: boolean;
  onProgress?: ((done: number, total: number) => void) | undefined;
  now?: Date;
}

/** Rows checked together and saved in one transaction. */
const BATCH = 1000;

/**
 * Enrols the people of a file into a programme under the rules of their own enrolment
 * ({@link checkEnrolmentWith}: open window, eligibility, skills from the taxonomy, a language
 * the programme meets in) and saves them as {@link enrol} does. A person is found by email
 * among those Tandem knows; an empty cell keeps what their saved profile says. A row that would
 * change nothing is left alone, so a file can be imported again, and so can an export (German
 * or English): a row the export marks withdrawn is left alone, as the import enrols and never
 * withdraws. The run is audited with its counts.
 *
 * A thousand rows at a time: what their checks read is loaded in a few queries, and the batch
 * is saved in one transaction under the programme's lock, so that places are taken in file
 * order. Row by row it took some twenty statements a row (2.5 rows/s at 50,000 people).
 */
export async function importEnrolments(
  em: EntityManager,
  programme: Programme,
  rows: readonly ImportRow[],
  { dryRun, onProgress, now = new Date() }: ImportOptions,
): Promise<ImportResult> {
  let batch: EnrolmentBatch | undefined;
  const batches = {
    size: BATCH,
    begin: async (batchRows: readonly ImportRow[]) => {
      batch = await openBatch(em, programme.id, batchRows, dryRun);
    },
    end: async () => {
      await batch?.save(now);
    },
  };
  const handle = async (row: ImportRow): Promise<Exclude<RowOutcome, 'rejected'>> => {
    if (!batch) throw new Error('a row outside its batch');
    const user = personByEmail(batch.facts, row);
    if (isWithdrawn(row)) return 'unchanged';
    const saved = batch.facts.profiles.get(user.id) ?? { ...EMPTY_PROFILE };
    const input = { role: role(row), profile: profile(saved, row) };
    const checked = checkEnrolmentWith(
      {
        user,
        programme: batch.facts.programme,
        existing: batch.facts.enrolments.get(user.id) ?? null,
        profile: { saved, ...batch.facts.known },
      },
      input,
      now,
    );
    if (checked.existing && unchanged(checked.existing, checked)) return 'unchanged';
    batch.checked.push(checked);
    return checked.existing ? 'updated' : 'created';
  };
  let result: ImportResult;
  try {
    result = await importEach(rows, handle, {
      key: (row) => cell(row, 'email')?.toLowerCase(),
      onProgress,
      batches,
    });
  } catch (error) {
    await batch?.abandon();
    throw error;
  }
  if (!dryRun)
    await recordAudit(em, {
      action: 'programme.enrolments-imported',
      targetType: 'programme',
      targetId: programme.id,
      data: { via: 'cli', ...result.counts },
    });
  return result;
}

interface EnrolmentBatch {
  facts: ImportFacts;
  /** The rows that change an enrolment, checked, in file order. */
  checked: EnrolmentCheck[];
  /** Saves the checked rows with the profiles they bring, and ends the batch's transaction. */
  save(now: Date): Promise<void>;
  /** Ends the transaction with nothing saved. */
  abandon(): Promise<void>;
}

/**
 * Loads what a batch's rows refer to; outside a dry run in a transaction that has locked the
 * programme first, as {@link enrol} does, so that the checks see every enrolment before them.
 */
async function openBatch(
  em: EntityManager,
  programmeId: string,
  rows: readonly ImportRow[],
  dryRun: boolean,
): Promise<EnrolmentBatch> {
  const tx = em.fork();
  if (!dryRun) await tx.begin();
  try {
    const [programme = null] = dryRun
      ? await tx.find(Programme, { id: programmeId })
      : await lockRows(tx, Programme, [programmeId]);
    const facts = await loadImportFacts(tx, programme, rows);
    const checked: EnrolmentCheck[] = [];
    return {
      facts,
      checked,
      save: async (now) => {
        if (dryRun) return;
        if (programme) {
          await saveCheckedProfiles(
            tx,
            checked.map(({ user, profile }) => ({ userId: user.id, profile })),
          );
          await saveEnrolments(tx, programme, checked, now, INBOX_ONLY);
        }
        await tx.commit();
      },
      abandon: async () => {
        if (!dryRun && tx.isInTransaction()) await tx.rollback();
      },
    };
  } catch (error) {
    if (!dryRun) await tx.rollback();
    throw error;
  }
}

function personByEmail(facts: ImportFacts, row: ImportRow): User {
  const email = cell(row, 'email');
  if (!email) throw new RowRejected('email is empty');
  if (!isEmailAddress(email)) throw new RowRejected(`email ${email} is not an email address`);
  const people = facts.people.get(email.toLowerCase()) ?? [];
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
function profile(saved: Profile, row: ImportRow): Profile {
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
