import { AsyncLocalStorage } from 'node:async_hooks';
import { TransactionContext } from '@mikro-orm/core';
import type { EntityManager, Knex, MikroORM } from '@mikro-orm/postgresql';

/** A request's own entity manager, once something in the request has asked for one. */
interface RequestSlot {
  em?: EntityManager;
  /** While the fork is being made: it asks for its own context as it is set up. */
  forking?: boolean;
}

const requests = new AsyncLocalStorage<RequestSlot>();

/**
 * Gives every request run by {@link runInRequest} an entity manager (identity map, unit of work)
 * of its own, as MikroORM's RequestContext does, but forked the first time the request uses the
 * ORM: a request that reads only through plain prepared statements (the participant overview, a
 * signed-in health probe) never pays for the fork, which cost about a tenth of such a request.
 */
export function forkPerRequest(orm: MikroORM): void {
  const global = orm.em;
  const outside = orm.config.get('context');
  orm.config.set('context', (name) => {
    const slot = requests.getStore();
    if (!slot || name !== global.name) return outside(name);
    if (slot.em || slot.forking) return slot.em;
    slot.forking = true;
    try {
      // Without context resolution: this runs inside the global manager's getContext.
      slot.em = global.fork({ useContext: true, disableContextResolution: true });
    } finally {
      slot.forking = false;
    }
    return slot.em;
  });
}

/** Runs `next` (the rest of a request) with an entity manager of its own, forked on first use. */
export function runInRequest(next: () => void): void {
  requests.run({}, next);
}

/**
 * The transaction `em` works in, if any; unlike `em.getTransactionContext()`, it does not fork
 * the request's entity manager to find that it has none yet.
 */
export function openTransaction(em: EntityManager): Knex.Transaction | undefined {
  const slot = requests.getStore();
  const unforked = em.global && slot !== undefined && slot.em === undefined;
  if (unforked && !TransactionContext.getEntityManager(em.name)) return undefined;
  return em.getTransactionContext<Knex.Transaction>();
}
