import type { RealtimeEvent } from '@tandem/server/schemas/realtime/publish-event';

export type { RealtimeEvent };

/** The window event carrying what arrived over /ws; pages listen for the types they show. */
export const REALTIME = 'tandem-realtime';

/**
 * Keeps one WebSocket to /ws open while someone is signed in and re-dispatches each event on
 * `window`. Events only say that something changed; listeners refetch through the API. The
 * socket reconnects with a growing pause after the server restarts or the network drops.
 */
export function connectRealtime(): () => void {
  let socket: WebSocket | undefined;
  let pause = 1000;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const open = () => {
    const url = new URL('/ws', location.href);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    socket = new WebSocket(url);
    socket.addEventListener('open', () => {
      pause = 1000;
    });
    socket.addEventListener('message', (message) => {
      const event = parse(message.data);
      if (event) window.dispatchEvent(new CustomEvent<RealtimeEvent>(REALTIME, { detail: event }));
    });
    socket.addEventListener('close', () => {
      if (stopped) return;
      timer = setTimeout(open, pause);
      pause = Math.min(pause * 2, 30_000);
    });
  };
  open();
  return () => {
    stopped = true;
    clearTimeout(timer);
    socket?.close();
  };
}

function parse(data: unknown): RealtimeEvent | undefined {
  if (typeof data !== 'string') return undefined;
  try {
    const event = JSON.parse(data) as RealtimeEvent;
    return typeof event.type === 'string' ? event : undefined;
  } catch {
    return undefined;
  }
}
