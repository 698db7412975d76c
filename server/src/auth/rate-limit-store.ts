import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { EntityManager } from '@mikro-orm/postgresql';

/** One statement, so concurrent requests from several processes cannot both see a free slot. */
const INCREMENT_SQL = `
  INSERT INTO rate_limit_counter AS counter (key, count, expires_at)
  VALUES (?, 1, now() + make_interval(secs => ?))
  ON CONFLICT (key) DO UPDATE SET
    count = CASE WHEN counter.expires_at <= now() THEN 1 ELSE counter.count + 1 END,
    expires_at = CASE WHEN counter.expires_at <= now() THEN excluded.expires_at
                      ELSE counter.expires_at END
  RETURNING count, ceil(extract(epoch FROM counter.expires_at - now()) * 1000)::int AS ttl`;

type Increment = Parameters<FastifyRateLimitStore['incr']>;
type ChildOptions = Parameters<FastifyRateLimitStore['child']>[0];

/**
 * @fastify/rate-limit's store on PostgreSQL: its default keeps counters in the memory of each
 * process, so n web processes would each allow the limit, n times the limit in all. Counts
 * requests per key in fixed windows in rate_limit_counter, like the built-in store without
 * `continueExceeding` and `exponentialBackoff`, which Tandem does not use.
 */
class PostgresRateLimitStore implements FastifyRateLimitStore {
  constructor(
    private readonly em: EntityManager,
    /** Keeps each route's counters apart, as the library's own stores do. */
    private readonly prefix: string,
  ) {}

  incr(key: Increment[0], callback: Increment[1], timeWindow: Increment[2]): void {
    this.em
      .fork()
      .execute<{ count: number; ttl: number }[]>(INCREMENT_SQL, [
        `${this.prefix}${key}`,
        timeWindow / 1000,
      ])
      .then(
        ([row]) => callback(null, { current: row?.count ?? 1, ttl: Math.max(row?.ttl ?? 0, 0) }),
        (error: Error) => callback(error),
      );
  }

  child(routeOptions: ChildOptions): FastifyRateLimitStore {
    // At run time the library passes the route as `routeInfo`, which its types leave out.
    const { routeInfo } = routeOptions as ChildOptions & {
      routeInfo?: { method?: string | string[]; url?: string };
    };
    const route = `${[routeInfo?.method ?? ''].flat().join(',')}${routeInfo?.url ?? ''}`;
    return new PostgresRateLimitStore(this.em, `${route}-`);
  }
}

/** The store class to give @fastify/rate-limit as `store`, bound to Tandem's database. */
export function postgresRateLimitStore(em: EntityManager): FastifyRateLimitStoreCtor {
  return class extends PostgresRateLimitStore {
    constructor() {
      super(em, '');
    }
  };
}
