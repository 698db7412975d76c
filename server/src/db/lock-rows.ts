import { type EntityName, type FilterQuery, LockMode, type OrderDefinition } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * The rows a state change is about, read afresh and locked (SELECT … FOR UPDATE) until its
 * transaction ends. Every state change reads the state it checks this way, before anything
 * else, so that two requests at once cannot both act on the state they both saw: the second
 * waits for the first to commit and then sees its outcome (and is refused, or answers the same).
 * The rows are locked in the order of their ids, so that two changes locking the same rows
 * cannot deadlock. Needs the transaction of `em` (MikroORM refuses otherwise).
 */
export async function lockRows<Entity extends { id: string }>(
  em: EntityManager,
  entity: EntityName<Entity>,
  ids: string[],
): Promise<Entity[]> {
  // MikroORM's query types cannot see through a generic entity that it has an `id`.
  const where = { id: { $in: ids } } as unknown as FilterQuery<Entity>;
  const orderBy = { id: 'asc' } as OrderDefinition<Entity>;
  return em.find(entity, where, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true, orderBy });
}

/**
 * Locks rows of `table` as {@link lockRows} does (FOR UPDATE, in the order of their ids) without
 * reading them: for a change that reads what it needs afterwards, in statements of its own that
 * see whatever committed before the lock. One plain statement, where lockRows costs an entity
 * load; needs the transaction of `em`, as lockRows does.
 */
export async function lockIds(em: EntityManager, table: string, ids: string[]): Promise<void> {
  if (!em.isInTransaction()) throw new Error(`Locking ${table} rows needs a transaction.`);
  if (ids.length === 0) return;
  await em.execute(`SELECT 1 FROM "${table}" WHERE id IN (?) ORDER BY id FOR UPDATE`, [ids]);
}
