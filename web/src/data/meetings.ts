import type { Static } from '@sinclair/typebox';
import type {
  MeetingSchema,
  RsvpSchema,
} from '@tandem/server/schemas/modules/meetings/meeting-schemas';
import { api } from './api-client.js';

export type Meeting = Static<typeof MeetingSchema>;
export type Rsvp = Static<typeof RsvpSchema>;
export type RsvpResponse = Meeting['myResponse'];

export const listMyMeetings = (signal?: AbortSignal) =>
  api<Meeting[]>('/api/meetings', signal ? { signal } : {});

/** Accept, or decline (optionally proposing another start as an ISO date-time). */
export const answerInvitation = (meetingId: string, rsvp: Rsvp) =>
  api<Meeting>(`/api/meetings/${encodeURIComponent(meetingId)}/rsvp`, {
    method: 'POST',
    body: rsvp,
  });

/** A pair's next meeting: the earliest planned one that has not ended yet. */
export function nextMeeting(meetings: Meeting[], pairId: string, now = Date.now()) {
  return meetings
    .filter(
      (meeting) =>
        meeting.pairId === pairId &&
        meeting.state === 'planned' &&
        Date.parse(meeting.endsAt) > now,
    )
    .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt))[0];
}
