import closeWithGrace from 'close-with-grace';
import type { Config } from '../config.js';
import { openDatabase } from '../db/database.js';
import { migrateFor } from '../db/migrate.js';
import { openOrm } from '../db/orm.js';
import { EXIT_CONFIG, OperatorError } from '../errors.js';
import { taskSettings } from '../jobs/task-dependencies.js';
import { startWorker } from '../jobs/worker.js';
import { createLogger } from '../logger.js';
import { servingProbe, startManagement } from '../management/management-server.js';
import { addDatabaseGauges, knownLabels } from '../metrics/database-gauges.js';
import { createMetrics } from '../metrics/metrics.js';
import { loadPlugins } from '../plugin-host/plugin-registry.js';
import { version } from '../version.js';

/**
 * `tandem worker`: run background jobs only, beside web processes on the same database, with
 * its own management server (metrics, probes) when configured.
 */
export async function workerCommand(config: Config): Promise<void> {
  if (!config.databaseUrl) {
    throw new OperatorError(
      'tandem worker needs DATABASE_URL: the embedded PostgreSQL belongs to `tandem start`, which runs jobs itself.',
      EXIT_CONFIG,
    );
  }
  const log = createLogger(config);
  const metrics = createMetrics();
  const management = await startManagement(config.management, metrics, log);
  const database = await openDatabase(config, log);
  await migrateFor(config, database.url, log);
  const plugins = await loadPlugins({
    ...config.plugins,
    serverVersion: version,
    env: config.pluginEnv,
    log: log.child({ component: 'plugins' }),
  });
  const orm = await openOrm(database.url);
  addDatabaseGauges(
    metrics,
    orm,
    log.child({ component: 'metrics' }),
    knownLabels(() => plugins),
  );
  const runner = await startWorker({
    databaseUrl: database.url,
    concurrency: config.worker.concurrency,
    deps: { settings: taskSettings(config), orm, plugins, log, metrics },
    log,
  });
  management?.serving(servingProbe(orm, plugins));
  log.info({ concurrency: config.worker.concurrency }, 'worker running');

  closeWithGrace({ delay: config.shutdownTimeoutMs, logger: log }, async ({ signal, err }) => {
    if (err) log.error({ err }, 'stopping after an error');
    else log.info({ signal }, 'stopping: letting running jobs finish');
    management?.draining();
    await runner.stop();
    await orm.close();
    await management?.close();
    log.info('worker stopped');
  });
}
