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

/**
 * What a pair writes for itself, by entity: the column, and how it decrypts where it is
 * encrypted. No admin route returns these texts (docs/privacy.md, "Who sees what"), so an admin's
 * export of a person withholds them; the person gets them, decrypted, in their own export.
 */
const PRIVATE_TO_THE_PAIR: Record<
  string,
  { column: string; decrypt?: (keyring: NoteKeyring, row: AnyEntity) => string | undefined }
> = {
  PairNote: { column: 'body', decrypt: (keyring, row) => readBody(keyring, row as PairNote) },
  PairQuestion: {
    column: 'text',
    decrypt: (keyring, row) => readText(keyring, row as PairQuestion),
  },
  SessionFeedback: { column: 'comment' },
};

/** Who an export is for: the person themselves, or an admin acting for them. */
export type ExportAudience = 'person' | 'admin';

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
  audience: ExportAudience = 'person',
): Promise<PersonalDataExport> {
  const fork = em.fork();
  if (!(await fork.findOne(User, userId))) throw new ServiceError('not-found', 'No such user.');
  const tables: Record<string, Record<string, unknown>[]> = {};
  for (const reference of userReferences(fork)) {
    const rows = await fork.find<AnyEntity>(reference.entity, {
      $or: reference.filters(userId),
    });
    tables[reference.tableName] = rows.map((row) =>
      exportedRow(reference.entity, row, audience, keyring),
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
 * An admin exports a person's data on their behalf (a request by letter, say). Audited. What the
 * person wrote for their pair (notes, questions, feedback comments) is withheld here: no admin
 * route returns it.
 */
export async function exportPersonalDataForAdmin(
  em: EntityManager,
  keyring: NoteKeyring,
  adminId: string,
  userId: string,
): Promise<PersonalDataExport> {
  const data = await exportPersonalData(em, keyring, userId, 'admin');
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
 * One row as exported: to an admin without the pair's own texts, to the person with their notes
 * and questions decrypted.
 */
function exportedRow(
  entity: string,
  row: AnyEntity,
  audience: ExportAudience,
  keyring: NoteKeyring,
): Record<string, unknown> {
  const object: Record<string, unknown> = wrap(row).toObject();
  for (const column of WITHHELD[entity] ?? []) delete object[column];
  const text = PRIVATE_TO_THE_PAIR[entity];
  if (!text) return object;
  if (audience === 'admin') {
    object[text.column] = null;
    object[`${text.column}Withheld`] = 'Private to the pair: goes only to their author.';
    return object;
  }
  // Every note and question in the section is the person's own (theirs through `author` only).
  if (text.decrypt) object[text.column] = text.decrypt(keyring, row) ?? null;
  return object;
}
