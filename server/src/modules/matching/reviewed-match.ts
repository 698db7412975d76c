import type { EntityManager } from '@mikro-orm/postgresql';
import { HORIZON_WEEKS } from '../meetings/open-scheduling-request.js';
import { SchedulingRequest } from '../meetings/scheduling-request.js';
import type { Programme } from '../programmes/programme.js';
import { programmeSettings } from '../programmes/programme-service.js';
import type { Match } from './match.js';
import type { Attention, ReviewedMatch } from './match-review-schemas.js';

type Member = ReviewedMatch['members'][number];

/**
 * How the review shows a match, given its members (membersOf) and since when each published
 * pair searches for a time (open searches, by match).
 */
export function reviewedView(
  programme: Programme,
  members: Map<string, Member[]>,
  searches: Map<string, Date>,
): (match: Match) => ReviewedMatch {
  return (match) => ({
    id: match.id,
    state: match.state,
    score: match.score === null || match.score === undefined ? null : Number(match.score),
    criteria: match.criteria as ReviewedMatch['criteria'],
    attention: attentionOf(programme, match, searches.get(match.id)),
    dissolvedReason: match.dissolvedReason ?? null,
    dissolvedReasonCode: match.dissolvedReasonCode ?? null,
    members: members.get(match.id) ?? [],
  });
}

/**
 * The members of the matches shown, by match: one statement, as populating them as entities
 * took most of an answer's time in a round of 3,000 groups.
 */
export async function membersOf(
  em: EntityManager,
  matchIds: string[],
): Promise<Map<string, Member[]>> {
  if (matchIds.length === 0) return new Map();
  const rows = await em.execute<(Member & { matchId: string })[]>(
    `SELECT mm.match_id AS "matchId", e.id AS "enrolmentId", u.name, u.department, mm.role
       FROM match_member mm
       JOIN enrolment e ON e.id = mm.enrolment_id
       JOIN app_user u ON u.id = e.user_id
      WHERE mm.match_id IN (?)
      ORDER BY mm.match_id, mm.id`,
    [matchIds],
  );
  const byMatch = new Map<string, Member[]>();
  for (const { matchId, ...member } of rows)
    byMatch.set(matchId, [...(byMatch.get(matchId) ?? []), member]);
  return byMatch;
}

/** Since when each of these matches searches for a time, for those that do. */
export async function openSearchesOf(
  em: EntityManager,
  matchIds: string[],
): Promise<Map<string, Date>> {
  if (matchIds.length === 0) return new Map();
  const open = await em.find(
    SchedulingRequest,
    { match: { $in: matchIds }, state: 'open' },
    { orderBy: { openedAt: 'asc', id: 'asc' } },
  );
  const searches = new Map<string, Date>();
  for (const search of open)
    if (!searches.has(search.match.id)) searches.set(search.match.id, search.openedAt);
  return searches;
}

/** What the admin should look at in a published pair: a time the pair is searching, silence. */
function attentionOf(
  programme: Programme,
  match: Match,
  searchingSince: Date | undefined,
): Attention[] {
  if (match.state !== 'published') return [];
  const attention: Attention[] = [];
  if (searchingSince)
    attention.push({
      reason: 'no-common-time',
      since: searchingSince.toISOString(),
      weeks: HORIZON_WEEKS,
    });
  if (match.staleSince)
    attention.push({
      reason: 'stale',
      since: match.staleSince.toISOString(),
      weeks: programmeSettings(programme).staleAfterWeeks,
    });
  return attention;
}
