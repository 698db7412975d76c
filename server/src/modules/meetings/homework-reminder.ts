import type { EntityManager } from '@mikro-orm/postgresql';
import { PairSession } from '../pairs/pair-session.js';
import { Meeting } from './meeting.js';
import {
  announceMeeting,
  type MeetingAudience,
  type MeetingDependencies,
} from './meeting-notices.js';

/**
 * Reminds each member of a meeting still planned and ahead of their own open homework: the
 * tasks of their side from the session before in the pair's plan (homework is what a side does
 * after a session, for the next). A member whose side has none, or has ticked all off, gets
 * nothing; lunch-round peers have no side.
 */
export async function remindOfHomework(
  deps: MeetingDependencies,
  meetingId: string,
): Promise<void> {
  await deps.em.fork().transactional(async (em) => {
    const meeting = await em.findOne(
      Meeting,
      { id: meetingId, state: 'planned' },
      { populate: ['session', 'match.members.enrolment.user'] },
    );
    if (!meeting?.session || meeting.startsAt <= deps.now()) return;
    const previous = await sessionBefore(em, meeting.session);
    if (!previous) return;
    const audience: MeetingAudience = new Map(
      meeting.match.members.getItems().flatMap((member) => {
        if (member.role === 'peer') return [];
        const open = previous.homework[member.role].filter((item) => !item.done);
        return open.length > 0
          ? [[member.enrolment.user.id, { homework: open.map((item) => item.text) }]]
          : [];
      }),
    );
    if (audience.size > 0) await announceMeeting(deps, em, meeting, 'homework', audience);
  });
}

/** The session right before this one in the pair's plan, skipped ones passed over. */
function sessionBefore(em: EntityManager, session: PairSession): Promise<PairSession | null> {
  return em.findOne(
    PairSession,
    { match: session.match, position: { $lt: session.position }, status: { $ne: 'skipped' } },
    { orderBy: { position: 'desc' } },
  );
}
