import type { Static } from '@sinclair/typebox';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { MikroORM } from '../db/orm.js';
import { OperatorError } from '../errors.js';
import { LiveResponse } from '../health/health-schemas.js';
import { type Readiness, readinessProbe } from '../health/readiness.js';
import type { Metrics } from '../metrics/metrics.js';
import type { PluginRegistry } from '../plugin-host/plugin-registry.js';
import type { PluginStatus } from '../plugin-host/plugin-schemas.js';
import { ManagementReadyResponse } from './management-schemas.js';

type ManagementReady = Static<typeof ManagementReadyResponse>;

/** What the process reports as ready once it serves: the database checks and its plugins. */
export type ServingProbe = () => Promise<Readiness & { plugins: PluginStatus[] }>;

/** Ready when the database answers and is migrated; the plugins' states for the operator. */
export function servingProbe(orm: MikroORM, plugins: PluginRegistry): ServingProbe {
  const probe = readinessProbe(orm);
  return async () => ({ ...(await probe()), plugins: [...plugins.statuses] });
}

export interface ManagementServerOptions {
  metrics: Metrics;
  log: FastifyBaseLogger;
}

/**
 * The management port: `/metrics` for Prometheus and the health probes for the orchestrator,
 * apart from the public server so that neither is reachable by the people using Tandem. It is
 * started first and closed last: live while migrations run, and answering `/health/ready` with
 * 503 while the public server drains, so that load balancers stop sending traffic.
 */
export class ManagementServer {
  readonly app: FastifyInstance;
  #probe: ServingProbe | undefined;
  #draining = false;

  constructor(options: ManagementServerOptions) {
    this.app = Fastify({ loggerInstance: options.log });
    const { registry } = options.metrics;

    this.app.get('/metrics', { logLevel: 'warn' }, async (_request, reply) =>
      reply.type(registry.contentType).send(await registry.metrics()),
    );
    this.app.get(
      '/health/live',
      { schema: { response: { 200: LiveResponse } }, logLevel: 'warn' },
      async () => ({ status: 'ok' as const }),
    );
    this.app.get(
      '/health/ready',
      {
        schema: { response: { 200: ManagementReadyResponse, 503: ManagementReadyResponse } },
        logLevel: 'warn',
      },
      async (_request, reply) => {
        const body = await this.#readiness();
        return reply.code(body.status === 'ready' ? 200 : 503).send(body);
      },
    );
  }

  /** Listens on host:port; a port in use or not allowed is the operator's to fix. */
  async listen(host: string, port: number): Promise<void> {
    try {
      await this.app.listen({ host, port });
    } catch (error) {
      throw listenError(error, host, port);
    }
  }

  /** The process serves from now on: readiness is what `probe` finds. */
  serving(probe: ServingProbe): void {
    this.#probe = probe;
  }

  /** The process is shutting down: not ready from now on, whatever the database says. */
  draining(): void {
    this.#draining = true;
  }

  close(): Promise<void> {
    return this.app.close();
  }

  async #readiness(): Promise<ManagementReady> {
    if (this.#draining) return { status: 'not-ready', phase: 'draining' };
    if (!this.#probe) return { status: 'not-ready', phase: 'starting' };
    const { ready, checks, plugins } = await this.#probe();
    return { status: ready ? 'ready' : 'not-ready', phase: 'serving', checks, plugins };
  }
}

/** Starts the management server when configured (`where`): live from now on, ready once serving. */
export async function startManagement(
  where: { host: string; port: number } | undefined,
  metrics: Metrics,
  log: FastifyBaseLogger,
): Promise<ManagementServer | undefined> {
  if (!where) return undefined;
  const server = new ManagementServer({ metrics, log: log.child({ component: 'management' }) });
  await server.listen(where.host, where.port);
  return server;
}

function listenError(error: unknown, host: string, port: number): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE')
    return new OperatorError(
      `Management port ${port} on ${host} is already in use; set MANAGEMENT_PORT to a free one, or to off.`,
    );
  if (code === 'EACCES')
    return new OperatorError(
      `Not allowed to listen on ${host}:${port}; choose a MANAGEMENT_PORT above 1023.`,
    );
  return error;
}
