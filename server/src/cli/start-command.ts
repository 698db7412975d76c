import closeWithGrace from 'close-with-grace';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.js';
import type { Config } from '../config.js';
import { openDatabase } from '../db/database.js';
import { migrateFor } from '../db/migrate.js';
import { openOrm } from '../db/orm.js';
import { demoApiToken, demoTokenLine } from '../demo/demo-api-token.js';
import { seedDemo } from '../demo/seed-demo.js';
import { EXIT_CONFIG, OperatorError } from '../errors.js';
import { createLogger, type Log } from '../logger.js';
import { servingProbe, startManagement } from '../management/management-server.js';
import { createMetrics } from '../metrics/metrics.js';
import { rotateNotes } from '../modules/pairs/note-rotation.js';
import { curriculumDefaults } from '../modules/programmes/programme-service.js';
import { checkNoteKeys } from './note-key-check.js';

export interface StartOptions {
  /** Seed the demo organisation on first start. */
  demo: boolean;
}

/**
 * `tandem start`: the management server (metrics, probes), database (embedded unless
 * DATABASE_URL), migrations, optional demo data, then the HTTP server with the in-process
 * worker. SIGTERM or SIGINT makes the probes answer not ready, drains in-flight requests and
 * jobs, closes the database and the management server, and exits 0.
 */
export async function startCommand(config: Config, { demo }: StartOptions): Promise<void> {
  if (demo && config.env === 'production') {
    throw new OperatorError(
      'Demo mode is refused when NODE_ENV=production: it seeds made-up people.',
      EXIT_CONFIG,
    );
  }
  if (demo && !config.worker.inProcess) {
    // A separate worker would send the demo's email through its own, real channels.
    throw new OperatorError(
      'Demo mode is refused when WORKER_IN_PROCESS=false: its email must go to the Demo mailbox, which only the in-process worker reaches.',
      EXIT_CONFIG,
    );
  }
  const log = createLogger(config);
  if (!config.oidc && !demo) {
    if (config.env === 'production') {
      throw new OperatorError(
        'Set OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET: without an identity provider nobody can sign in.',
        EXIT_CONFIG,
      );
    }
    log.warn('no OIDC_ISSUER: sign-in is off (start with --demo for the built-in demo IdP)');
  }
  checkNoteKeys(config, log);
  const metrics = createMetrics();
  const management = await startManagement(config.management, metrics, log);
  const database = await openDatabase(config, log).catch(async (error: unknown) => {
    await management?.close();
    throw error;
  });
  let app: Awaited<ReturnType<typeof buildApp>> | undefined;
  let stopping = false;
  let demoToken: string | undefined;
  let failure: string | undefined;

  // No overall timer: only the draining is bounded, so PostgreSQL is always stopped cleanly,
  // however slow its last checkpoint on a busy disk.
  const graceful = closeWithGrace({ delay: null, logger: log }, async ({ signal, err }) => {
    stopping = true;
    management?.draining();
    if (err) log.error({ err }, 'stopping after an error');
    else if (signal) log.info({ signal }, 'stopping: finishing in-flight requests and jobs');
    if (!(await drain(app, config.shutdownTimeoutMs, log))) failure ??= 'in-flight work cut short';
    await database.stop();
    await management?.close();
    log.info('stopped');
    if (failure) throw new Error(`stopped with an error: ${failure}`);
  });
  void database.exited.then(() => {
    if (stopping) return;
    log.fatal('embedded PostgreSQL exited unexpectedly');
    failure = 'embedded PostgreSQL exited unexpectedly';
    void graceful.close();
  });

  try {
    await migrateFor(config, database.url, log);
    await encryptLegacyNotes(database.url, config, log);
    app = await buildApp({ ...config, databaseUrl: database.url, demo }, { log, metrics });
    if (demo) await seedDemoOnce(app, log);
    // Made before listening, so that a database lost right after start-up is reported as such
    // (the embedded watchdog's line), not as a failed token.
    demoToken = demo ? await demoApiToken(app.orm.em) : undefined;
    await app.listen({ host: config.host, port: config.port });
  } catch (error) {
    stopping = true;
    graceful.uninstall();
    await app?.close().catch(() => undefined);
    await database.stop();
    await management?.close();
    throw listenError(error, config);
  }
  management?.serving(servingProbe(app.orm, app.plugins));
  log.info(
    { url: config.publicUrl, embeddedDatabase: database.embedded },
    `Tandem is ready at ${config.publicUrl}`,
  );
  if (demo) announceDemoToken(demoToken, config, log);
}

/** Demo only (refused in production above): an admin token for trying the API from scripts. */
function announceDemoToken(token: string | undefined, config: Config, log: Log): void {
  if (!token) {
    log.info('no demo HR admin in this database, so no demo API token');
    return;
  }
  log.info(demoTokenLine(token, config.publicUrl));
}

/** Closes the app (requests, then jobs); false when that took longer than the shutdown timeout. */
async function drain(
  app: { close(): Promise<unknown> } | undefined,
  timeoutMs: number,
  log: Log,
): Promise<boolean> {
  if (!app) return true;
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    const closed = await Promise.race([app.close().then(() => true), timedOut]);
    if (!closed) log.error({ timeoutMs }, 'in-flight requests and jobs did not finish in time');
    return closed;
  } catch (err) {
    log.error({ err }, 'closing the server failed');
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/** Notes and questions from before encryption get encrypted before anyone can read them. */
async function encryptLegacyNotes(url: string, config: Config, log: Log): Promise<void> {
  const orm = await openOrm(url);
  try {
    const { rotated } = await rotateNotes(orm.em, config.noteKeyring, { legacyOnly: true });
    if (rotated > 0)
      log.info({ texts: rotated }, 'encrypted pair notes and questions written before encryption');
  } finally {
    await orm.close();
  }
}

/** Seeds the demo once the app has loaded its plugins, so programmes get their curricula's figures. */
async function seedDemoOnce(app: FastifyInstance, log: Log): Promise<void> {
  const seeded = await seedDemo(app.orm.em.fork(), (curriculum) =>
    curriculumDefaults(app.plugins, curriculum),
  );
  log.info(
    seeded ? { people: seeded.people } : {},
    seeded ? 'demo organisation seeded' : 'demo data already present',
  );
}

function listenError(error: unknown, config: Config): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE')
    return new OperatorError(
      `Port ${config.port} on ${config.host} is already in use; set PORT to a free one.`,
    );
  if (code === 'EACCES')
    return new OperatorError(
      `Not allowed to listen on ${config.host}:${config.port}; choose a PORT above 1023.`,
    );
  return error;
}
