import type { FastifyInstance } from 'fastify';
import type { Test } from 'tap';
import { type AppDependencies, buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { createTestDatabase } from './database.js';

export interface TestAppOptions extends AppDependencies {
  /** Environment variables on top of the test defaults (silent log, no in-process worker). */
  env?: Record<string, string>;
  /** Use this database instead of a fresh copy of the template. */
  databaseUrl?: string;
}

/**
 * A ready Tandem app on a database of its own, closed when the test ends. Drive it with
 * `app.inject`; listen on a port only where a real socket is the point of the test.
 */
export async function buildTestApp(
  t: Test,
  options: TestAppOptions = {},
): Promise<FastifyInstance> {
  const databaseUrl = options.databaseUrl ?? (await createTestDatabase(t));
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    WORKER_IN_PROCESS: 'false',
    ...options.env,
  });
  const app = await buildApp({ ...config, databaseUrl }, options);
  t.teardown(() => app.close());
  await app.ready();
  return app;
}
