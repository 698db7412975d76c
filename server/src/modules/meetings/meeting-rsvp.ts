import { wrap } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { lockRows } from '../../db/lock-rows.js';
import { ServiceError } from '../../service-error.js';
import { Meeting } from './meeting.js';
import { announceMeeting, type MeetingDependencies } from './meeting-notices.js';
import { moveMeeting, nextFreeSlot } from './meeting-planner.js';
import type { MeetingView, Rsvp } from './meeting-schemas.js';

/**
 * A declined meeting moves at least this far past its end: whoever cannot at 9:00 can rarely
 * at 9:45 the same morning, so the next free time is looked for from the next day on.
 */
const DECLINE_GAP_MS = 12 * 60 * 60_000;

/** A proposed time must leave the partner this long to see it. */
const PROPOSAL_LEAD_MS = 60 * 60_000;

function memberOf(userId: string) {
  return { state: 'published' as const, members: { enrolment: { user: userId } } };
}

/** Where an answer comes from: the app's buttons, or the member's calendar (iMIP). */
export type AnswerOrigin = 'app' | 'calendar';

/**
 * A member answers an invitation. Accepting, or a tentative "maybe", records it and keeps the
 * time. Declining moves the meeting: to the proposed start when one is given (the proposer
 * accepts it, the others are asked again), else to the next time every member is free; when
 * none is left, the decline is recorded and the meeting stays for the pair to settle. A decline
 * that moves a time another member's calendar proposed first tells that calendar its proposal
 * was refused (see {@link tellCounterRefused}).
 *
 * @throws ServiceError not-found for someone outside the pair or a meeting that is over or
 *   cancelled; invalid for a proposed start that is not ahead; conflict for an answer to a
 *   version of the invitation that has changed since (see {@link answerInTransaction}).
 */
export async function answerInvitation(
  deps: MeetingDependencies,
  userId: string,
  meetingId: string,
  rsvp: Rsvp,
  now = deps.now(),
): Promise<MeetingView> {
  return deps.em
    .fork()
    .transactional((em) => answerInTransaction(deps, em, userId, meetingId, rsvp, now));
}

/**
 * {@link answerInvitation} inside the caller's transaction, so that whoever records where the
 * answer came from (a calendar reply) commits that record with the answer or not at all.
 *
 * An answer that names the calendar sequence it answers is refused when the meeting has changed
 * since: a decline clicked twice, or a calendar's reply to the old time, must not move the
 * meeting again.
 */
export async function answerInTransaction(
  deps: Omit<MeetingDependencies, 'em'>,
  em: EntityManager,
  userId: string,
  meetingId: string,
  rsvp: Rsvp,
  now = deps.now(),
  origin: AnswerOrigin = 'app',
): Promise<MeetingView> {
  // Locked first: answers of both members at once must not overwrite each other's, and
  // declines at once move the meeting one after the other, each from where the last left it.
  await lockRows(em, Meeting, [meetingId]);
  const meeting = await ownMeeting(em, userId, meetingId);
  if (meeting.state !== 'planned' || meeting.startsAt <= now)
    throw new ServiceError('not-found', 'This meeting is over or cancelled.', 'meeting.over');
  if (rsvp.sequence !== undefined && rsvp.sequence < meeting.calendarSequence)
    throw new ServiceError(
      'conflict',
      'This meeting has changed since this answer was given; answer the new time.',
      'meeting.changed',
    );
  if (rsvp.response !== 'declined') {
    meeting.responses = { ...meeting.responses, [userId]: rsvp.response };
    await em.flush();
    return meetingView(meeting, userId);
  }
  const slot = rsvp.proposedStart
    ? proposedSlot(meeting, new Date(rsvp.proposedStart), now)
    : await nextFreeSlot(deps, em, meeting, new Date(meeting.endsAt.getTime() + DECLINE_GAP_MS));
  if (!slot) {
    meeting.responses = { ...meeting.responses, [userId]: 'declined' };
    await em.flush();
    return meetingView(meeting, userId);
  }
  await tellCounterRefused(deps, em, meeting, userId);
  await moveMeeting(deps, em, meeting, slot, {
    userId,
    response: rsvp.proposedStart ? 'accepted' : 'pending',
    countered: Boolean(rsvp.proposedStart) && origin === 'calendar',
  });
  return meetingView(meeting, userId);
}

/**
 * The meeting's time came from a member's calendar (a COUNTER) and another member declines it:
 * the counterer hears who cannot make it, with a DECLINECOUNTER their calendar files against
 * the proposal, before the meeting moves on. A time proposed in the app needs no such message:
 * the app shows the answer, and the update that follows names the new time.
 */
async function tellCounterRefused(
  deps: Omit<MeetingDependencies, 'em'>,
  em: EntityManager,
  meeting: Meeting,
  userId: string,
): Promise<void> {
  const counterer = meeting.counteredBy?.id;
  if (!counterer || counterer === userId) return;
  const decliner = meeting.match.members
    .getItems()
    .find((member) => member.enrolment.user.id === userId)?.enrolment.user;
  if (!decliner) return;
  await announceMeeting(
    deps,
    em,
    meeting,
    'counter-declined',
    new Map([[counterer, { partners: decliner.name }]]),
  );
}

function proposedSlot(meeting: Meeting, start: Date, now: Date) {
  if (start.getTime() < now.getTime() + PROPOSAL_LEAD_MS)
    throw new ServiceError(
      'invalid',
      'Propose a time at least an hour from now.',
      'meeting.too-soon',
    );
  const length = meeting.endsAt.getTime() - meeting.startsAt.getTime();
  return { start, end: new Date(start.getTime() + length) };
}

async function ownMeeting(em: EntityManager, userId: string, meetingId: string): Promise<Meeting> {
  if (!(await em.count(Meeting, { id: meetingId, match: memberOf(userId) })))
    throw new ServiceError('not-found', 'No such meeting.');
  return em.findOneOrFail(Meeting, meetingId, {
    populate: ['match.programme', 'match.members.enrolment.user', 'session'],
  });
}

export function meetingView(meeting: Meeting, userId: string): MeetingView {
  const users = meeting.match.members.getItems().map((member) => member.enrolment.user);
  const titles = titlesOf(meeting);
  return {
    id: meeting.id,
    pairId: meeting.match.id,
    title: meeting.title,
    ...(titles ? { titles } : {}),
    startsAt: meeting.startsAt.toISOString(),
    endsAt: meeting.endsAt.toISOString(),
    location: meeting.location ?? null,
    link: meeting.link ?? null,
    state: meeting.state,
    sequence: meeting.calendarSequence,
    myResponse: meeting.responses[userId] ?? 'pending',
    partners: users
      .filter((user) => user.id !== userId)
      .map((user) => ({ name: user.name, response: meeting.responses[user.id] ?? 'pending' })),
  };
}

/** The session's title in every language, while the meeting has it (and the session is loaded). */
function titlesOf(meeting: Meeting): MeetingView['titles'] {
  const session = meeting.session;
  if (!session || !wrap(session).isInitialized() || session.title !== meeting.title)
    return undefined;
  return session.translations.title;
}
