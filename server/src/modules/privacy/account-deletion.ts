import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ServiceError } from '../../service-error.js';
import { recordAudit } from '../audit/audit-log.js';
import { leaveProgrammes } from '../enrolment/leave-programmes.js';
import type { MeetingDependencies } from '../meetings/meeting-notices.js';
import { organisationSettings } from '../organisation/organisation-settings.js';
import type { NoteKeyring } from '../pairs/note-keyring.js';
import { User } from '../users/user.js';
import {
  identifyingValues,
  jsonWordPattern,
  type Replacement,
  wordPattern,
} from './identifying-values.js';
import type { AccountDeleted } from './privacy-schemas.js';
import { scrubSealedTexts } from './scrub-sealed-texts.js';
import { scrubStoredTexts } from './scrub-stored-texts.js';

/**
 * The issuer of an anonymised person: no identity provider signs anyone in with it, so signing
 * in again with the old subject creates a new person with nothing of the old data.
 */
export const DELETED_ISSUER = 'urn:tandem:deleted';

/** How partners see an anonymised person, in the organisation's language. */
export const TOMBSTONE_NAMES = { de: 'Ehemalige Person', en: 'Former participant' } as const;

/** Who asked: the person themself, an admin, or the retention job. */
export type DeletionRequester =
  | { by: 'self' }
  | { by: 'admin'; adminId: string }
  | { by: 'retention' };

/**
 * Deletes a person's account: they leave their running programmes (a pair they are in is
 * dissolved as on withdrawal, so the partner gets someone new), then in one transaction
 * everything that is only theirs is deleted (sessions, profile, certificates, inbox and its
 * deliveries and jobs, the notes, questions, feedback, goals and marks of progress they wrote)
 * and what others share with them is kept under a new id and the name "Former participant":
 * the pairs, meetings and enrolments that make
 * up a partner's history, and audit events with the action but neither actor nor a word that
 * names them (the append-only table allows just that change). Wherever their name,
 * email, subject or id appears in stored text of any table in any schema (a partner's inbox and
 * its calendar invitations, a meeting title, a job) and in the notes and questions a partner
 * wrote in their pairs (decrypted for it with `keyring`, and encrypted again), it is replaced,
 * in the form the text's readers see: parsed for JSON and iCalendar, whose lines fold inside a
 * name.
 *
 * Leaving the programmes commits pair by pair through the dissolve flow; a failure afterwards
 * leaves a person who merely withdrew, and deleting again finishes the work.
 *
 * @throws ServiceError not-found for an unknown or already deleted person.
 */
export async function deleteAccount(
  deps: MeetingDependencies,
  keyring: NoteKeyring,
  userId: string,
  requester: DeletionRequester,
): Promise<AccountDeleted> {
  const person = await deps.em
    .fork()
    .findOne(User, { id: userId, issuer: { $ne: DELETED_ISSUER } });
  if (!person) throw new ServiceError('not-found', 'No such user.');
  const { pairsDissolved } = await leaveProgrammes(deps, userId);
  const { defaultLocale } = await organisationSettings(deps.em.fork());
  const tombstone = { id: randomUUID(), name: TOMBSTONE_NAMES[defaultLocale] };
  const replacements = identifyingValues(person, tombstone);
  await deps.em.fork().transactional(async (tx) => {
    await deleteWhatIsTheirs(tx, userId, replacements);
    await forgetInAudit(tx, userId, tombstone.id, replacements);
    await scrubSealedTexts(tx, keyring, userId, replacements);
    await scrubStoredTexts(tx, replacements);
    await anonymise(tx, userId, tombstone);
  });
  await recordAudit(deps.em, {
    action: 'user.deleted',
    actorId: requester.by === 'admin' ? requester.adminId : undefined,
    targetType: 'user',
    targetId: tombstone.id,
    data: { by: requester.by, pairsDissolved },
  });
  return { tombstoneId: tombstone.id, pairsDissolved };
}

async function deleteWhatIsTheirs(
  tx: EntityManager,
  userId: string,
  replacements: readonly Replacement[],
): Promise<void> {
  const inJson = replacements.map(({ value }) => jsonWordPattern(value)).join('|');
  const inText = replacements.map(({ value }) => wordPattern(value)).join('|');
  // Their deliveries' jobs first: the payload names only the delivery, gone in a moment.
  await tx.execute(
    `DELETE FROM graphile_worker._private_jobs
      WHERE payload->>'deliveryId' IN (
              SELECT d.id::text FROM delivery d JOIN notification n ON n.id = d.notification_id
               WHERE n.recipient_id = ?)
         OR payload::text ~* ? OR key ~* ?`,
    [userId, inJson, inText],
  );
  for (const statement of [
    'DELETE FROM session WHERE user_id = ?',
    // Deliveries go with their notification.
    'DELETE FROM notification WHERE recipient_id = ?',
    'DELETE FROM user_profile WHERE user_id = ?',
    // A certificate is theirs alone; its number is unknown to the verification from now on.
    'DELETE FROM certificate WHERE user_id = ?',
    // What they wrote in a pair is theirs: the partner keeps their own notes and questions.
    'DELETE FROM pair_note WHERE author_id = ?',
    'DELETE FROM pair_question WHERE author_id = ?',
    'DELETE FROM session_feedback WHERE author_id = ?',
    // So are the goals they gave (at enrolment or in the pair), with every mark on them, and
    // their marks on the partner's goals.
    'DELETE FROM pair_goal WHERE created_by_id = ?',
    'DELETE FROM pair_goal_progress WHERE author_id = ?',
    // Enrolments stay, for the pairs that hold them; what they told about themselves goes.
    `UPDATE enrolment SET profile = '{}', experience_years = NULL WHERE user_id = ?`,
    // A request still waiting for them as a manager goes to the admins: nobody answers it now.
    `UPDATE manager_approval SET manager_id = NULL WHERE manager_id = ? AND state = 'pending'`,
  ])
    await tx.execute(statement, [userId]);
  await tx.execute('DELETE FROM plugin_store_entry WHERE key ~* ?', [inText]);
}

/**
 * Audit events are append-only: only `audit_unlink_actor` may take their actor off them, and only
 * `audit_forget_person` rewrite whom they were about and the words that named them (see their
 * migrations); the app's role may not change the table itself.
 */
async function forgetInAudit(
  tx: EntityManager,
  userId: string,
  tombstoneId: string,
  replacements: readonly Replacement[],
): Promise<void> {
  await tx.execute('SELECT audit_unlink_actor(?)', [userId]);
  await tx.execute('SELECT audit_forget_person(?, ?, ?::jsonb, ?::jsonb)', [
    userId,
    tombstoneId,
    JSON.stringify(replacements.map(({ value }) => jsonWordPattern(value))),
    JSON.stringify(replacements.map(({ by }) => JSON.stringify(by).slice(1, -1))),
  ]);
}

/**
 * Gives the person's row a new id (every reference follows: the foreign keys cascade on update)
 * and nothing that identifies them.
 */
async function anonymise(
  tx: EntityManager,
  userId: string,
  tombstone: { id: string; name: string },
): Promise<void> {
  await tx.execute(
    `UPDATE app_user
        SET id = ?, issuer = ?, subject = ?, name = ?, email = NULL, department = NULL,
            title = NULL, roles = '{}', locale = NULL, muted_channels = '{}',
            channel_addresses = '{}', last_login_at = NULL, username = NULL,
            external_id = NULL, directory_source = NULL, manager_id = NULL, updated_at = now()
      WHERE id = ?`,
    [tombstone.id, DELETED_ISSUER, tombstone.id, tombstone.name, userId],
  );
}
