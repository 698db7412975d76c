import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import type pg from 'pg';
import { openTransaction } from './request-context.js';

/**
 * A read that PostgreSQL plans once per connection and afterwards only executes: for a
 * statement run on every request whose planning costs more than running it. Parameters are
 * `$1`, `$2`…; list its columns (never `*`), so that a migration adding one does not change
 * the prepared result.
 */
export interface PreparedRead {
  /** Unique among prepared reads: a connection keeps each name for its life. */
  name: string;
  text: string;
}

/**
 * The rows of a prepared read, in the entity manager's transaction when it has one (so that it
 * sees the transaction's writes), else on a pooled connection. Announced like every statement
 * (knex's `query` event), so that counting statements still sees it.
 */
export async function preparedRows<Row extends pg.QueryResultRow>(
  em: EntityManager,
  read: PreparedRead,
  values: unknown[],
): Promise<Row[]> {
  const knex: Knex = openTransaction(em) ?? em.getKnex();
  const connection: pg.ClientBase = await knex.client.acquireConnection();
  try {
    knex.client.emit('query', { sql: read.text, bindings: values });
    const result = await connection.query<Row>({ name: read.name, text: read.text, values });
    return result.rows;
  } finally {
    await knex.client.releaseConnection(connection);
  }
}
