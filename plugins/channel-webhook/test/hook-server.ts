import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** How the server answers a path: a status with headers and body, or never. */
export type Reply = { status: number; headers?: Record<string, string>; body?: string } | 'hang';

/** One request as the server saw it. */
export interface Received {
  /** Path and query, e.g. `/services/T1/B1/secret`. */
  path: string;
  headers: IncomingHttpHeaders;
  /** The body parsed as JSON (undefined when it is not JSON). */
  json: unknown;
  raw: string;
  /** The status answered; undefined while the server hangs. */
  status?: number;
}

/** A chat tool's webhook endpoint on 127.0.0.1 that records requests and answers as told. */
export interface HookServer {
  /** The full URL of a path on this server. */
  url(path: string): string;
  /** Every request so far, oldest first; only those to `path` when given. */
  received(path?: string): Received[];
  /** Answers every later request to `path` so; 200 "ok" until told otherwise. */
  answer(path: string, reply: Reply): void;
  close(): Promise<void>;
}

const OK: Reply = { status: 200, body: 'ok' };

export async function startHookServer(): Promise<HookServer> {
  const replies = new Map<string, Reply>();
  const requests: Received[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = request.url ?? '/';
      const raw = Buffer.concat(chunks).toString('utf8');
      const received: Received = { path, headers: request.headers, json: parseJson(raw), raw };
      requests.push(received);
      const reply = replies.get(path) ?? OK;
      if (reply === 'hang') return;
      received.status = reply.status;
      response.writeHead(reply.status, reply.headers).end(reply.body ?? '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    received: (path) => requests.filter((r) => path === undefined || r.path === path),
    answer: (path, reply) => replies.set(path, reply),
    close: async () => {
      server.closeAllConnections(); // hanging requests would keep close() waiting forever
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}
