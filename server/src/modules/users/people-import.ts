import { randomUUID } from 'node:crypto';
import type { EntityManager, RequiredEntityData } from '@mikro-orm/postgresql';
import {
  cell,
  type ImportColumns,
  type ImportResult,
  type ImportRow,
  importEach,
  isEmailAddress,
  RowRejected,
} from '../../import-rows.js';
import { recordAudit } from '../audit/audit-log.js';
import { User } from './user.js';

/**
 * The columns of a people file, by name or heading in German or English (as the enrolment
 * export writes them); `subject` and `name` are required.
 */
export const PEOPLE_COLUMNS: ImportColumns = {
  read: {
    subject: ['Kennung', 'Subject'],
    name: ['Name'],
    email: ['E-Mail', 'Email'],
    department: ['Abteilung', 'Department'],
    title: ['Funktion', 'Job title'],
  },
  required: ['subject', 'name'],
};

/** Rows looked up and saved together. */
const BATCH = 1000;

export interface PeopleImportOptions {
  /** Check every row and save nothing. */
  dryRun: boolean;
  onProgress?: ((done: number, total: number) => void) | undefined;
}

/**
 * Creates people before they first sign in, so that admins can enrol them at once. Each is
 * keyed as sign-in keys them, by the identity provider's issuer and their subject (`sub`):
 * signing in finds the imported row and refreshes it from the claims. Never by email, which
 * changes and gets reused. A person already known gets the file's values where they differ;
 * a row that would change nothing is left alone, so a file can be imported again.
 */
export async function importPeople(
  em: EntityManager,
  issuer: string,
  rows: readonly ImportRow[],
  { dryRun, onProgress }: PeopleImportOptions,
): Promise<ImportResult> {
  // A batch's people are looked up in one query and saved in one flush: row by row, 50,000
  // people took 100,000 round trips.
  // New people go in one INSERT, past the unit of work, which spent more time than the database.
  let batch = em.fork();
  let known = new Map<string, User>();
  let fresh: RequiredEntityData<User>[] = [];
  const batches = {
    size: BATCH,
    begin: async (batchRows: readonly ImportRow[]) => {
      batch = em.fork();
      fresh = [];
      const subjects = batchRows.flatMap((row) => cell(row, 'subject') ?? []);
      const found = await batch.find(User, { issuer, subject: { $in: subjects } });
      known = new Map(found.map((user) => [user.subject, user]));
    },
    end: async () => {
      if (fresh.length) await batch.insertMany<User>(User, fresh);
      await batch.flush();
    },
  };
  const result = await importEach(
    rows,
    async (row) => {
      const subject = cell(row, 'subject');
      if (!subject) throw new RowRejected('subject is empty: the identity provider’s sub claim');
      const values = person(row);
      const existing = known.get(subject);
      if (existing && sameAs(existing, values)) return 'unchanged';
      if (dryRun) return existing ? 'updated' : 'created';
      if (existing) batch.assign(existing, values);
      else {
        const now = new Date();
        fresh.push({
          id: randomUUID(),
          issuer,
          subject,
          ...values,
          createdAt: now,
          updatedAt: now,
        });
      }
      return existing ? 'updated' : 'created';
    },
    { key: (row) => cell(row, 'subject'), onProgress, batches },
  );
  if (!dryRun)
    await recordAudit(em, {
      action: 'user.people-imported',
      data: { via: 'cli', ...result.counts },
    });
  return result;
}

type PersonValues = Pick<User, 'name' | 'email' | 'department' | 'title'>;

function person(row: ImportRow): PersonValues {
  const name = cell(row, 'name');
  if (!name) throw new RowRejected('name is empty');
  const email = cell(row, 'email') ?? null;
  if (email && !isEmailAddress(email))
    throw new RowRejected(`email ${email} is not an email address`);
  return {
    name,
    email,
    department: cell(row, 'department') ?? null,
    title: cell(row, 'title') ?? null,
  };
}

function sameAs(user: User, values: PersonValues): boolean {
  return (Object.keys(values) as (keyof PersonValues)[]).every((key) => user[key] === values[key]);
}
