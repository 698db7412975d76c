/**
 * `pnpm bench http`: the participant overview's routes (the home page of a signed-in person asks
 * for /api/pairs and /api/programmes at once) served by Tandem, beside a bare Fastify route
 * serving the same JSON from memory, and beside a bare Fastify route that makes one raw `pg`
 * query for that JSON (the least any route answering from the database does), in the same run.
 * For each route and server: as fast as autocannon can go (10 connections), then at a fixed 500
 * requests per second. The target: Tandem at least 80 % of the one-query route's
 * throughput, and p99 under 25 ms at 500 req/s. Prints its figures and asserts nothing.
 *
 *   BENCH_HTTP_SECONDS=10   length of each measured stretch (default 10; a warm-up of 3 s
 *                           goes before each server's first stretch)
 *   BENCH_HTTP_ROUTES=…     comma-separated routes (default /api/pairs,/api/programmes)
 *   DATABASE_URL            the PostgreSQL to create the benchmark's database on
 *   LOG_LEVEL               Tandem's log level (default info, as deployed; lines discarded)
 *
 * First, as a reference, /health/live with the participant's cookie: a signed-in request that
 * does nothing but resolve its session (one statement), which bounds every signed-in route
 * that reads anything after it; the overview routes resolve it in their own statement.
 *
 * Both servers run in one child process (./http-servers.ts), so autocannon here does not share
 * their event loop; the bare server is the ceiling of this machine and this client, not a
 * server that does less than it should.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { countSetting } from './bench-setting.js';
import type { HttpServersReady } from './http-servers.js';

const SECONDS = countSetting('BENCH_HTTP_SECONDS', 10);
const ROUTES = process.env.BENCH_HTTP_ROUTES ?? '/api/pairs,/api/programmes';
const RATE = 500;
const CONNECTIONS = 10;
const WARM_UP_SECONDS = 3;
const SESSION_ONLY = '/health/live';

interface Figures {
  reqPerSec: number;
  p50: number;
  p99: number;
  failed: number;
}

const child = fork(fileURLToPath(new URL('./http-servers.ts', import.meta.url)), {
  stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  env: { ...process.env, BENCH_HTTP_ROUTES: ROUTES },
});
const servers = await new Promise<HttpServersReady>((resolve, reject) => {
  child.once('message', (message) => resolve(message as HttpServersReady));
  child.once('exit', (code) => reject(new Error(`the server process exited (${code})`)));
}).catch((error: Error) => {
  console.error(`bench http: ${error.message}`);
  process.exit(1);
});

try {
  console.log(
    `HTTP benchmark: Tandem beside bare Fastify, ${SECONDS} s per stretch, ${CONNECTIONS} connections, Node ${process.version}.`,
  );
  await sessionOnly();
  for (const route of ROUTES.split(',')) await compare(route);
} finally {
  child.disconnect();
  await new Promise((resolve) => child.once('exit', resolve));
}

/** The ceiling of a signed-in route with a statement of its own: resolving the session alone. */
async function sessionOnly(): Promise<void> {
  const tandem = `http://127.0.0.1:${servers.tandemPort}${SESSION_ONLY}`;
  const bare = `http://127.0.0.1:${servers.barePort}${SESSION_ONLY}`;
  await run(tandem, WARM_UP_SECONDS);
  const [signedIn, nothing] = [await run(tandem, SECONDS), await run(bare, SECONDS)];
  if (!signedIn || !nothing) return;
  console.log(
    `\n${SESSION_ONLY} with the session cookie, i.e. the session lookup alone (one statement): ` +
      `Tandem ${Math.round(signedIn.reqPerSec)} req/s (p99 ${signedIn.p99} ms), ` +
      `bare ${Math.round(nothing.reqPerSec)} req/s: ` +
      `${((100 * signedIn.reqPerSec) / nothing.reqPerSec).toFixed(0)} %, the most a signed-in route that reads after it can reach.`,
  );
}

async function compare(route: string): Promise<void> {
  const tandem = `http://127.0.0.1:${servers.tandemPort}${route}`;
  const bare = `http://127.0.0.1:${servers.barePort}${route}`;
  const oneQuery = `http://127.0.0.1:${servers.barePort}${servers.oneQueryPrefix}${route}`;
  await run(tandem, WARM_UP_SECONDS);
  await run(bare, WARM_UP_SECONDS);
  await run(oneQuery, WARM_UP_SECONDS);
  const rows: [string, Figures][] = [
    ['Tandem, max rate', await run(tandem, SECONDS)],
    ['bare, max rate', await run(bare, SECONDS)],
    ['bare + 1 pg, max rate', await run(oneQuery, SECONDS)],
    [`Tandem, ${RATE} req/s`, await run(tandem, SECONDS, RATE)],
    [`bare, ${RATE} req/s`, await run(bare, SECONDS, RATE)],
    [`bare + 1 pg, ${RATE} req/s`, await run(oneQuery, SECONDS, RATE)],
  ];
  console.log(`\n${route} (${servers.sizes[route]?.toLocaleString('en')} bytes of JSON)`);
  console.log(
    `  ${'server'.padEnd(22)}${'req/s'.padStart(9)}${'p50 ms'.padStart(9)}${'p99 ms'.padStart(9)}${'failed'.padStart(9)}`,
  );
  for (const [label, f] of rows)
    console.log(
      `  ${label.padEnd(22)}${Math.round(f.reqPerSec).toString().padStart(9)}${f.p50.toString().padStart(9)}${f.p99.toString().padStart(9)}${f.failed.toString().padStart(9)}`,
    );
  const [tandemMax, bareMax, oneQueryMax, tandemFixed] = rows.map(([, figures]) => figures);
  if (!tandemMax || !bareMax || !oneQueryMax || !tandemFixed) return;
  const percent = (of: Figures) => ((100 * tandemMax.reqPerSec) / of.reqPerSec).toFixed(0);
  // Below the rate asked for, the p99 is that of a saturated server, not of one at 500 req/s.
  const kept =
    tandemFixed.reqPerSec >= RATE * 0.95
      ? ''
      : ` (it managed only ${Math.round(tandemFixed.reqPerSec)} req/s)`;
  console.log(
    `  Tandem reaches ${percent(oneQueryMax)} % of the one-query route's throughput (target ≥ 80 %), ` +
      `${percent(bareMax)} % of the bare route's; ` +
      `p99 at ${RATE} req/s ${tandemFixed.p99} ms${kept} (target < 25 ms).`,
  );
}

/** One stretch against `url` with the participant's cookie; at most `rate` req/s if given. */
async function run(url: string, seconds: number, rate?: number): Promise<Figures> {
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    headers: { cookie: servers.cookie },
    ...(rate ? { overallRate: rate } : {}),
  });
  return {
    reqPerSec: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failed: result.errors + result.non2xx,
  };
}
