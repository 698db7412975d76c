import type { EntityManager } from '@mikro-orm/postgresql';
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
  const result = await importEach(
    rows,
    async (row) => {
      const subject = cell(row, 'subject');
      if (!subject) throw new RowRejected('subject is empty: the identity provider’s sub claim');
      const values = person(row);
      const fork = em.fork();
      const existing = await fork.findOne(User, { issuer, subject });
      if (existing && sameAs(existing, values)) return 'unchanged';
      if (dryRun) return existing ? 'updated' : 'created';
      if (existing) fork.assign(existing, values);
      else fork.create(User, { issuer, subject, ...values, roles: [] });
      await fork.flush();
      return existing ? 'updated' : 'created';
    },
    { key: (row) => cell(row, 'subject'), onProgress },
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
