import { type AnyEntity, wrap } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ServiceError } from '../../service-error.js';
import { AuditEvent } from '../audit/audit-event.js';
import { recordAudit } from '../audit/audit-log.js';
import { type Match, UNPUBLISHED_STATES } from '../matching/match.js';
import type { NoteKeyring } from '../pairs/note-keyring.js';
import type { HomeworkItem, PairSession } from '../pairs/pair-session.js';
import {
  openRow,
  SEALED_TABLES,
  type SealedTable,
  type SealedTableRow,
} from '../pairs/sealed-text.js';
import { User } from '../users/user.js';
import type { PersonalDataExport } from './privacy-schemas.js';
import { userReferences, type Where } from './user-references.js';

/** Who an export is for: the person themselves, or an admin acting for them. */
type ExportAudience = 'person' | 'admin';

/** What a person's own export needs to know beyond the rows: the pairs they dissolved. */
interface PersonContext {
  dissolvedByThem: ReadonlySet<string>;
}

/** How one entity's rows are exported, where that is more than every column as stored. */
interface ExportRule {
  /** Columns nobody gets: a sign-in's secrets. */
  secret?: readonly string[];
  /**
   * The text a pair writes for itself: the person gets it (decrypted where it is sealed, its
   * sealed columns never), an admin never (docs/privacy.md, "Who sees what").
   */
  pairText?: { column: string; sealed?: SealedTable };
  /**
   * The only way a row is the person's, instead of every way user-references.ts finds: a
   * partner's marks on the pair's goals are the partner's, though the pair shares them.
   */
  theirsOnlyBy?: (userId: string) => Where;
  /** Rows about the person that they never saw, left out of their own export. */
  unseenByPerson?: Where;
  /** The person's own export of a row: what a participant does not see of it goes. */
  forPerson?: (object: Record<string, unknown>, row: AnyEntity, context: PersonContext) => void;
  /** The admin export of a row: what the pair wrote for itself goes. */
  forAdmin?: (object: Record<string, unknown>, row: AnyEntity) => void;
}

const [NOTES, QUESTIONS] = SEALED_TABLES;
const SEALED_COLUMNS = ['keyId', 'iv', 'ciphertext'] as const;
const PAIR_TEXT = 'Private to the pair: goes only to their author.';
const PAIRS_OWN = 'Written by the pair for itself: goes only to its members.';
const CONFIDENTIAL = 'Confidential: a partner is not told why a pair was dissolved.';
const FOR_REVIEW = "The score and its explanation are for the admins' review of pairs only.";
const UNPUBLISHED = { $in: [...UNPUBLISHED_STATES] };
const SURVEY_ANSWERS =
  'Survey answers are stored without a name, a time or anything else that leads back to a person: they cannot be found again, so they are not in this export.';

const RULES: Record<string, ExportRule> = {
  Session: { secret: ['id', 'idToken'] },
  PairNote: { pairText: { column: 'body', sealed: NOTES } },
  PairQuestion: { pairText: { column: 'text', sealed: QUESTIONS } },
  SessionFeedback: { pairText: { column: 'comment' } },
  // A proposal is the admins' business until it is published.
  Match: { unseenByPerson: { state: UNPUBLISHED }, forPerson: matchForPerson },
  MatchMember: { unseenByPerson: { match: { state: UNPUBLISHED } } },
  PairSession: { forAdmin: pairSessionForAdmin },
  PairGoal: { forAdmin: (object) => withhold(object, ['text'], PAIRS_OWN) },
  PairGoalProgress: {
    theirsOnlyBy: (userId) => ({ author: userId }),
    forAdmin: (object) => withhold(object, ['note'], PAIRS_OWN),
  },
  // Which surveys the person was asked and whether they answered; what they answered is nowhere.
  SurveyInvitation: { forPerson: surveyAnswersNote, forAdmin: surveyAnswersNote },
};

/**
 * Everything Tandem holds about a person, one section per table with every row that refers to
 * them (see user-references.ts), machine-readable. Their own pair notes and questions come
 * decrypted, their pairs' goals with the marks of progress they made; what a participant does
 * not see (proposals, a match's score, a partner's reason for dissolving) stays out.
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
  const context = audience === 'person' ? await personContext(fork, userId) : undefined;
  const tables: Record<string, Record<string, unknown>[]> = {};
  for (const reference of userReferences(fork)) {
    const rule = RULES[reference.entity] ?? {};
    const theirs = rule.theirsOnlyBy?.(userId) ?? { $or: reference.filters(userId) };
    const unseen = context ? rule.unseenByPerson : undefined;
    const rows = await fork.find<AnyEntity>(
      reference.entity,
      unseen ? { $and: [theirs, { $not: unseen }] } : theirs,
    );
    tables[reference.tableName] = rows.map((row) =>
      context ? forPerson(rule, row, keyring, context) : forAdmin(rule, row),
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
 * person's pair wrote for itself (notes, questions, feedback comments, the homework and sessions
 * it added, its goals and notes on their progress) is withheld here: no admin route returns it.
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

/** The pairs the person dissolved themselves, as the audit records it: their reason is theirs. */
async function personContext(em: EntityManager, userId: string): Promise<PersonContext> {
  const events = await em.find(AuditEvent, {
    action: 'pair.dissolved',
    actor: userId,
    targetType: 'match',
  });
  return { dissolvedByThem: new Set(events.map((event) => event.targetId ?? '')) };
}

/** A row as stored, without its secrets and sealed columns. */
function stored(rule: ExportRule, row: AnyEntity): Record<string, unknown> {
  const object: Record<string, unknown> = wrap(row).toObject();
  const sealed = rule.pairText?.sealed;
  for (const column of [
    ...(rule.secret ?? []),
    ...(sealed ? [...SEALED_COLUMNS, sealed.legacy] : []),
  ])
    delete object[column];
  return object;
}

function forPerson(
  rule: ExportRule,
  row: AnyEntity,
  keyring: NoteKeyring,
  context: PersonContext,
): Record<string, unknown> {
  const object = stored(rule, row);
  const text = rule.pairText;
  // Every note and question in the section is the person's own (theirs through `author` only).
  if (text?.sealed)
    object[text.column] = openRow(keyring, text.sealed, row as SealedTableRow) ?? null;
  rule.forPerson?.(object, row, context);
  return object;
}

function forAdmin(rule: ExportRule, row: AnyEntity): Record<string, unknown> {
  const object = stored(rule, row);
  if (rule.pairText) withhold(object, [rule.pairText.column], PAIR_TEXT);
  rule.forAdmin?.(object, row);
  return object;
}

/** A participant sees neither the score of their match nor why a partner dissolved it. */
function matchForPerson(
  object: Record<string, unknown>,
  row: AnyEntity,
  { dissolvedByThem }: PersonContext,
): void {
  const match = row as Match;
  delete object.score;
  delete object.criteria;
  object.scoreWithheld = FOR_REVIEW;
  // An admin's reason code is the admins' alone; a member who dissolved gives words, no code.
  object.dissolvedReasonCode = null;
  if (dissolvedByThem.has(match.id)) return;
  object.dissolvedReason = null;
  if (match.state === 'dissolved') object.dissolvedReasonWithheld = CONFIDENTIAL;
}

/** A session the pair added, and homework it wrote, are its own; the curriculum's texts stay. */
function pairSessionForAdmin(object: Record<string, unknown>, row: AnyEntity): void {
  const session = row as PairSession;
  if (session.addedByPair) withhold(object, ['title', 'goal', 'agenda'], PAIRS_OWN);
  const side = (items: HomeworkItem[]) =>
    items.map((item) => (item.byPair ? { ...item, text: null, textWithheld: PAIRS_OWN } : item));
  object.homework = {
    mentor: side(session.homework.mentor),
    mentee: side(session.homework.mentee),
  };
}

function surveyAnswersNote(object: Record<string, unknown>): void {
  object.answers = SURVEY_ANSWERS;
}

function withhold(object: Record<string, unknown>, columns: readonly string[], why: string): void {
  for (const column of columns) {
    object[column] = null;
    object[`${column}Withheld`] = why;
  }
}
