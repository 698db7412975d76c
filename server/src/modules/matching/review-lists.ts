import type { EntityManager } from '@mikro-orm/postgresql';
import { type MATCH_STATES, Match } from './match.js';

/** The states a list may hold: never `ended`, a lunch round that ran its course is history. */
export type ListedState = Exclude<(typeof MATCH_STATES)[number], 'ended'>;

/** The lists of matches the review pages on their own (ReviewListSchema says what each holds). */
export const REVIEW_LIST_NAMES = ['all', 'open', 'proposed', 'published', 'dissolved'] as const;
export type ReviewList = (typeof REVIEW_LIST_NAMES)[number];

/** The states each list holds. */
export const STATES_OF: Record<ReviewList, readonly ListedState[]> = {
  all: ['proposed', 'pinned', 'published', 'dissolved'],
  open: ['proposed', 'pinned'],
  proposed: ['proposed'],
  published: ['published'],
  dissolved: ['dissolved'],
};

/** One page of a list, and how many the whole list holds, optionally by a member's name. */
export interface ListQuery {
  state: ReviewList;
  /** Part of a member's name, any case. */
  name?: string | undefined;
  offset: number;
  limit: number;
}

/**
 * Where a list's matches are: of the programme, in the list's states, and with a member whose
 * name holds `name` when it is given (LIKE's own characters in it taken as they are).
 */
function listWhere(programmeId: string, { state, name }: ListQuery): [string, unknown[]] {
  const where = 'm.programme_id = ? AND m.state IN (?)';
  const params: unknown[] = [programmeId, [...STATES_OF[state]]];
  if (name === undefined) return [where, params];
  const pattern = `%${name.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return [
    `${where} AND EXISTS (SELECT 1 FROM match_member mm
       JOIN enrolment e ON e.id = mm.enrolment_id JOIN app_user u ON u.id = e.user_id
      WHERE mm.match_id = m.id AND u.name ILIKE ?)`,
    [...params, pattern],
  ];
}

/**
 * One page of a list by score, highest first (PostgreSQL puts the unscored first of all when
 * descending), ties by id: the ids chosen by the database, then the page's matches loaded.
 */
export async function matchPage(
  em: EntityManager,
  programmeId: string,
  query: ListQuery,
): Promise<Match[]> {
  const [where, params] = listWhere(programmeId, query);
  const rows = await em.execute<{ id: string }[]>(
    `SELECT m.id FROM match m WHERE ${where} ORDER BY m.score DESC, m.id LIMIT ? OFFSET ?`,
    [...params, query.limit, query.offset],
  );
  if (rows.length === 0) return [];
  const loaded = new Map(
    (await em.find(Match, { id: { $in: rows.map((row) => row.id) } })).map((m) => [m.id, m]),
  );
  return rows.flatMap((row) => loaded.get(row.id) ?? []);
}

/** How many matches a whole list holds. */
export async function countMatches(
  em: EntityManager,
  programmeId: string,
  query: ListQuery,
): Promise<number> {
  const [where, params] = listWhere(programmeId, query);
  const [row] = await em.execute<{ total: number }[]>(
    `SELECT count(*)::int AS total FROM match m WHERE ${where}`,
    params,
  );
  return row?.total ?? 0;
}
