import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import type { Runner, TaskList } from 'graphile-worker';
import type {} from '../metrics/http-metrics-plugin.js';
import type {} from '../plugin-host/plugin-host-plugin.js';
import type { TaskSettings } from './task-dependencies.js';
import { startWorker } from './worker.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The in-process job runner, when this process runs one. */
    worker: Runner | undefined;
  }
}

export interface WorkerPluginOptions {
  databaseUrl: string;
  concurrency: number;
  settings: TaskSettings;
  taskList?: TaskList;
}

/**
 * Runs the job worker inside the web process. It starts once the app is ready and stops on
 * close after the HTTP server has drained, letting running jobs finish, before the ORM closes.
 */
const workerPlugin: FastifyPluginAsync<WorkerPluginOptions> = async (app, options) => {
  app.decorate('worker', undefined);
  app.addHook('onReady', async () => {
    const log = app.log.child({ component: 'worker' });
    app.worker = await startWorker({
      ...options,
      deps: {
        settings: options.settings,
        orm: app.orm,
        plugins: app.plugins,
        log,
        metrics: app.metrics,
      },
      log,
    });
  });
  app.addHook('onClose', async () => {
    await app.worker?.stop();
  });
};

export default fp(workerPlugin, {
  name: 'tandem-worker',
  fastify: '5.x',
  dependencies: ['tandem-orm', 'tandem-plugin-host', 'tandem-metrics'],
});
