import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { lockRows } from '../../db/lock-rows.js';
import { ServiceError } from '../../service-error.js';
import { Match } from '../matching/match.js';
import { activeChannels } from '../notifications/active-channels.js';
import { pairPage } from '../notifications/app-page.js';
import { type NotificationDraft, notify } from '../notifications/notify.js';
import { organisationSettings } from '../organisation/organisation-settings.js';
import { membership } from '../pairs/pair-membership.js';
import { programmeSettings } from '../programmes/programme-service.js';
import { proposedTimesText } from './find-a-time-texts.js';
import type { MeetingDependencies } from './meeting-notices.js';
import { busyTimes, createMeeting } from './meeting-planner.js';
import { meetingView } from './meeting-rsvp.js';
import type { FindATimeView, MeetingView } from './meeting-schemas.js';
import { SchedulingRequest } from './scheduling-request.js';
import type { Interval } from './slot-finder.js';
import { TimeProposal } from './time-proposal.js';

/** A proposed time must leave the partner this long to see and pick it. */
const PROPOSAL_LEAD_MS = 60 * 60_000;
const WEEK_MS = 7 * 24 * 3_600_000;

/** The pair's open "find a time together" with everyone's proposals, or null when none is open. */
export async function findATime(
  em: EntityManager,
  userId: string,
  matchId: string,
): Promise<FindATimeView> {
  const fork = em.fork();
  const { match } = await membership(fork, userId, matchId);
  const request = await fork.findOne(SchedulingRequest, { match, state: 'open' });
  return request ? view(fork, match, request, userId) : null;
}

/**
 * A member proposes times for the open search, replacing their earlier proposals (none
 * withdraws them all). Each must start at least an hour ahead, end before the programme does,
 * and clear every member's other meetings. The partners are told the times on their channels.
 *
 * @throws ServiceError not-found outside the pair or without an open search; conflict when its
 *   session was skipped or done; invalid for a time that does not fit.
 */
export async function proposeTimes(
  deps: Pick<MeetingDependencies, 'em' | 'plugins' | 'now'>,
  userId: string,
  matchId: string,
  starts: readonly string[],
  now = deps.now(),
): Promise<FindATimeView> {
  return deps.em.fork().transactional(async (tx) => {
    const { match, request } = await lockedSearch(tx, userId, matchId);
    const minutes = request.session.durationMinutes;
    const times = [...new Set(starts.map((start) => new Date(start).getTime()))].sort();
    const busy = await membersBusy(tx, match, times[0]);
    for (const time of times) checkFits(match, busy, time, minutes, now);
    await tx.nativeDelete(TimeProposal, { request, proposer: userId });
    for (const time of times)
      tx.create(TimeProposal, { request, proposer: userId, startsAt: new Date(time) });
    await tx.flush();
    await announceProposals(
      deps,
      tx,
      match,
      request,
      userId,
      times.map((time) => new Date(time)),
    );
    return view(tx, match, request, userId);
  });
}

/**
 * A member picks a partner's proposal: it becomes the session's meeting as the planner makes
 * it (invitations, reminder, follow-up), accepted by both, and the search is settled. Two picks
 * at once make one meeting: the search is locked, and the second finds it settled.
 *
 * @throws ServiceError not-found outside the pair or for a proposal not (any more) open to this
 *   member; conflict when its session was skipped or done, or for a time that no longer fits.
 */
export async function pickTime(
  deps: MeetingDependencies,
  userId: string,
  matchId: string,
  proposalId: string,
  now = deps.now(),
): Promise<MeetingView> {
  return deps.em.fork().transactional(async (em) => {
    const { match, request } = await lockedSearch(em, userId, matchId);
    const proposal = await em.findOne(TimeProposal, {
      id: proposalId,
      request,
      proposer: { $ne: userId },
    });
    if (!proposal) throw new ServiceError('not-found', 'No such proposal.');
    const minutes = request.session.durationMinutes;
    const start = proposal.startsAt.getTime();
    try {
      checkFits(match, await membersBusy(em, match, start), start, minutes, now);
    } catch (error) {
      if (!(error instanceof ServiceError)) throw error;
      throw new ServiceError(
        'conflict',
        `This time no longer fits: ${error.message}`,
        'time.no-longer-fits',
      );
    }
    const end = new Date(proposal.startsAt.getTime() + minutes * 60_000);
    const slot = { start: proposal.startsAt, end };
    const meeting = await createMeeting(deps, em, request.session, slot, [
      userId,
      proposal.proposer.id,
    ]);
    return meetingView(meeting, userId);
  });
}

/**
 * Tells the partners which times the member proposed, once per set of times: sending the same
 * times again (a double click) tells nobody twice, other times tell them again.
 */
async function announceProposals(
  deps: Pick<MeetingDependencies, 'plugins'>,
  em: EntityManager,
  match: Match,
  request: SchedulingRequest,
  proposerId: string,
  starts: readonly Date[],
): Promise<void> {
  if (starts.length === 0) return;
  const users = match.members.getItems().map((member) => member.enrolment.user);
  const proposer = users.find((user) => user.id === proposerId);
  const { timeZone } = await organisationSettings(em);
  const times = createHash('sha256')
    .update(starts.map((start) => start.toISOString()).join())
    .digest('hex')
    .slice(0, 16);
  const drafts = users
    .filter((user) => user.id !== proposerId)
    .map(
      (user): NotificationDraft => ({
        recipient: user,
        subject: `scheduling:${request.id}:${proposerId}:${times}`,
        kind: 'notice',
        programme: match.programme,
        render: (locale) => ({
          ...proposedTimesText(locale, {
            name: user.name,
            proposer: proposer?.name ?? '',
            title: request.session.title,
            starts,
            timeZone,
          }),
          link: pairPage(match.id),
        }),
      }),
    );
  await notify(em, drafts, activeChannels(deps.plugins));
}

/**
 * The pair's open search, locked, for one of its members. The pair's row is locked first, as
 * the planner does: a pick and a planner run at once (a replan after a skip, say) take turns,
 * and the second sees the first's meeting.
 */
async function lockedSearch(em: EntityManager, userId: string, matchId: string) {
  await lockRows(em, Match, [matchId]);
  const { match } = await membership(em, userId, matchId);
  const open = await em.findOne(SchedulingRequest, { match, state: 'open' }, { fields: ['id'] });
  const [request] = open ? await lockRows(em, SchedulingRequest, [open.id]) : [];
  if (request?.state !== 'open')
    throw new ServiceError('not-found', 'Your pair is not looking for a time.', 'time.no-search');
  await em.populate(request, ['session.match']);
  // Skipped or done since, until the planner expires the search: nobody proposes or picks for it.
  if (request.session.status !== 'planned')
    throw new ServiceError(
      'conflict',
      'This session is no longer in your plan.',
      'session.not-planned',
    );
  return { match, request };
}

/** The members' meetings (in any pair) ending after `from`; none when nothing is proposed. */
async function membersBusy(
  em: EntityManager,
  match: Match,
  from: number | undefined,
): Promise<Interval[]> {
  if (from === undefined) return [];
  const members = match.members.getItems().map((member) => member.enrolment.user.id);
  return busyTimes(em, members, new Date(from), []);
}

/** @throws ServiceError invalid unless the time may be proposed, clear of `busy`. */
function checkFits(
  match: Match,
  busy: readonly Interval[],
  start: number,
  minutes: number,
  now: Date,
): void {
  if (start < now.getTime() + PROPOSAL_LEAD_MS)
    throw new ServiceError(
      'invalid',
      'Propose times at least an hour from now.',
      'meeting.too-soon',
    );
  const end = start + minutes * 60_000;
  const weeks = programmeSettings(match.programme).durationWeeks;
  if (end > (match.publishedAt ?? now).getTime() + weeks * WEEK_MS)
    throw new ServiceError('invalid', 'Propose times before the programme ends.', 'time.after-end');
  if (busy.some((meeting) => meeting.start.getTime() < end && meeting.end.getTime() > start))
    throw new ServiceError('invalid', 'One of you has another meeting at that time.', 'time.busy');
}

async function view(
  em: EntityManager,
  match: Match,
  request: SchedulingRequest,
  userId: string,
): Promise<FindATimeView> {
  await em.populate(request, ['session']);
  const proposals = await em.find(
    TimeProposal,
    { request },
    { orderBy: { startsAt: 'asc' }, refresh: true },
  );
  const of = (id: string) =>
    proposals
      .filter((proposal) => proposal.proposer.id === id)
      .map((proposal) => ({ id: proposal.id, startsAt: proposal.startsAt.toISOString() }));
  const users = match.members.getItems().map((member) => member.enrolment.user);
  return {
    id: request.id,
    sessionTitle: request.session.title,
    minutes: request.session.durationMinutes,
    openedAt: request.openedAt.toISOString(),
    mine: of(userId),
    partners: users
      .filter((user) => user.id !== userId)
      .map((user) => ({ name: user.name, proposals: of(user.id) })),
  };
}
