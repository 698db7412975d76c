import { Meeting } from './meeting.js';
import { announceMeeting, type MeetingDependencies } from './meeting-notices.js';

/**
 * Asks again whoever has not answered the invitation to a meeting still planned and ahead;
 * nobody when both have answered. Once per meeting version: a move asks everyone again and
 * brings a nudge of its own.
 */
export async function nudgeUnanswered(deps: MeetingDependencies, meetingId: string): Promise<void> {
  await deps.em.fork().transactional(async (em) => {
    const meeting = await em.findOne(Meeting, { id: meetingId, state: 'planned' });
    if (!meeting || meeting.startsAt <= deps.now()) return;
    const pending = Object.entries(meeting.responses).filter(([, answer]) => answer === 'pending');
    if (pending.length === 0) return;
    await announceMeeting(deps, em, meeting, 'nudge', new Map(pending.map(([id]) => [id, {}])));
  });
}
