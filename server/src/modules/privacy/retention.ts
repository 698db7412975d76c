import type { MeetingDependencies } from '../meetings/meeting-notices.js';
import type { NoteKeyring } from '../pairs/note-keyring.js';
import { DELETED_ISSUER, deleteAccount } from './account-deletion.js';

/** How long what stays of people is kept, in days. */
export interface RetentionDays {
  /** After the last of a person's programmes closed. */
  closedProgramme: number;
  /** After the directory said a person left (deactivated them). */
  leaver: number;
}

/**
 * Anonymises, as if they had deleted their account (`keyring` opens their partners' notes and
 * questions), everyone whose every programme closed more than `days.closedProgramme` ago, and
 * everyone the directory deactivated more than `days.leaver` ago. A closed programme cannot
 * change any more, so its `updated_at` is when it closed. People who never enrolled (admins,
 * say) are left alone while they are with the organisation.
 *
 * @returns how many people were anonymised.
 */
export async function anonymiseFormerParticipants(
  deps: MeetingDependencies,
  keyring: NoteKeyring,
  days: RetentionDays,
): Promise<number> {
  const people = await deps.em.execute<{ id: string }[]>(
    `SELECT u.id FROM app_user u
      WHERE u.issuer <> ?
        AND (u.deactivated_at < now() - make_interval(days => ?)
         OR EXISTS (SELECT 1 FROM enrolment e WHERE e.user_id = u.id)
        AND NOT EXISTS (
              SELECT 1 FROM enrolment e JOIN programme p ON p.id = e.programme_id
               WHERE e.user_id = u.id
                 AND (p.state <> 'closed' OR p.updated_at > now() - make_interval(days => ?))))`,
    [DELETED_ISSUER, days.leaver, days.closedProgramme],
  );
  for (const { id } of people) await deleteAccount(deps, keyring, id, { by: 'retention' });
  return people.length;
}
