import type { MeetingDependencies } from '../meetings/meeting-notices.js';
import type { NoteKeyring } from '../pairs/note-keyring.js';
import { DELETED_ISSUER, deleteAccount } from './account-deletion.js';

/**
 * Anonymises everyone whose every programme closed more than `days` ago, as if they had deleted
 * their account (`keyring` opens their partners' notes and questions). A closed programme cannot change any more, so its `updated_at` is when it
 * closed. People who never enrolled (admins, say) are left alone.
 *
 * @returns how many people were anonymised.
 */
export async function anonymiseFormerParticipants(
  deps: MeetingDependencies,
  keyring: NoteKeyring,
  days: number,
): Promise<number> {
  const people = await deps.em.execute<{ id: string }[]>(
    `SELECT u.id FROM app_user u
      WHERE u.issuer <> ?
        AND EXISTS (SELECT 1 FROM enrolment e WHERE e.user_id = u.id)
        AND NOT EXISTS (
              SELECT 1 FROM enrolment e JOIN programme p ON p.id = e.programme_id
               WHERE e.user_id = u.id
                 AND (p.state <> 'closed' OR p.updated_at > now() - make_interval(days => ?)))`,
    [DELETED_ISSUER, days],
  );
  for (const { id } of people) await deleteAccount(deps, keyring, id, { by: 'retention' });
  return people.length;
}
