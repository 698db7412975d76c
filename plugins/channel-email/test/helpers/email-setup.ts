import { createServer, type Server } from 'node:net';
import { pluginConfig } from '@tandem/plugin-testkit';
import { type SmtpSink, startSmtpSink } from '@tandem/plugin-testkit/smtp-sink';
import type { Test } from 'tap';
import type { EmailConfig } from '../../src/config-schema.js';
import email, { closeTransports } from '../../src/index.js';

/** The sender every test configures. */
export const FROM = 'tandem@example.org';

/** A running sink, closed (with the channel's pooled connections) when the test ends. */
export async function sinkFor(t: Test, options?: Parameters<typeof startSmtpSink>[0]) {
  const sink = await startSmtpSink(options);
  t.teardown(async () => {
    closeTransports();
    await sink.close();
  });
  return sink;
}

/** The channel's config for a sink, defaults filled in as the host does. */
export function configFor(sink: Pick<SmtpSink, 'host' | 'port'>, more: Partial<EmailConfig> = {}) {
  return pluginConfig(email, { host: sink.host, port: sink.port, from: FROM, ...more });
}

/** A loopback port nothing listens on (it was free a moment ago). */
export async function closedPort(): Promise<number> {
  const server = await listening(createServer());
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A TCP server on a loopback port, listening. */
export async function listening(server: Server): Promise<Server> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}
