import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ServiceError } from '../../service-error.js';
import type { CalendarReply } from './calendar-reply.js';
import { Meeting } from './meeting.js';
import type { MeetingDependencies } from './meeting-notices.js';
import { answerInTransaction } from './meeting-rsvp.js';
import type { Rsvp } from './meeting-schemas.js';

/**
 * What became of a calendar reply: `answered` changed the RSVP; `duplicate` was answered
 * before (by this or another reader); `stale` answers a version of the meeting that has
 * changed since, or a meeting that is over or cancelled; `rejected` is not a reply Tandem can
 * trust or use, and is left for a person to inspect.
 */
export type CalendarReplyOutcome =
  | { outcome: 'answered' | 'duplicate' | 'stale'; meetingId: string }
  | { outcome: 'rejected'; reason: string; meetingId?: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Applies an attendee's reply from their calendar exactly as their button in the app would:
 * ACCEPTED accepts, TENTATIVE answers "maybe" (the time stays), DECLINED declines and moves the
 * meeting, COUNTER declines with the proposed start, which the meeting remembers as this
 * attendee's counter (refused later, their calendar gets a DECLINECOUNTER). Only a reply to
 * one of Tandem's meeting UIDs, from an attendee of that meeting who also sent the mail, counts.
 *
 * The reply is recorded under `messageKey` in the same transaction as the answer, so a message
 * read twice (two workers, a restart before it was moved away) answers once.
 */
export async function answerFromCalendar(
  deps: MeetingDependencies,
  reply: CalendarReply,
  messageKey: string,
  now = deps.now(),
): Promise<CalendarReplyOutcome> {
  const meetingId = meetingIdOf(reply.uid, new URL(deps.publicUrl).hostname);
  if (!meetingId) return { outcome: 'rejected', reason: 'unknown UID' };
  const attendee = reply.attendees.find((line) => reply.senders.includes(line.email));
  if (!attendee) return { outcome: 'rejected', reason: 'attendee is not the sender', meetingId };
  const rsvp = answerOf(reply, attendee.partstat);
  if (!rsvp) return { outcome: 'rejected', reason: `no answer in ${reply.method}`, meetingId };
  try {
    return await deps.em.fork().transactional(async (em) => {
      const userId = await attendeeOf(em, meetingId, attendee.email);
      if (!userId) return { outcome: 'rejected', reason: 'not an attendee', meetingId };
      if (!(await recordOnce(em, messageKey, meetingId)))
        return { outcome: 'duplicate', meetingId };
      await answerInTransaction(deps, em, userId, meetingId, rsvp, now, 'calendar');
      return { outcome: 'answered', meetingId };
    });
  } catch (error) {
    if (!(error instanceof ServiceError)) throw error;
    if (error.kind === 'conflict' || error.kind === 'not-found')
      return { outcome: 'stale', meetingId };
    return { outcome: 'rejected', reason: error.message, meetingId };
  }
}

/** `meeting-<uuid>@<our host>`, as meetingCalendar makes UIDs; anything else is not ours. */
function meetingIdOf(uid: string, uidDomain: string): string | undefined {
  const match = /^meeting-(.+)@(.+)$/.exec(uid.trim());
  if (!match?.[1] || match[2]?.toLowerCase() !== uidDomain.toLowerCase()) return undefined;
  return UUID.test(match[1]) ? match[1] : undefined;
}

function answerOf(reply: CalendarReply, partstat: string): Rsvp | undefined {
  const sequence = reply.sequence;
  if (reply.method === 'COUNTER')
    return reply.proposedStart
      ? { response: 'declined', proposedStart: reply.proposedStart.toISOString(), sequence }
      : undefined;
  if (partstat === 'ACCEPTED') return { response: 'accepted', sequence };
  if (partstat === 'TENTATIVE') return { response: 'tentative', sequence };
  if (partstat === 'DECLINED') return { response: 'declined', sequence };
  return undefined;
}

/** The member of the meeting's pair with this email address (case-insensitive), if any. */
async function attendeeOf(
  em: EntityManager,
  meetingId: string,
  email: string,
): Promise<string | undefined> {
  const meeting = await em.findOne(Meeting, meetingId, {
    populate: ['match.members.enrolment.user'],
  });
  const users = meeting?.match.members.getItems().map((member) => member.enrolment.user) ?? [];
  return users.find((user) => user.email?.toLowerCase() === email)?.id;
}

/**
 * False when this message was recorded before: it has been answered already. Kept as a hash:
 * a Message-ID may name the sender's host, and equality is all the record needs.
 */
async function recordOnce(em: EntityManager, messageKey: string, meetingId: string) {
  const key = createHash('sha256').update(messageKey).digest('hex');
  const inserted = await em.execute(
    'insert into calendar_reply (message_key, meeting_id) values (?, ?) on conflict do nothing returning message_key',
    [key, meetingId],
  );
  return inserted.length > 0;
}
