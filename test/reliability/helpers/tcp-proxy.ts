import { connect, createServer, type Socket } from 'node:net';
import type { Test } from 'tap';

export interface TcpProxy {
  port: number;
  /** Where new connections go from now on; undefined refuses them (the server is down). */
  target: number | undefined;
}

/**
 * A TCP relay on 127.0.0.1 in front of a server whose port changes: the embedded PostgreSQL
 * picks a free port at each start, while Tandem keeps the DATABASE_URL it booted with. When
 * either side closes, so does the other, as a direct connection to a stopped server would.
 */
export async function tcpProxy(t: Test, target: number): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  const proxy: TcpProxy = { port: 0, target };
  const server = createServer((client) => {
    if (proxy.target === undefined) return client.destroy();
    const upstream = connect(proxy.target, '127.0.0.1');
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.once('close', () => sockets.delete(socket));
      socket.on('error', () => {});
    }
    client.once('close', () => upstream.destroy());
    upstream.once('close', () => client.destroy());
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  proxy.port = typeof address === 'object' && address ? address.port : 0;
  t.teardown(
    () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  );
  return proxy;
}
