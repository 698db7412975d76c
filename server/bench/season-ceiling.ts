/**
 * The ceiling of `pnpm bench season` (./season.ts): as many jobs as the season ran, spread over
 * as many rounds, through graphile-worker's `runOnce` at the same concurrency, with a task that
 * does nothing. What the season takes beyond this is Tandem's own work (and the simulated
 * people's requests), not the harness's.
 */
import { Logger, makeWorkerUtils, runOnce } from 'graphile-worker';
import pg from 'pg';
import { type Elapsed, stopwatch } from './progress.js';

const NOOP = 'bench-noop';
/** graphile-worker logs every job it completes at info; here nobody reads them. */
const silent = new Logger(() => () => {});

/** Runs `jobs` no-op jobs in `rounds` rounds; times the rounds, not the queuing before each. */
export async function queueCeiling(
  databaseUrl: string,
  jobs: number,
  rounds: number,
  concurrency: number,
): Promise<Elapsed> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: concurrency + 3 });
  const ignore = () => {};
  pool.on('error', ignore);
  pool.on('connect', (client) => client.on('error', ignore));
  const utils = await makeWorkerUtils({ pgPool: pool, logger: silent });
  let ms = 0;
  let cpuMs = 0;
  try {
    for (let round = 0; round < rounds; round++) {
      const count = Math.floor(((round + 1) * jobs) / rounds) - Math.floor((round * jobs) / rounds);
      await utils.addJobs(Array.from({ length: count }, () => ({ identifier: NOOP, payload: {} })));
      const elapsed = stopwatch();
      await runOnce({
        pgPool: pool,
        taskList: { [NOOP]: async () => {} },
        concurrency,
        noHandleSignals: true,
        parsedCronItems: [],
        preset: { worker: { completeJobBatchDelay: 0, failJobBatchDelay: 0 } },
        logger: silent,
      });
      const { ms: roundMs, cpuMs: roundCpu } = elapsed();
      ms += roundMs;
      cpuMs += roundCpu;
    }
    return { ms, cpuMs };
  } finally {
    await utils.release();
    await pool.end();
  }
}
