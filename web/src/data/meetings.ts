import type { Static } from '@sinclair/typebox';
import type {
  FindATimeSchema,
  MeetingSchema,
  RsvpSchema,
} from '@tandem/server/schemas/modules/meetings/meeting-schemas';
import { api } from './api-client.js';

export type Meeting = Static<typeof MeetingSchema>;
export type Rsvp = Static<typeof RsvpSchema>;
export type RsvpResponse = Meeting['myResponse'];
/** The pair's open "find a time together", or null when Tandem found a time by itself. */
export type FindATime = Static<typeof FindATimeSchema>;

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

const findATimeUrl = (pairId: string) => `/api/pairs/${encodeURIComponent(pairId)}/find-a-time`;

export const getFindATime = (pairId: string, signal?: AbortSignal) =>
  api<FindATime>(findATimeUrl(pairId), signal ? { signal } : {});

/** My proposed starts (ISO date-times); they replace my earlier ones, none withdraws them. */
export const proposeTimes = (pairId: string, starts: string[]) =>
  api<FindATime>(`${findATimeUrl(pairId)}/proposals`, { method: 'PUT', body: { starts } });

/** Picks a partner's proposal: it becomes our meeting. */
export const pickTime = (pairId: string, proposalId: string) =>
  api<Meeting>(`${findATimeUrl(pairId)}/proposals/${encodeURIComponent(proposalId)}/pick`, {
    method: 'POST',
  });
