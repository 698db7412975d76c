import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Test } from 'tap';
import { freePort } from '../../src/free-port.js';

/** A real HTTP server on 127.0.0.1 serving `handler`, closed at the end of the test. Returns its port. */
export async function listen(
  t: Test,
  handler: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<number> {
  const port = await freePort();
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  t.teardown(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return port;
}
