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
 * Whom the reporting-line rule keeps away from each of the given enrolments of the programme:
 * the active participants above them in their management chain and below, up to the
 * programme's levels, by enrolment id and name, in enrolment-id order; nobody at 0 levels.
 * Walked from these people alone, a level a statement on `app_user`'s indexes: a recursive
 * query made the planner scan every person, and a page of the review need not walk the whole
 * programme's chains. People who left are walked through, as in CHAINS_SQL.
 */
export async function reportingLinesOf(
  em: EntityManager,
  programme: Pick<Programme, 'id' | 'matchingStrategy' | 'settings'>,
  enrolmentIds: string[],
): Promise<Map<string, { enrolmentId: string; name: string }[]>> {
  const levels = reportingLineLevels(programme);
  const lines = new Map<string, { enrolmentId: string; name: string }[]>();
  if (levels === 0 || enrolmentIds.length === 0) return lines;
  const start = await em.execute<{ id: string; user_id: string }[]>(
    'SELECT id, user_id FROM enrolment WHERE id IN (?)',
    [enrolmentIds],
  );
  // Each start person's relatives so far (user ids), and the users reached at the last level.
  const related = new Map(start.map((e) => [e.id, new Set<string>()]));
  let up = start.map((e) => [e.id, e.user_id] as const);
  let down = up;
  for (let level = 0; level < levels && (up.length || down.length); level++) {
    up = await step(
      em,
      up,
      'SELECT id AS "from", manager_id AS "to" FROM app_user WHERE id IN (?) AND manager_id IS NOT NULL',
    );
    down = await step(
      em,
      down,
      'SELECT manager_id AS "from", id AS "to" FROM app_user WHERE manager_id IN (?)',
    );
    for (const [enrolment, user] of [...up, ...down]) related.get(enrolment)?.add(user);
  }
  const users = [...new Set([...related.values()].flatMap((set) => [...set]))];
  if (users.length === 0) return lines;
  const enrolled = await em.execute<{ id: string; user_id: string; name: string }[]>(
    `SELECT e.id, e.user_id, u.name FROM enrolment e JOIN app_user u ON u.id = e.user_id
      WHERE e.programme_id = ? AND e.state = 'active' AND e.user_id IN (?) ORDER BY e.id`,
    [programme.id, users],
  );
  for (const [enrolment, relatives] of related) {
    const others = enrolled
      .filter((e) => relatives.has(e.user_id) && e.id !== enrolment)
      .map((e) => ({ enrolmentId: e.id, name: e.name }));
    if (others.length) lines.set(enrolment, others);
  }
  return lines;
}

/** One level further along the chains: from each (start, user) to the users `sql` links to. */
async function step(
  em: EntityManager,
  frontier: (readonly [string, string])[],
  sql: string,
): Promise<(readonly [string, string])[]> {
  if (frontier.length === 0) return [];
  const links = await em.execute<{ from: string; to: string }[]>(sql, [
    [...new Set(frontier.map(([, user]) => user))],
  ]);
  const next = new Map<string, string[]>();
  for (const link of links) next.set(link.from, [...(next.get(link.from) ?? []), link.to]);
  // A cycle in the chains may reach someone twice: each once is enough.
  const reached = new Map<string, readonly [string, string]>();
  for (const [enrolment, user] of frontier)
    for (const to of next.get(user) ?? []) reached.set(`${enrolment} ${to}`, [enrolment, to]);
  return [...reached.values()];
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
