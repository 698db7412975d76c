import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/** The process's metrics, on a registry of their own, served at the management port's /metrics. */
export interface Metrics {
  registry: Registry;
  /** Requests of the public server, by method, route pattern and status class. */
  httpRequestDuration: Histogram<'method' | 'route' | 'status_class'>;
  /** Matching runs from start to finish, by how they ended. */
  matchingRunDuration: Histogram<'outcome'>;
  /** Job attempts that failed in this process, by task. */
  jobsFailed: Counter<'task'>;
  /** Counts open WebSockets on each scrape by asking `read` (the realtime hub of this process). */
  countWebSockets(read: () => number): void;
}

/** prom-client's default gauges whose names end in _total, which Prometheus keeps for counters. */
const UNTRUE_TOTALS = [
  'nodejs_active_handles_total',
  'nodejs_active_requests_total',
  'nodejs_active_resources_total',
];

/**
 * Every metric of the process, with Node's default process metrics (CPU, memory, event loop,
 * handles). A registry of our own rather than prom-client's global one, so that two apps in one
 * process (tests) never share or clash over series.
 */
export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  // prom-client names these gauges *_total, which promtool rejects as counter names; the same
  // figures by type remain (nodejs_active_handles and so on: sum them for the total).
  for (const name of UNTRUE_TOTALS) registry.removeSingleMetric(name);
  const webSocketSources = new Set<() => number>();
  new Gauge({
    name: 'tandem_websocket_connections',
    help: 'Open WebSocket connections (live events) of this process.',
    registers: [registry],
    collect() {
      let open = 0;
      for (const read of webSocketSources) open += read();
      this.set(open);
    },
  });
  return {
    registry,
    httpRequestDuration: new Histogram({
      name: 'tandem_http_request_duration_seconds',
      help: 'Time from receiving a request of the public server to sending its response.',
      labelNames: ['method', 'route', 'status_class'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    matchingRunDuration: new Histogram({
      name: 'tandem_matching_run_duration_seconds',
      help: 'Time a matching run took from start to finish, strategy and saving included.',
      labelNames: ['outcome'],
      buckets: [0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600],
      registers: [registry],
    }),
    jobsFailed: new Counter({
      name: 'tandem_jobs_failed_total',
      help: 'Job attempts that failed in this process (each retry counts), by task.',
      labelNames: ['task'],
      registers: [registry],
    }),
    countWebSockets: (read) => {
      webSocketSources.add(read);
    },
  };
}
