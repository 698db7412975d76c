import WebSocket from 'ws';
import type { RealtimeEvent } from '../../../server/src/realtime/publish-event.js';

/** A browser tab's live connection to /ws: every event it received, in order. */
export interface LiveClient {
  socket: WebSocket;
  events: RealtimeEvent[];
  /** Resolves with the first event matching, waiting up to `timeoutMs` for it. */
  next(predicate: (event: RealtimeEvent) => boolean, timeoutMs?: number): Promise<RealtimeEvent>;
}

/**
 * Opens /ws on `port` as a signed-in page of `origin` would; resolves once the server said
 * hello, rejects when the upgrade is refused.
 */
export function connectLive(port: number, cookie: string, origin: string): Promise<LiveClient> {
  const socket = new WebSocket(`ws://127.0.0.1:${port}/ws`, { headers: { cookie, origin } });
  const events: RealtimeEvent[] = [];
  const waiting = new Set<() => void>();
  socket.on('message', (data) => {
    events.push(JSON.parse(data.toString()) as RealtimeEvent);
    for (const check of waiting) check();
  });
  const client: LiveClient = {
    socket,
    events,
    next: (predicate, timeoutMs = 15_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const found = events.find(predicate);
          if (!found) return;
          done();
          resolve(found);
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(`no such event within ${timeoutMs} ms; got ${JSON.stringify(events)}`));
        }, timeoutMs);
        const done = () => {
          clearTimeout(timer);
          waiting.delete(check);
        };
        waiting.add(check);
        check();
      }),
  };
  return new Promise((resolve, reject) => {
    socket.once('error', reject);
    socket.once('unexpected-response', (_request, response) =>
      reject(new Error(`/ws refused with ${response.statusCode}`)),
    );
    client.next((event) => event.type === 'hello').then(() => resolve(client), reject);
  });
}

/** The Cookie header for a session as sessions.ts returns it. */
export function cookieHeader(cookies: Record<string, string>): string {
  return Object.entries(cookies)
    .map(([name, value]) => `${name}=${value}`)
    .join('; ');
}
