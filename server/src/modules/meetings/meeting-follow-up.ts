import { markActive } from '../pairs/pair-activity.js';
import { programmeSettings } from '../programmes/programme-service.js';
import { Meeting } from './meeting.js';
import { announceMeeting, type MeetingDependencies } from './meeting-notices.js';
import { planNextMeeting } from './meeting-planner.js';

/**
 * Reminds both members of a meeting still planned and ahead. A meeting moved since the job
 * was queued gets its own reminder (the job is replaced), and one cancelled gets none.
 */
export async function remindOfMeeting(deps: MeetingDependencies, meetingId: string): Promise<void> {
  await deps.em.fork().transactional(async (em) => {
    const meeting = await em.findOne(Meeting, { id: meetingId, state: 'planned' });
    if (!meeting || meeting.startsAt <= deps.now()) return;
    await announceMeeting(deps, em, meeting, 'reminder');
  });
}

/**
 * After a meeting's time: marks it as past, asks both members for feedback (unless the
 * programme switched the prompt off) and plans the pair's next meeting along the plan. A
 * meeting every member accepted is the pair's sign of life: a pair that meets at Tandem's
 * invitations is not asked whether it still meets, whether or not it marks sessions done.
 */
export async function followUpMeeting(deps: MeetingDependencies, meetingId: string): Promise<void> {
  const matchId = await deps.em.fork().transactional(async (em) => {
    const meeting = await em.findOne(
      Meeting,
      { id: meetingId, state: 'planned' },
      { populate: ['match.programme', 'match.members.enrolment'] },
    );
    if (!meeting) return undefined;
    meeting.state = 'held';
    if (everyoneAccepted(meeting)) markActive(meeting.match, meeting.endsAt);
    await em.flush();
    if (programmeSettings(meeting.match.programme).feedbackPrompt)
      await announceMeeting(deps, em, meeting, 'feedback');
    return meeting.match.id;
  });
  if (matchId) await planNextMeeting(deps, matchId);
}

function everyoneAccepted(meeting: Meeting): boolean {
  return meeting.match.members
    .getItems()
    .every((member) => meeting.responses[member.enrolment.user.id] === 'accepted');
}
