/**
 * The child-process side of `pnpm bench http` (./http.ts): Tandem on a real port, on a database
 * of the benchmark's own with a seeded participant, and beside it a bare Fastify server that
 * answers each measured route with the JSON Tandem gave for it, kept in memory; under
 * {@link ONE_QUERY_PREFIX} the same server answers it with one raw `pg` query that selects that
 * JSON from a table, through a pool as large as Tandem's. Tells the parent both ports and the
 * participant's cookie over IPC; stops when the parent disconnects.
 */
import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import pg from 'pg';
import { pino } from 'pino';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import type { Log } from '../src/logger.js';
import { authorizationWorld } from '../test/helpers/authorization-world.js';
import { sessionFor } from '../test/helpers/sessions.js';
import { createBenchDatabase, DEFAULT_DATABASE_URL } from './bench-database.js';

/** What the parent gets once both servers listen. */
export interface HttpServersReady {
  tandemPort: number;
  barePort: number;
  cookie: string;
  /** Bytes of each route's answer. */
  sizes: Record<string, number>;
  /** Prefix of the bare server's one-query variant of a route: `/one-query/api/pairs`. */
  oneQueryPrefix: string;
}

const ONE_QUERY_PREFIX = '/one-query';

/** Tandem's pool size (server/src/db/orm.ts), so that both wait for connections alike. */
const POOL_SIZE = 10;

const routes = (process.env.BENCH_HTTP_ROUTES ?? '').split(',').filter(Boolean);
const log: Log = pino({ name: 'bench', level: 'warn' });
const database = await createBenchDatabase(process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL, log);
// Logging as a real deployment would (LOG_LEVEL, default info); the parent discards stdout.
const config = loadConfig({
  ...(process.env.LOG_LEVEL ? { LOG_LEVEL: process.env.LOG_LEVEL } : {}),
  WORKER_IN_PROCESS: 'false',
  MANAGEMENT_PORT: 'off',
});
const tandem = await buildApp({ ...config, databaseUrl: database.url, demo: false });
const bare = Fastify();
const pool = new pg.Pool({ connectionString: database.url, max: POOL_SIZE });

try {
  // A participant in four programmes, each with a published pair, its plan, notes and a meeting.
  const world = await authorizationWorld(tandem);
  const { cookies } = await sessionFor(tandem, world.userIds.owner);
  const cookie = Object.entries(cookies)
    .map(([name, value]) => `${name}=${value}`)
    .join('; ');
  const sizes: Record<string, number> = {};
  await pool.query('CREATE TABLE bench_answer (route text PRIMARY KEY, body jsonb NOT NULL)');
  // The reference route of the benchmark (the session lookup alone) is measured too.
  for (const route of [...routes, '/health/live']) {
    const answer = await tandem.inject({ url: route, headers: { cookie } });
    if (answer.statusCode !== 200) throw new Error(`${route} answered ${answer.statusCode}`);
    sizes[route] = answer.body.length;
    const body: unknown = answer.json();
    bare.get(route, async () => body);
    await pool.query('INSERT INTO bench_answer (route, body) VALUES ($1, $2)', [
      route,
      answer.body,
    ]);
    const read = { name: 'bench_answer', text: 'SELECT body FROM bench_answer WHERE route = $1' };
    bare.get(`${ONE_QUERY_PREFIX}${route}`, async () => {
      const { rows } = await pool.query<{ body: unknown }>({ ...read, values: [route] });
      return rows[0]?.body;
    });
  }
  const ready: HttpServersReady = {
    tandemPort: await listen(tandem),
    barePort: await listen(bare),
    cookie,
    sizes,
    oneQueryPrefix: ONE_QUERY_PREFIX,
  };
  process.send?.(ready);
  await new Promise((resolve) => process.once('disconnect', resolve));
} finally {
  await bare.close();
  await pool.end();
  await tandem.close();
  await database.drop();
}

async function listen(app: FastifyInstance): Promise<number> {
  await app.listen({ host: '127.0.0.1', port: 0 });
  return (app.server.address() as AddressInfo).port;
}
