import { randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Type } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { lockIds } from '../../db/lock-rows.js';
import { dequeueJob, type KeyedJob, setKeyedJobs } from '../../jobs/enqueue-job.js';
import { Match } from '../matching/match.js';
import { organisationSettings } from '../organisation/organisation-settings.js';
import { PairSession } from '../pairs/pair-session.js';
import { AvailabilityWindowSchema } from '../profiles/profile-schema.js';
import { programmeSettings } from '../programmes/programme-service.js';
import { busyInCalendars } from './free-busy.js';
import { Meeting, type RsvpResponse } from './meeting.js';
import { announceMeeting, type MeetingDependencies } from './meeting-notices.js';
import { openSchedulingRequest } from './open-scheduling-request.js';
import { SchedulingRequest } from './scheduling-request.js';
import {
  type AvailabilityWindow,
  DEFAULT_HORIZON_DAYS,
  findSlot,
  type Interval,
} from './slot-finder.js';

/** Task identifiers of a meeting's timed jobs; each job is keyed by the meeting. */
export const MEETING_REMINDER = 'meeting-reminder';
export const MEETING_FOLLOW_UP = 'meeting-follow-up';
export const MEETING_NUDGE = 'meeting-nudge';
export const HOMEWORK_REMINDER = 'homework-reminder';
const TIMED_TASKS = [MEETING_REMINDER, MEETING_FOLLOW_UP, MEETING_NUDGE, HOMEWORK_REMINDER];
const HOUR_MS = 3_600_000;

/** Invitations go out at least this long before the meeting, so nobody is surprised. */
const LEAD_TIME_MS = 24 * 3_600_000;
const WEEK_MS = 7 * 24 * 3_600_000;
const HORIZON_MS = (DEFAULT_HORIZON_DAYS + 2) * 24 * HOUR_MS;
const Windows = Type.Array(AvailabilityWindowSchema);

/**
 * A time for a meeting, and whose calendars could not be read when it was chosen (their
 * availability windows alone were planned around); none when calendars are not read or
 * people chose the time themselves.
 */
export type PlannedSlot = Interval & { calendarsUnread?: readonly string[] };

/**
 * Plans the pair's next meeting, for the first session of its plan that is still to come and
 * has no meeting yet: the earliest slot inside every member's availability, not on a holiday,
 * clear of their other meetings, no sooner than the session's place in the plan and the
 * programme's cadence allow. Invites the members and schedules reminder and follow-up, all in
 * one transaction. A pair with a meeting still ahead keeps it.
 *
 * @returns the meeting, or undefined when the pair is not published, its plan is done, or no
 *   common time was found (then the members are asked to find a time together).
 */
export async function planNextMeeting(
  deps: MeetingDependencies,
  matchId: string,
  now = deps.now(),
): Promise<Meeting | undefined> {
  return deps.em.fork().transactional(async (em) => {
    // Locked first: two runs at once (a follow-up and a pick, say) plan one meeting, not two.
    await lockIds(em, 'match', [matchId]);
    const match = await em.findOne(
      Match,
      { id: matchId, state: 'published' },
      { populate: ['programme', 'members.enrolment.user'] },
    );
    if (!match) return undefined;
    const meetings = await pairMeetings(em, matchId);
    const ahead = meetings.find((m) => m.state === 'planned' && m.startsAt > now);
    if (ahead) return em.findOneOrFail(Meeting, ahead.id);
    const taken = meetings.flatMap((m) => (m.sessionId ? [m.sessionId] : []));
    // The first alone: the plan's texts weigh on every flush of the transaction that follows.
    const session = await em.findOne(
      PairSession,
      { match, status: 'planned', ...(taken.length ? { id: { $nin: taken } } : {}) },
      { orderBy: { position: 'asc' } },
    );
    if (!session) {
      // Nothing left to plan: a search for a session skipped or done since is over.
      await closeSearch(em, match, now);
      return undefined;
    }
    const last = meetings.find((m) => m.state !== 'cancelled');
    const notBefore = Math.max(
      now.getTime() + LEAD_TIME_MS,
      (match.publishedAt ?? now).getTime() + Number(session.offsetWeeks) * WEEK_MS,
      last
        ? last.startsAt.getTime() + programmeSettings(match.programme).cadenceWeeks * WEEK_MS
        : 0,
    );
    // Read once for the slot, the invitations and their notifications.
    const planning = { ...deps, organisation: await organisationSettings(em) };
    const slot = await slotFor(
      em,
      planning,
      match,
      new Date(notBefore),
      session.durationMinutes,
      [],
    );
    if (!slot) {
      deps.log.info({ matchId }, 'no common time for the next meeting within the horizon');
      await openSchedulingRequest(planning, em, match, session, now);
      return undefined;
    }
    return createMeeting(planning, em, session, slot);
  });
}

/** What the planner needs of a pair's meeting to find its next one. */
interface PairMeeting {
  id: string;
  state: Meeting['state'];
  startsAt: Date;
  sessionId: string | null;
}

/**
 * The pair's meetings, the latest first: a plain read, as the planner asks for every pair it
 * plans and needs no entities (the one still ahead, if any, it loads as one).
 */
async function pairMeetings(em: EntityManager, matchId: string): Promise<PairMeeting[]> {
  const rows = await em.execute<
    { id: string; state: Meeting['state']; starts_at: Date | string; session_id: string | null }[]
  >(
    'SELECT id, state, starts_at, session_id FROM meeting WHERE match_id = ? ORDER BY starts_at DESC',
    [matchId],
  );
  return rows.map((row) => ({
    id: row.id,
    state: row.state,
    startsAt: new Date(row.starts_at),
    sessionId: row.session_id,
  }));
}

/**
 * Creates the meeting of a session at the slot, as the planner does: its place, the invitations
 * (with those in `agreed` already accepted), reminder and follow-up. Settles the pair's open
 * "find a time together" if it was for this session; one for another session (skipped or done
 * since) expires. Inside the caller's transaction; `em`
 * must have the session's pair populated with programme and members.
 */
export async function createMeeting(
  deps: MeetingDependencies,
  em: EntityManager,
  session: PairSession,
  slot: PlannedSlot,
  agreed: readonly string[] = [],
): Promise<Meeting> {
  const match = session.match;
  const responses = pendingResponses(match);
  for (const userId of agreed) responses[userId] = 'accepted';
  const meeting = em.create(Meeting, {
    match,
    session,
    title: session.title,
    startsAt: slot.start,
    endsAt: slot.end,
    ...place(match),
    responses,
    calendarsUnread: [...(slot.calendarsUnread ?? [])],
  });
  await em.flush();
  await closeSearch(em, match, deps.now(), { session, meeting });
  await announceMeeting(deps, em, meeting, 'invitation');
  await scheduleTimedJobs(em, meeting, deps.now());
  return meeting;
}

/**
 * Who moved a meeting and what they answer to the new time; `countered` when their calendar
 * proposed it (an iMIP COUNTER).
 */
export interface MovedBy {
  userId: string;
  response: RsvpResponse;
  countered?: boolean;
}

/**
 * Moves a meeting to another time, e.g. after a member declined: raises its calendar sequence,
 * asks everyone again, sends the update (same UID, higher SEQUENCE) and moves the reminder.
 * Remembers whose calendar proposed the new time, if one did, and forgets it on any other move.
 * Call inside a transaction; `em` must have the meeting's pair populated.
 */
export async function moveMeeting(
  deps: Omit<MeetingDependencies, 'em'>,
  em: EntityManager,
  meeting: Meeting,
  slot: PlannedSlot,
  movedBy?: MovedBy,
): Promise<void> {
  const responses = pendingResponses(meeting.match);
  if (movedBy) responses[movedBy.userId] = movedBy.response;
  em.assign(meeting, {
    startsAt: slot.start,
    endsAt: slot.end,
    responses,
    calendarSequence: meeting.calendarSequence + 1,
    counteredBy: movedBy?.countered ? movedBy.userId : null,
    calendarsUnread: [...(slot.calendarsUnread ?? [])],
  });
  await em.flush();
  await announceMeeting(deps, em, meeting, 'update');
  await scheduleTimedJobs(em, meeting, deps.now());
}

/**
 * The next free time for the meeting after `after`, avoiding this slot and every other
 * meeting of its members; undefined when none is left within the horizon.
 */
export async function nextFreeSlot(
  deps: Omit<MeetingDependencies, 'em'>,
  em: EntityManager,
  meeting: Meeting,
  after: Date,
): Promise<PlannedSlot | undefined> {
  const minutes = (meeting.endsAt.getTime() - meeting.startsAt.getTime()) / 60_000;
  return slotFor(em, deps, meeting.match, after, minutes, [meeting.id]);
}

/**
 * Cancels the pair's meetings still ahead (the pair was dissolved): each gets a CANCEL with a
 * raised SEQUENCE, so calendars remove it, and its timed jobs are dropped. Inside the caller's
 * transaction.
 */
export async function cancelUpcomingMeetings(
  deps: Omit<MeetingDependencies, 'em' | 'holidays'>,
  em: EntityManager,
  match: Match,
  now = deps.now(),
): Promise<number> {
  const upcoming = await em.find(Meeting, { match, state: 'planned', startsAt: { $gt: now } });
  for (const meeting of upcoming) {
    em.assign(meeting, { state: 'cancelled', calendarSequence: meeting.calendarSequence + 1 });
    await em.flush();
    await announceMeeting(deps, em, meeting, 'cancel');
    for (const task of TIMED_TASKS) await dequeueJob(em, `${task}:${meeting.id}`);
  }
  return upcoming.length;
}

/**
 * Closes the pair's open search: settled by the meeting of its session, expired otherwise (its
 * session was skipped or done since, or none is left to plan).
 */
async function closeSearch(
  em: EntityManager,
  match: Match,
  closedAt: Date,
  settledBy?: { session: PairSession; meeting: Meeting },
): Promise<void> {
  if (!settledBy) {
    await em.nativeUpdate(
      SchedulingRequest,
      { match, state: 'open' },
      { state: 'expired', closedAt },
    );
    return;
  }
  // One statement for both: a plan of a thousand pairs would wait on a round trip each.
  await em.execute(
    `UPDATE scheduling_request
        SET state = CASE WHEN session_id = ? THEN 'settled' ELSE 'expired' END,
            meeting_id = CASE WHEN session_id = ? THEN ? ELSE meeting_id END,
            closed_at = ?
      WHERE match_id = ? AND state = 'open'`,
    [settledBy.session.id, settledBy.session.id, settledBy.meeting.id, closedAt, match.id],
  );
}

/**
 * The earliest slot for the pair, clear of its members' meetings and, where Tandem reads
 * calendars, of their busy times there; a calendar that cannot be read is planned without.
 */
async function slotFor(
  em: EntityManager,
  deps: Pick<MeetingDependencies, 'holidays' | 'freeBusy' | 'log' | 'organisation'>,
  match: Match,
  notBefore: Date,
  durationMinutes: number,
  ignore: string[],
): Promise<PlannedSlot | undefined> {
  const members = match.members.getItems();
  const [first, ...others] = members.map((member) => availability(member.enrolment.profile));
  if (!first) return undefined;
  const users = members.map((member) => member.enrolment.user);
  const { timeZone } = deps.organisation ?? (await organisationSettings(em));
  // The finder looks this far ahead; a meeting starting on its last day may end the day after.
  const window = { start: notBefore, end: new Date(notBefore.getTime() + HORIZON_MS) };
  const calendars = deps.freeBusy
    ? await busyInCalendars(deps.freeBusy, users, window, deps.log)
    : { busy: [], unread: [] };
  const meetings = await busyTimes(
    em,
    users.map((user) => user.id),
    notBefore,
    ignore,
  );
  const slot = findSlot({
    windows: [first, ...others],
    timeZone,
    holidays: deps.holidays,
    busy: [...meetings, ...calendars.busy],
    notBefore,
    durationMinutes,
  });
  return slot && { ...slot, calendarsUnread: calendars.unread };
}

function availability(profile: Record<string, unknown>): AvailabilityWindow[] {
  return Value.Check(Windows, profile.availability) ? profile.availability : [];
}

/**
 * Every planned meeting of these people from `from` on, in any of their pairs, but those in
 * `ignore`. A plain read of two columns, in the transaction of `em`: the planner asks for every
 * pair it plans, and entities cost it more than the query.
 */
export async function busyTimes(
  em: EntityManager,
  userIds: string[],
  from: Date,
  ignore: string[],
): Promise<Interval[]> {
  if (userIds.length === 0) return [];
  const rows = await em.execute<{ starts_at: Date | string; ends_at: Date | string }[]>(
    `SELECT m.starts_at, m.ends_at FROM meeting m
      WHERE m.state = 'planned' AND m.ends_at > ?${ignore.length ? ' AND m.id NOT IN (?)' : ''}
        AND m.match_id IN (SELECT mm.match_id FROM match_member mm
              JOIN enrolment e ON e.id = mm.enrolment_id WHERE e.user_id IN (?))`,
    [from, ...(ignore.length ? [ignore] : []), userIds],
  );
  return rows.map((row) => ({ start: new Date(row.starts_at), end: new Date(row.ends_at) }));
}

/** Where the pair meets: the programme's room or site, and a video room of its own. */
function place(match: Match): { location: string | null; link: string | null } {
  const settings = programmeSettings(match.programme);
  const onSite = settings.format !== 'remote';
  const remote = settings.format !== 'on-site';
  const template = settings.meetingLinkTemplate;
  return {
    // The admin's form saves an emptied field as '': that is no room, and no site either.
    location: onSite ? settings.room || settings.location || null : null,
    // A random room name, so nobody guesses another pair's room from theirs.
    link: remote && template ? template.replace('{meeting}', randomBytes(6).toString('hex')) : null,
  };
}

function pendingResponses(match: Match): Record<string, RsvpResponse> {
  return Object.fromEntries(
    match.members.getItems().map((member) => [member.enrolment.user.id, 'pending' as const]),
  );
}

/**
 * The meeting's timed jobs, each keyed by the meeting so a move replaces it: the reminder and
 * the homework reminder before, the nudge for an unanswered invitation (counted from now, as
 * every plan and move asks again) and the follow-up after. A job the programme switched off, or
 * whose time is already past, is dropped.
 */
async function scheduleTimedJobs(em: EntityManager, meeting: Meeting, now: Date): Promise<void> {
  const settings = programmeSettings(meeting.match.programme);
  const starts = meeting.startsAt.getTime();
  const before = (hours: number) => (hours > 0 ? starts - hours * HOUR_MS : undefined);
  const nudgeAt =
    settings.nudgeAfterDays > 0
      ? now.getTime() + settings.nudgeAfterDays * 24 * HOUR_MS
      : undefined;
  const job = (task: string, runAt: Date | undefined): KeyedJob => ({
    task,
    payload: { meetingId: meeting.id },
    jobKey: `${task}:${meeting.id}`,
    runAt,
  });
  // Before the meeting, or dropped: between now and its start, or not at all.
  const ahead = (runAt: number | undefined) =>
    runAt === undefined || runAt <= now.getTime() || runAt >= starts ? undefined : new Date(runAt);
  await setKeyedJobs(em, [
    job(MEETING_REMINDER, ahead(before(settings.reminderHours))),
    job(HOMEWORK_REMINDER, ahead(before(settings.homeworkReminderHours))),
    job(MEETING_NUDGE, ahead(nudgeAt)),
    job(MEETING_FOLLOW_UP, meeting.endsAt),
  ]);
}
