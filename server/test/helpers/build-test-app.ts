import type { FastifyInstance } from 'fastify';
import type { Test } from 'tap';
import { type AppDependencies, buildApp } from '../../src/app.js';
import type {} from '../../src/auth/auth-plugin.js';
import { loadConfig } from '../../src/config.js';
// The decorations these plugins declare (app.orm, app.worker) are visible to tests through them.
import type {} from '../../src/db/orm-plugin.js';
import type {} from '../../src/jobs/worker-plugin.js';
import type {} from '../../src/plugin-host/plugin-host-plugin.js';
import { createTestDatabase } from './database.js';

export interface TestAppOptions extends AppDependencies {
  /** Environment variables on top of the test defaults (silent log, no in-process worker). */
  env?: Record<string, string>;
  /** Use this database instead of a fresh copy of the template. */
  databaseUrl?: string;
  /** Demo mode: sign-in through the built-in demo IdP when no OIDC_ISSUER is set. */
  demo?: boolean;
  /** Adds test-only routes or hooks before the app becomes ready. */
  beforeReady?: (app: FastifyInstance) => void;
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
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    WORKER_IN_PROCESS: 'false',
    ...options.env,
  });
  const app = await buildApp({ ...config, databaseUrl, demo: options.demo ?? false }, options);
  t.teardown(() => app.close());
  options.beforeReady?.(app);
  await app.ready();
  return app;
}
