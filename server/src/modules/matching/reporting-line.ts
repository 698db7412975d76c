import type { EntityManager } from '@mikro-orm/postgresql';
import type { MatchInput } from '@tandem/plugin-sdk';
import { ServiceError } from '../../service-error.js';
import type { Programme } from '../programmes/programme.js';
import { programmeSettings } from '../programmes/programme-service.js';
import type { UnmatchedReason } from './explanation-schemas.js';

/**
 * Each active participant of a programme with everyone above them in their management chain,
 * up to `levels` (`app_user.manager_id`), in one query. A chain is walked upwards at most
 * `levels` steps, so a cycle (A manages B manages A, someone their own manager) ends there
 * instead of looping, and a missing manager (none known, or deleted: null) ends it earlier.
 * People who left are walked through: the directory still says whom they reported to.
 */
const CHAINS_SQL = `
  WITH RECURSIVE chain (person, manager, depth) AS (
    SELECT u.id, u.manager_id, 1
      FROM enrolment e JOIN app_user u ON u.id = e.user_id
     WHERE e.programme_id = ? AND e.state = 'active' AND u.manager_id IS NOT NULL
    UNION ALL
    SELECT c.person, u.manager_id, c.depth + 1
      FROM chain c JOIN app_user u ON u.id = c.manager
     WHERE c.depth < ? AND u.manager_id IS NOT NULL
  )
  SELECT DISTINCT person, manager FROM chain WHERE person <> manager`;

/** How many levels of the management chain the programme keeps apart; 0: none. */
export function reportingLineLevels(programme: Pick<Programme, 'matchingStrategy' | 'settings'>) {
  return programmeSettings(programme).reportingLineLevels;
}

/**
 * The enrolment-id pairs (smaller id first) of the programme's active participants that the
 * reporting-line rule keeps apart; none when the programme sets 0 levels.
 */
export async function reportingLinePairs(
  em: EntityManager,
  programme: Pick<Programme, 'id' | 'matchingStrategy' | 'settings'>,
): Promise<[string, string][]> {
  const levels = reportingLineLevels(programme);
  if (levels === 0) return [];
  const chains: { person: string; manager: string }[] = await em.execute(CHAINS_SQL, [
    programme.id,
    levels,
  ]);
  // Which of the managers take part is looked up here rather than joined in SQL: the chain's
  // size is hard for the planner to guess, and a poor guess made the join slow.
  const enrolled = await em.execute<{ id: string; user_id: string }[]>(
    `SELECT id, user_id FROM enrolment WHERE programme_id = ? AND state = 'active'`,
    [programme.id],
  );
  const enrolmentOf = new Map(enrolled.map((e) => [e.user_id, e.id]));
  const pairs = new Map<string, [string, string]>();
  for (const { person, manager } of chains) {
    const [x, y] = [enrolmentOf.get(person), enrolmentOf.get(manager)];
    if (!x || !y) continue;
    const pair: [string, string] = x < y ? [x, y] : [y, x];
    pairs.set(pair.join(' '), pair);
  }
  return [...pairs.values()].sort(
    ([a1, b1], [a2, b2]) => a1.localeCompare(a2) || b1.localeCompare(b2),
  );
}

/**
 * Refuses groups of which two members are in one reporting line: the rule is a hard one, so
 * neither an admin's hand nor a participant's request makes such a pair.
 *
 * @param groups enrolment ids of each group to be.
 * @throws ServiceError conflict with `code`, and the programme's levels as `params.levels`.
 */
export async function mustBeApart(
  em: EntityManager,
  programme: Pick<Programme, 'id' | 'matchingStrategy' | 'settings'>,
  groups: string[][],
  code: string,
): Promise<void> {
  const pairs = await reportingLinePairs(em, programme);
  const together = groups.some((group) =>
    pairs.some(([a, b]) => group.includes(a) && group.includes(b)),
  );
  if (!together) return;
  const levels = reportingLineLevels(programme);
  throw new ServiceError(
    'conflict',
    `One of them is in the other's reporting line (within ${levels} levels of management); this programme never pairs them.`,
    code,
    { levels },
  );
}

/**
 * For some enrolments of a programme, the active participants in their reporting line: those
 * above them in their management chain and those below, up to `levels` steps, walked from
 * them alone (a page of the review need not walk the whole programme's chains). Walks through
 * people who left and ends at cycles and missing managers as CHAINS_SQL does.
 */
const LINES_OF_SQL = `
  WITH RECURSIVE
  start AS (SELECT id AS enrolment, user_id AS person FROM enrolment WHERE id IN (?)),
  up (enrolment, other, depth) AS (
    SELECT s.enrolment, u.manager_id, 1
      FROM start s JOIN app_user u ON u.id = s.person
     WHERE u.manager_id IS NOT NULL
    UNION ALL
    SELECT c.enrolment, u.manager_id, c.depth + 1
      FROM up c JOIN app_user u ON u.id = c.other
     WHERE c.depth < ? AND u.manager_id IS NOT NULL
  ),
  down (enrolment, other, depth) AS (
    SELECT s.enrolment, u.id, 1 FROM start s JOIN app_user u ON u.manager_id = s.person
    UNION ALL
    SELECT c.enrolment, u.id, c.depth + 1
      FROM down c JOIN app_user u ON u.manager_id = c.other
     WHERE c.depth < ?
  ),
  related AS (SELECT enrolment, other FROM up UNION SELECT enrolment, other FROM down)
  SELECT r.enrolment, o.id AS "enrolmentId", u.name
    FROM related r
    JOIN enrolment o ON o.user_id = r.other AND o.programme_id = ? AND o.state = 'active'
    JOIN app_user u ON u.id = o.user_id
   WHERE o.id <> r.enrolment
   ORDER BY r.enrolment, o.id`;

/**
 * Whom the reporting-line rule keeps away from each of the given enrolments of the programme,
 * by enrolment id and name, in enrolment-id order; nobody when the programme sets 0 levels.
 */
export async function reportingLinesOf(
  em: EntityManager,
  programme: Pick<Programme, 'id' | 'matchingStrategy' | 'settings'>,
  enrolmentIds: string[],
): Promise<Map<string, { enrolmentId: string; name: string }[]>> {
  const levels = reportingLineLevels(programme);
  const lines = new Map<string, { enrolmentId: string; name: string }[]>();
  if (levels === 0 || enrolmentIds.length === 0) return lines;
  const rows = await em.execute<{ enrolment: string; enrolmentId: string; name: string }[]>(
    LINES_OF_SQL,
    [enrolmentIds, levels, levels, programme.id],
  );
  for (const { enrolment, enrolmentId, name } of rows)
    lines.set(enrolment, [...(lines.get(enrolment) ?? []), { enrolmentId, name }]);
  return lines;
}

/** For each enrolment, the others the rule keeps away from it. */
export function apartFrom(pairs: [string, string][]): Map<string, Set<string>> {
  const apart = new Map<string, Set<string>>();
  const add = (x: string, y: string) => apart.set(x, (apart.get(x) ?? new Set()).add(y));
  for (const [a, b] of pairs) {
    add(a, b);
    add(b, a);
  }
  return apart;
}

/**
 * The strategy's reasons for leaving people out, with the reporting line named where it is the
 * whole story: everyone who could have been the person's partner (another candidate on a side
 * that fits theirs) is in their reporting line. The strategy only saw forbidden pairs, so it
 * cannot tell this from an admin's forbid; the host can.
 */
export function withReportingLineReasons(
  input: MatchInput,
  pairs: [string, string][],
  levels: number,
  unmatched: UnmatchedReason[],
): UnmatchedReason[] {
  if (pairs.length === 0) return unmatched;
  const apart = apartFrom(pairs);
  const byId = new Map(input.candidates.map((c) => [c.enrolmentId, c]));
  const lunch = input.programme.kind === 'peer-lunch';
  return unmatched.map((left) => {
    const person = byId.get(left.enrolmentId);
    const kept = apart.get(left.enrolmentId);
    if (!person || !kept) return left;
    const partners = input.candidates.filter(
      (other) =>
        other !== person &&
        (lunch ||
          other.role === 'either' ||
          person.role === 'either' ||
          other.role !== person.role),
    );
    if (partners.length === 0 || !partners.every((other) => kept.has(other.enrolmentId)))
      return left;
    return {
      enrolmentId: left.enrolmentId,
      reason: `Excluded: reporting line. Everyone who could be their partner is within ${levels} levels of their management chain.`,
      code: 'unmatched.reporting-line',
      params: { levels },
    };
  });
}
