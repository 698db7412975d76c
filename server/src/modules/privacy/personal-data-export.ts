import { type AnyEntity, wrap } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ServiceError } from '../../service-error.js';
import { recordAudit } from '../audit/audit-log.js';
import type { NoteKeyring } from '../pairs/note-keyring.js';
import type { PairNote } from '../pairs/pair-note.js';
import { readBody } from '../pairs/pair-notes.js';
import type { PairQuestion } from '../pairs/pair-question.js';
import { readText } from '../pairs/pair-questions.js';
import { User } from '../users/user.js';
import type { PersonalDataExport } from './privacy-schemas.js';
import { userReferences } from './user-references.js';

/**
 * Columns left out of an export: secrets of a sign-in (a session's token hash and ID token) and
 * a note's or question's ciphertext, which is exported decrypted instead.
 */
const WITHHELD: Record<string, readonly string[]> = {
  Session: ['id', 'idToken'],
  PairNote: ['keyId', 'iv', 'ciphertext', 'legacyBody'],
  PairQuestion: ['keyId', 'iv', 'ciphertext', 'legacyText'],
};

/** A text private to a pair: the name it is exported under, how it decrypts, why it may not. */
interface PairText {
  column: string;
  read: (keyring: NoteKeyring, row: AnyEntity) => string | undefined;
  withheld: string;
}

const PAIR_TEXTS: Record<string, PairText> = {
  PairNote: {
    column: 'body',
    read: (keyring, row) => readBody(keyring, row as PairNote),
    withheld: 'Private pair notes go only to their author.',
  },
  PairQuestion: {
    column: 'text',
    read: (keyring, row) => readText(keyring, row as PairQuestion),
    withheld: 'Private pair questions go only to their author.',
  },
};

/**
 * Everything Tandem holds about a person, one section per table with every row that refers to
 * them (see user-references.ts), machine-readable. Their own pair notes and questions come
 * decrypted.
 *
 * @throws ServiceError not-found for an unknown person.
 */
export async function exportPersonalData(
  em: EntityManager,
  keyring: NoteKeyring,
  userId: string,
  pairTexts: 'decrypted' | 'withheld' = 'decrypted',
): Promise<PersonalDataExport> {
  const fork = em.fork();
  if (!(await fork.findOne(User, userId))) throw new ServiceError('not-found', 'No such user.');
  const tables: Record<string, Record<string, unknown>[]> = {};
  for (const reference of userReferences(fork)) {
    const rows = await fork.find<AnyEntity>(reference.entity, {
      $or: reference.filters(userId),
    });
    tables[reference.tableName] = rows.map((row) =>
      exportedRow(reference.entity, row, pairTexts === 'decrypted' ? keyring : undefined),
    );
  }
  return {
    format: 'tandem-personal-data',
    version: 1,
    exportedAt: new Date().toISOString(),
    userId,
    tables,
  };
}

/**
 * An admin exports a person's data on their behalf (a request by letter, say). Audited. Pair
 * notes and questions are private to the pair: no admin route returns them, so their texts are
 * withheld here (the person gets them from their own export).
 */
export async function exportPersonalDataForAdmin(
  em: EntityManager,
  keyring: NoteKeyring,
  adminId: string,
  userId: string,
): Promise<PersonalDataExport> {
  const data = await exportPersonalData(em, keyring, userId, 'withheld');
  await recordAudit(em, {
    action: 'user.data-exported',
    actorId: adminId,
    targetType: 'user',
    targetId: userId,
  });
  return data;
}

/** The file name offered for download, with the day of the export. */
export function exportFilename(data: PersonalDataExport): string {
  return `tandem-export-${data.exportedAt.slice(0, 10)}.json`;
}

/**
 * One row as exported; a note's or question's text decrypted with the keyring, or withheld
 * without one.
 */
function exportedRow(
  entity: string,
  row: AnyEntity,
  keyring: NoteKeyring | undefined,
): Record<string, unknown> {
  const object: Record<string, unknown> = wrap(row).toObject();
  for (const column of WITHHELD[entity] ?? []) delete object[column];
  const text = PAIR_TEXTS[entity];
  // Every note and question in the section is the person's own (theirs through `author` only).
  if (!text) return object;
  object[text.column] = keyring ? (text.read(keyring, row) ?? null) : null;
  if (!keyring) object[`${text.column}Withheld`] = text.withheld;
  return object;
}
