import { type AnyEntity, wrap } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ServiceError } from '../../service-error.js';
import { recordAudit } from '../audit/audit-log.js';
import type { NoteKeyring } from '../pairs/note-keyring.js';
import type { PairNote } from '../pairs/pair-note.js';
import { readBody } from '../pairs/pair-notes.js';
import { User } from '../users/user.js';
import type { PersonalDataExport } from './privacy-schemas.js';
import { userReferences } from './user-references.js';

/**
 * Columns left out of an export: secrets of a sign-in (a session's token hash and ID token) and
 * a note's ciphertext, which is exported decrypted instead.
 */
const WITHHELD: Record<string, readonly string[]> = {
  Session: ['id', 'idToken'],
  PairNote: ['keyId', 'iv', 'ciphertext', 'legacyBody'],
};

/**
 * Everything Tandem holds about a person, one section per table with every row that refers to
 * them (see user-references.ts), machine-readable. Their own pair notes come decrypted.
 *
 * @throws ServiceError not-found for an unknown person.
 */
export async function exportPersonalData(
  em: EntityManager,
  keyring: NoteKeyring,
  userId: string,
  noteBodies: 'decrypted' | 'withheld' = 'decrypted',
): Promise<PersonalDataExport> {
  const fork = em.fork();
  if (!(await fork.findOne(User, userId))) throw new ServiceError('not-found', 'No such user.');
  const tables: Record<string, Record<string, unknown>[]> = {};
  for (const reference of userReferences(fork)) {
    const rows = await fork.find<AnyEntity>(reference.entity, {
      $or: reference.filters(userId),
    });
    tables[reference.tableName] = rows.map((row) =>
      exportedRow(reference.entity, row, noteBodies === 'decrypted' ? keyring : undefined),
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
 * notes are private to the pair: no admin route returns them, so their texts are withheld here
 * (the person gets them from their own export).
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

/** One row as exported; a note's text decrypted with the keyring, or withheld without one. */
function exportedRow(
  entity: string,
  row: AnyEntity,
  keyring: NoteKeyring | undefined,
): Record<string, unknown> {
  const object: Record<string, unknown> = wrap(row).toObject();
  for (const column of WITHHELD[entity] ?? []) delete object[column];
  // Every note in the section is the person's own (notes are theirs through `author` only).
  if (entity !== 'PairNote') return object;
  object.body = keyring ? (readBody(keyring, row as PairNote) ?? null) : null;
  if (!keyring) object.bodyWithheld = 'Private pair notes go only to their author.';
  return object;
}
