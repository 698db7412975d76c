import type { EntityManager } from '@mikro-orm/postgresql';
import { ServiceError } from '../../service-error.js';
import { recordAudit } from '../audit/audit-log.js';
import { Enrolment } from '../enrolment/enrolment.js';
import { SchedulingRequest } from '../meetings/scheduling-request.js';
import { programmeChannels } from '../notifications/notify.js';
import { Programme } from '../programmes/programme.js';
import type { StrategyDependencies } from './ask-strategy.js';
import type { UnmatchedReason } from './explanation-schemas.js';
import { Match } from './match.js';
import { MatchForbid } from './match-forbid.js';
import { MatchMember } from './match-member.js';
import type { MatchReview, ReviewPageQuery } from './match-review-schemas.js';
import { reviewTotals } from './match-review-totals.js';
import { MatchingRun } from './matching-run.js';
import { matchingRunView } from './matching-run-service.js';
import { mustBeApart, reportingLinesOf } from './reporting-line.js';
import { rescoreMatches } from './rescore-matches.js';
import { matchPage, STATES_OF } from './review-lists.js';
import { membersOf, reviewedView } from './reviewed-match.js';
import { unmatchedPage } from './unmatched-page.js';

/**
 * The admin's review of a programme's matching: one page of one list of its matches (`state`:
 * the open ones being reviewed, the published, the dissolved with the confidential reason, or
 * all of them) with scores and reasons, and one page of the active participants without a
 * current match, with the reason the last run gave; the summary, the totals, the pairs
 * searching for a time and whom publishing tells are counted over the whole programme.
 *
 * @param activeChannels the channel plugins loaded and active on this server.
 * @throws ServiceError not-found.
 */
export async function getReview(
  em: EntityManager,
  programmeId: string,
  activeChannels: ReadonlySet<string>,
  page: ReviewPageQuery,
): Promise<MatchReview> {
  const fork = em.fork();
  const programme = await fork.findOne(Programme, programmeId);
  if (!programme) throw new ServiceError('not-found', 'No such programme.');
  const totals = await reviewTotals(fork, programmeId);
  const matches = await matchPage(fork, programmeId, page);
  const { searching, searches } = await searchingPairs(fork, programmeId);
  const members = await membersOf(
    fork,
    [...matches, ...searching].map((match) => match.id),
  );
  const lastRun = await fork.findOne(
    MatchingRun,
    { programme: programmeId, state: 'succeeded' },
    { orderBy: { createdAt: 'desc' } },
  );
  const reasons = new Map((lastRun?.unmatched ?? []).map((u) => [u.enrolmentId, u]));
  const unmatched = await unmatchedPage(fork, programmeId, page);
  const apart = await reportingLinesOf(
    fork,
    programme,
    unmatched.map((person) => person.id),
  );
  const forbids = await fork.find(
    MatchForbid,
    { programme: programmeId },
    { populate: ['first.user', 'second.user'], orderBy: { createdAt: 'asc', id: 'asc' } },
  );
  const reviewed = reviewedView(programme, members, searches);
  const { byState } = totals;
  return {
    programmeId,
    lastRun: lastRun ? matchingRunView(lastRun) : null,
    matches: matches.map(reviewed),
    searching: searching.map(reviewed),
    page: {
      matches: {
        offset: page.offset,
        limit: page.limit,
        total: STATES_OF[page.state].reduce((sum, state) => sum + byState[state], 0),
        byState,
      },
      unmatched: {
        offset: page.unmatchedOffset,
        limit: page.unmatchedLimit,
        total: totals.summary.unmatched,
      },
    },
    unmatched: unmatched.map((person) => ({
      enrolmentId: person.id,
      name: person.name,
      department: person.department,
      ...unmatchedReason(lastRun !== null, reasons.get(person.id)),
      reportingLine: apart.get(person.id) ?? [],
    })),
    summary: totals.summary,
    forbids: forbids.map((forbid) => ({
      id: forbid.id,
      members: [forbid.first, forbid.second].map((e) => ({ enrolmentId: e.id, name: e.user.name })),
    })),
    publish: {
      people: totals.people,
      channels: programmeChannels(programme, activeChannels),
    },
  };
}

/**
 * The programme's published pairs with an open search for a time, longest searching first,
 * and since when each searches: listed whole beside the page, so that none waits unseen on a
 * later page; the page's own matches take their `no-common-time` attention from the same map.
 */
async function searchingPairs(
  em: EntityManager,
  programmeId: string,
): Promise<{ searching: Match[]; searches: Map<string, Date> }> {
  const open = await em.find(
    SchedulingRequest,
    { match: { programme: programmeId, state: 'published' }, state: 'open' },
    { populate: ['match'], orderBy: { openedAt: 'asc', id: 'asc' } },
  );
  const searches = new Map<string, Date>();
  const searching: Match[] = [];
  // A pair searches for one meeting at a time, but a list must not show a pair twice anyway.
  for (const search of open) {
    if (searches.has(search.match.id)) continue;
    searches.set(search.match.id, search.openedAt);
    searching.push(search.match);
  }
  return { searching, searches };
}

/**
 * Why someone has no match: what the last run said; before any run, nothing (nobody has been
 * left out yet); someone the last run did not leave out was placed by hand since, or came later.
 */
function unmatchedReason(
  ran: boolean,
  given: UnmatchedReason | undefined,
): Pick<MatchReview['unmatched'][number], 'reason' | 'code' | 'params'> {
  if (!ran) return { reason: null };
  if (!given)
    return {
      reason: 'Not in a match: changed by an admin, dissolved, or enrolled after the last run.',
      code: 'unmatched.since-run',
    };
  const { reason, code, params } = given;
  return {
    reason,
    ...(code === undefined ? {} : { code }),
    ...(params === undefined ? {} : { params }),
  };
}

/**
 * Pins a proposed match (re-runs keep it) or unpins it.
 *
 * @returns the match's programme id. @throws ServiceError not-found, conflict.
 */
export async function pinMatch(
  em: EntityManager,
  actorId: string,
  matchId: string,
  pinned: boolean,
): Promise<string> {
  const fork = em.fork();
  const match = await unpublished(fork, matchId);
  match.state = pinned ? 'pinned' : 'proposed';
  await fork.flush();
  await audit(em, actorId, match, pinned ? 'matching.pinned' : 'matching.unpinned');
  return match.programme.id;
}

/**
 * Removes a match that is not published: its members go back to the unmatched.
 *
 * @returns the match's programme id. @throws ServiceError not-found, conflict.
 */
export async function unmatch(
  em: EntityManager,
  actorId: string,
  matchId: string,
): Promise<string> {
  const fork = em.fork();
  const match = await unpublished(fork, matchId);
  fork.remove(match);
  await fork.flush();
  await audit(em, actorId, match, 'matching.unmatched');
  return match.programme.id;
}

/**
 * Rules out two enrolments of a programme from sharing a group in every later run; a proposed
 * or pinned match holding both is removed at once.
 *
 * @throws ServiceError invalid unless both are different enrolments of the programme.
 */
export async function forbidPair(
  em: EntityManager,
  actorId: string,
  programmeId: string,
  enrolmentIds: [string, string],
): Promise<void> {
  const fork = em.fork();
  const [first = '', second = ''] = [...enrolmentIds].sort();
  const found = await fork.count(Enrolment, {
    id: { $in: [first, second] },
    programme: programmeId,
  });
  if (first === second || found !== 2)
    throw new ServiceError(
      'invalid',
      'enrolmentIds must be two different enrolments of this programme.',
      'match.forbid-invalid',
    );
  if (!(await fork.count(MatchForbid, { first, second })))
    fork.create(MatchForbid, { programme: programmeId, first, second, createdBy: actorId });
  const together = await fork.find(Match, {
    programme: programmeId,
    state: { $in: ['proposed', 'pinned'] },
    $and: [{ members: { enrolment: first } }, { members: { enrolment: second } }],
  });
  for (const match of together) fork.remove(match);
  await fork.flush();
  await recordAudit(em, {
    action: 'matching.forbidden',
    actorId,
    targetType: 'programme',
    targetId: programmeId,
    data: { enrolmentIds: [first, second] },
  });
}

/**
 * Lifts a forbid: later runs may pair the two again. A pair the forbid removed is not brought
 * back by this; the admin pairs them by hand (see pairByHand) to undo that too.
 *
 * @returns the forbid's programme id. @throws ServiceError not-found.
 */
export async function unforbidPair(
  em: EntityManager,
  actorId: string,
  forbidId: string,
): Promise<string> {
  const fork = em.fork();
  const forbid = await fork.findOne(MatchForbid, forbidId);
  if (!forbid) throw new ServiceError('not-found', 'No such forbidden pair.');
  const programmeId = forbid.programme.id;
  const enrolmentIds = [forbid.first.id, forbid.second.id];
  fork.remove(forbid);
  await fork.flush();
  await recordAudit(em, {
    action: 'matching.unforbidden',
    actorId,
    targetType: 'programme',
    targetId: programmeId,
    data: { enrolmentIds },
  });
  return programmeId;
}

/**
 * Swaps two people between their proposed matches, each keeping the side they had, and scores
 * both new pairs with the programme's strategy. Pinned pairs stay as the admin fixed them.
 *
 * @throws ServiceError invalid unless both are on the same side of two different such matches.
 */
export async function swapPartners(
  deps: StrategyDependencies,
  em: EntityManager,
  actorId: string,
  programmeId: string,
  [a, b]: [string, string],
): Promise<void> {
  const fork = em.fork();
  const members = await fork.find(
    MatchMember,
    {
      enrolment: { $in: [a, b] },
      match: { programme: programmeId, state: 'proposed' },
    },
    { populate: ['match'] },
  );
  const [x, y] = members;
  if (!x || !y || members.length !== 2 || x.match.id === y.match.id || x.role !== y.role)
    throw new ServiceError(
      'invalid',
      'Swapping needs two people on the same side of two different matches that are proposed, neither pinned nor published.',
      'match.swap-invalid',
    );
  const [xMatch, yMatch] = [x.match, y.match];
  await mustBeApartAfterSwap(fork, x, y);
  fork.assign(x, { match: yMatch });
  fork.assign(y, { match: xMatch });
  await fork.flush();
  // The strategy's scores described the old pairs: the new ones are scored as a run would.
  const scoring = em.fork();
  const swapped = await scoring.find(
    Match,
    { id: { $in: [xMatch.id, yMatch.id] } },
    { populate: ['programme', 'members'] },
  );
  const programme = swapped[0]?.programme;
  if (programme) await rescoreMatches(deps, scoring, programme, swapped);
  await scoring.flush();
  await recordAudit(em, {
    action: 'matching.swapped',
    actorId,
    targetType: 'programme',
    targetId: programmeId,
    data: { enrolmentIds: [a, b] },
  });
}

/** A swap may not put someone with a person in their reporting line (a hard rule, like a run's). */
async function mustBeApartAfterSwap(em: EntityManager, x: MatchMember, y: MatchMember) {
  await em.populate([x, y], ['match.members', 'match.programme']);
  const othersOf = (member: MatchMember) =>
    member.match.members
      .getItems()
      .filter((m) => m.id !== member.id)
      .map((m) => m.enrolment.id);
  const groups = [
    [x.enrolment.id, ...othersOf(y)],
    [y.enrolment.id, ...othersOf(x)],
  ];
  await mustBeApart(em, x.match.programme, groups, 'match.reporting-line');
}

async function unpublished(em: EntityManager, matchId: string): Promise<Match> {
  const match = await em.findOne(Match, matchId);
  if (!match) throw new ServiceError('not-found', 'No such match.');
  if (match.state !== 'proposed' && match.state !== 'pinned')
    throw new ServiceError(
      'conflict',
      `The match is ${match.state}; it cannot be changed here.`,
      'match.not-editable',
      { state: match.state },
    );
  return match;
}

function audit(em: EntityManager, actorId: string, match: Match, action: string) {
  return recordAudit(em, {
    action,
    actorId,
    targetType: 'match',
    targetId: match.id,
    data: { programmeId: match.programme.id },
  });
}
