import pg from 'pg';
import type { Log } from '../logger.js';

/** How often a running worker looks for pools that died holding jobs. */
export const SWEEP_EVERY_MS = 5_000;

const RECONNECT_PAUSE_MS = 1_000;

// PostgreSQL drops the session of a killed process at once (the kernel closes its socket); for
// a host that vanishes without a word, these make it notice within about a minute instead of
// the kernel's default two hours. Ignored on Unix sockets, where the peer is local anyway.
const KEEPALIVE_SQL =
  'SET tcp_keepalives_idle = 30; SET tcp_keepalives_interval = 10; SET tcp_keepalives_count = 3';

// Session-level: held for as long as the session lives, gone the moment it ends.
const HOLD_SQL = 'SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS held';

// Every pool that has jobs or queues locked, except the caller's, whose lock no session holds.
// The try-lock is transaction-level (released when the statement ends) and fails whenever a
// live session holds the pool's lock: only pools without one come back.
const UNHELD_OWNERS_SQL = `
SELECT owner FROM (
  SELECT locked_by AS owner FROM graphile_worker._private_jobs WHERE locked_by IS NOT NULL
  UNION
  SELECT locked_by FROM graphile_worker._private_job_queues WHERE locked_by IS NOT NULL
) AS owners
WHERE owner IS DISTINCT FROM $1 AND pg_try_advisory_xact_lock(hashtextextended(owner, 0))`;

export interface PoolLivenessOptions {
  databaseUrl: string;
  log: Log;
  /** Tests drive {@link PoolLiveness.sweep} themselves with a long interval. */
  sweepEveryMs?: number;
}

/**
 * Frees the jobs of worker processes that died while running them. graphile-worker 0.17 leaves
 * those locked for four hours; a killed `tandem worker` would hold its invitations that long.
 *
 * Liveness is a PostgreSQL session, not a heartbeat: each pool holds an advisory lock named
 * after its id (the `locked_by` of its jobs) on a connection of its own, taken before its
 * first job. The lock lives exactly as long as the process's session, whatever its event loop
 * is doing, so a long job, even one that blocks the event loop, never looks dead; a killed
 * process's session ends with its socket and its lock with it. Every pool sweeps: an owner of
 * locked jobs whose lock nobody holds, on two sweeps in a row (a live pool reconnecting after
 * a dropped connection gets that long to take its lock again), is dead, and its jobs are
 * unlocked with graphile's `force_unlock_workers` to be run again.
 */
export class PoolLiveness {
  private readonly databaseUrl: string;
  private readonly log: Log;
  private readonly sweepEveryMs: number;
  private client: pg.Client | undefined;
  private poolId: string | undefined;
  private held: Promise<void> | undefined;
  private suspects = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private sweeping = false;
  private stopped = false;
  private shuttingDown = false;

  constructor({ databaseUrl, log, sweepEveryMs = SWEEP_EVERY_MS }: PoolLivenessOptions) {
    this.databaseUrl = databaseUrl;
    this.log = log;
    this.sweepEveryMs = sweepEveryMs;
  }

  /**
   * A graphile-worker plugin: every worker of the pool waits in `startWorker`, before it asks
   * for its first job, until the pool's lock is held. The pool's local queue (worker.ts) may
   * lock a first batch a moment before that; a pool only counts as dead on two sweeps in a
   * row, a grace that start-up needs no more of than a reconnect does.
   */
  plugin(): GraphileConfig.Plugin {
    return {
      name: 'TandemPoolLiveness',
      version: '1.0.0',
      worker: {
        hooks: { startWorker: (_ctx, event) => this.hold(event.worker.workerPool.id) },
      },
    };
  }

  /** Holds the pool's lock and starts sweeping; every worker of the pool awaits the same. */
  hold(poolId: string): Promise<void> {
    if (this.poolId !== undefined && this.poolId !== poolId)
      throw new Error(`liveness of pool ${this.poolId} asked to hold ${poolId}`);
    this.poolId = poolId;
    // A pool shutting down takes no more jobs: its workers need not wait for a lock then.
    this.held ??= this.connectUntilHeld(() => this.shuttingDown).then(() => this.startSweeping());
    return this.held;
  }

  /**
   * The runner is stopping: workers still waiting for the first lock go on without it (they
   * find no job any more), so a database out of reach cannot hold up the shutdown. A lock
   * already held stays until {@link stop}.
   */
  shutDown(): void {
    this.shuttingDown = true;
  }

  /**
   * Unlocks the jobs of pools found dead on this sweep and the one before.
   *
   * @returns the pools whose jobs were unlocked.
   */
  async sweep(): Promise<string[]> {
    const client = this.client;
    if (!client || this.sweeping) return [];
    this.sweeping = true;
    try {
      const { rows } = await client.query<{ owner: string }>(UNHELD_OWNERS_SQL, [this.poolId]);
      const unheld = rows.map((row) => row.owner);
      const dead = unheld.filter((owner) => this.suspects.has(owner));
      this.suspects = new Set(unheld.filter((owner) => !dead.includes(owner)));
      if (dead.length > 0) await this.unlock(client, dead);
      return dead;
    } finally {
      this.sweeping = false;
    }
  }

  /** Stops sweeping and ends the session, which lets the lock go: after the runner stopped. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async unlock(client: pg.Client, pools: string[]): Promise<void> {
    await client.query('SELECT graphile_worker.force_unlock_workers($1::text[])', [pools]);
    this.log.warn({ pools }, 'unlocked the jobs of worker processes that died running them');
  }

  private async connectUntilHeld(giveUp: () => boolean): Promise<void> {
    while (!this.stopped && !giveUp()) {
      try {
        await this.connect();
        return;
      } catch (err) {
        this.log.warn({ err }, 'could not take the worker liveness lock; trying again');
        await new Promise((resolve) => setTimeout(resolve, RECONNECT_PAUSE_MS));
      }
    }
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({
      connectionString: this.databaseUrl,
      application_name: `tandem worker ${this.poolId}`,
      keepAlive: true,
    });
    client.on('error', (err) => this.lost(client, err));
    client.on('end', () => this.lost(client, new Error('the server ended the connection')));
    try {
      await client.connect();
      await client.query(KEEPALIVE_SQL);
      const { rows } = await client.query<{ held: boolean }>(HOLD_SQL, [this.poolId]);
      if (!rows[0]?.held) throw new Error(`the lock of pool ${this.poolId} is held elsewhere`);
    } catch (err) {
      await client.end().catch(() => undefined);
      throw err;
    }
    if (this.stopped) await client.end().catch(() => undefined);
    else this.client = client;
  }

  /** A live process that lost its session looks dead to the others: take the lock again. */
  private lost(client: pg.Client, err: Error): void {
    if (client !== this.client || this.stopped) return;
    this.client = undefined;
    this.log.warn({ err }, 'lost the worker liveness connection; reconnecting');
    void client.end().catch(() => undefined);
    // Running jobs keep the pool alive until they end, shutting down or not.
    void this.connectUntilHeld(() => false);
  }

  /** The first sweep, which notes the pools already dead, ends before the pool's first job. */
  private async startSweeping(): Promise<void> {
    await this.sweepLogged();
    if (this.stopped) return;
    this.timer = setInterval(() => void this.sweepLogged(), this.sweepEveryMs);
    // The runner keeps the process alive while it runs; the sweep must not keep it after.
    this.timer.unref();
  }

  private async sweepLogged(): Promise<void> {
    try {
      await this.sweep();
    } catch (err) {
      this.log.warn({ err }, 'could not look for dead worker processes; trying again later');
    }
  }
}
