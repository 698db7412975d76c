import type { EntityManager } from '@mikro-orm/postgresql';
import { lockRows } from '../../db/lock-rows.js';
import { Match } from '../matching/match.js';
import { PairGoal } from './pair-goal.js';
import { nextPosition } from './pair-goals.js';

/** What the enrolment profile allows: five goals of up to 300 characters. */
const MAX_ENROLMENT_GOALS = 5;
const MAX_TEXT = 300;

/**
 * Gives a newly published pair the goals its mentee gave at enrolment, once: a pair that has
 * goals from enrolment (removed ones too) is left as it is, so running this again — a retried
 * or repeated plan job — changes nothing. Lunch groups have no mentee and get no goals.
 *
 * @returns how many goals were added.
 */
export async function seedPairGoals(em: EntityManager, matchId: string): Promise<number> {
  // Lunch groups, and pairs whose mentee gave no goals, are left before any lock: a new lunch
  // round ends its matches in one statement, and most mentees give none.
  if (!(await menteeGaveGoals(em, matchId))) return 0;
  return em.fork().transactional(async (tx) => {
    // Locked so that two runs at once cannot both find the pair without goals.
    const [match] = await lockRows(tx, Match, [matchId]);
    if (match?.state !== 'published') return 0;
    await tx.populate(match, ['programme', 'members.enrolment.user']);
    if (match.programme.kind === 'peer-lunch') return 0;
    if (await tx.count(PairGoal, { match, origin: 'enrolment' })) return 0;
    const mentee = match.members.getItems().find((member) => member.role === 'mentee');
    if (!mentee) return 0;
    const texts = goalsOf(mentee.enrolment.profile);
    const first = await nextPosition(tx, match);
    for (const [index, text] of texts.entries())
      tx.create(PairGoal, {
        match,
        text,
        origin: 'enrolment',
        position: first + index,
        createdBy: mentee.enrolment.user,
      });
    await tx.flush();
    return texts.length;
  });
}

/**
 * Whether a mentee of the match, in a programme that is no lunch round, has goals in their
 * enrolment profile. One plain read: loading the match as entities cost the plan job of every
 * lunch group more than the rest of the goals' work.
 */
async function menteeGaveGoals(em: EntityManager, matchId: string): Promise<boolean> {
  const rows = await em.fork().execute<{ profile: Record<string, unknown> }[]>(
    `SELECT e.profile FROM match m
       JOIN programme p ON p.id = m.programme_id AND p.kind <> 'peer-lunch'
       JOIN match_member mm ON mm.match_id = m.id AND mm.role = 'mentee'
       JOIN enrolment e ON e.id = mm.enrolment_id
      WHERE m.id = ?`,
    [matchId],
  );
  return rows.some((row) => goalsOf(row.profile).length > 0);
}

/** The goals of an enrolment profile, as far as they are usable words. */
function goalsOf(profile: Record<string, unknown>): string[] {
  const goals = Array.isArray(profile.goals) ? profile.goals : [];
  return goals
    .filter((goal): goal is string => typeof goal === 'string')
    .map((goal) => goal.trim().slice(0, MAX_TEXT))
    .filter(Boolean)
    .slice(0, MAX_ENROLMENT_GOALS);
}
