import type { EntityManager } from '@mikro-orm/postgresql';
import { type PreparedRead, preparedRows } from '../db/prepared-read.js';
import type { User } from '../modules/users/user.js';

/**
 * A prepared read of the signed-in person's own data, written against a relation `me` whose
 * `id` is the person's (`WHERE e.user_id = (SELECT id FROM me)`), so that it can run in the
 * statement that resolves the session too: one round trip for a signed-in request. It takes no
 * parameters of its own.
 */
export type PersonalRead = PreparedRead;

/** What a personal read knows of the person it ran for: who, and what eligibility asks. */
export type Reader = Pick<User, 'id' | 'department' | 'title' | 'roles'>;

/** The columns of app_user (as `u`) that make a {@link Reader}. */
export const READER_COLUMNS = 'u.id, u.department, u.title, u.roles';

/** The person a personal read ran for, and its rows. */
export interface PersonalRows<Row> {
  user: Reader;
  rows: Row[];
}

/** Runs personal reads for one signed-in person. */
export type ReadAs = <Row extends object>(read: PersonalRead) => Promise<PersonalRows<Row>>;

/**
 * The read's rows as one JSON array, `answer`, beside whatever else the statement selects.
 * Aggregated from the read as a subquery, so its ORDER BY is the array's order.
 */
export function answerOf(read: PersonalRead): string {
  return `(SELECT coalesce(json_agg(r), '[]'::json) FROM (${read.text}) r) AS answer`;
}

/** Personal reads for a person already known, e.g. by their API token: `me` is `$1`. */
export function readAsUser(em: EntityManager, user: User): ReadAs {
  return async <Row extends object>(read: PersonalRead) => {
    const asUser: PreparedRead = {
      name: `${read.name}_as_user`,
      text: `WITH me AS (SELECT $1::uuid AS id) SELECT ${answerOf(read)}`,
    };
    const [row] = await preparedRows<{ answer: Row[] }>(em, asUser, [user.id]);
    return { user, rows: row?.answer ?? [] };
  };
}
