import type { WebSocket } from '@fastify/websocket';
import { Value } from '@sinclair/typebox/value';
import pg from 'pg';
import type { Log } from '../logger.js';
import {
  REALTIME_CHANNEL,
  type RealtimeEvent,
  RealtimeNotificationSchema,
} from './publish-event.js';

/**
 * How often each socket is pinged. A socket that has not answered the previous ping by the
 * next one is dropped. 30 s also keeps proxies that cut idle connections after 60 s quiet.
 */
const PING_INTERVAL_MS = 30_000;
/** The wait before the first attempt to listen again after the connection dropped; doubles. */
const RECONNECT_FIRST_MS = 500;
/** The longest wait between attempts to listen again. */
const RECONNECT_MAX_MS = 30_000;
/** How long connecting to PostgreSQL may take; also the TCP keep-alive delay of the LISTEN connection. */
const CONNECT_TIMEOUT_MS = 10_000;
/** How long `close()` lets browsers answer the closing handshake before cutting their sockets. */
const CLOSE_GRACE_MS = 1_000;
/** WebSocket close code "going away": the server shuts down; browsers reconnect later. */
const GOING_AWAY = 1001;

export interface RealtimeHubOptions {
  /** The database whose notifications are listened to: the one `publishEvent` writes to. */
  databaseUrl: string;
  log: Log;
  /** Tests only: ping sooner than every 30 s. */
  pingIntervalMs?: number;
}

/**
 * The open sockets of this server process, by user id, and one PostgreSQL connection doing
 * `LISTEN tandem_realtime`: every process gets every notification and forwards it to the sockets
 * of the users it names that are connected here. Events are not stored; after the connection to
 * PostgreSQL dropped and came back, sockets get `{ type: 'resync' }` so that clients refetch
 * what they may have missed.
 */
export class RealtimeHub {
  readonly #options: RealtimeHubOptions;
  readonly #log: Log;
  readonly #sockets = new Map<string, Set<WebSocket>>();
  /** Sockets that answered the last ping (or joined since). */
  readonly #alive = new WeakSet<WebSocket>();
  /** Connections given up on, so that their `error` and `end` count once. */
  readonly #lost = new WeakSet<pg.Client>();
  #listener: pg.Client | undefined;
  #failures = 0;
  #reconnect: NodeJS.Timeout | undefined;
  #ping: NodeJS.Timeout | undefined;
  #closing: Promise<void> | undefined;

  constructor(options: RealtimeHubOptions) {
    this.#options = options;
    this.#log = options.log;
  }

  /** Open sockets in this process. */
  get connections(): number {
    let count = 0;
    for (const sockets of this.#sockets.values()) count += sockets.size;
    return count;
  }

  /** Whether notifications are being received right now. */
  get listening(): boolean {
    return this.#listener !== undefined;
  }

  /**
   * Starts listening and pinging. Resolves once LISTEN is in place, or after the first attempt
   * failed (it is then retried in the background: the app starts without live events).
   */
  async start(): Promise<void> {
    if (this.#closing || this.#ping) return;
    this.#ping = setInterval(
      () => this.#pingAll(),
      this.#options.pingIntervalMs ?? PING_INTERVAL_MS,
    );
    this.#ping.unref();
    await this.#listen();
  }

  /** Adds a signed-in user's socket and greets it with `{ type: 'hello' }`. */
  join(userId: string, socket: WebSocket): void {
    if (this.#closing) {
      socket.close(GOING_AWAY, 'Tandem is shutting down');
      return;
    }
    let sockets = this.#sockets.get(userId);
    if (!sockets) {
      sockets = new Set();
      this.#sockets.set(userId, sockets);
    }
    sockets.add(socket);
    this.#alive.add(socket);
    socket.on('pong', () => this.#alive.add(socket));
    socket.on('close', () => {
      sockets.delete(socket);
      if (sockets.size === 0 && this.#sockets.get(userId) === sockets) this.#sockets.delete(userId);
    });
    // Clients have nothing to say; a `ping` gets a `pong` for those that check the line.
    socket.on('message', (data, isBinary) => {
      if (!isBinary && isPing(data.toString())) send(socket, JSON.stringify({ type: 'pong' }));
    });
    send(socket, JSON.stringify({ type: 'hello' }));
  }

  /** Sends an event to the sockets of these users that are open in this process. */
  deliver(userIds: readonly string[], event: RealtimeEvent): void {
    const message = JSON.stringify({ type: event.type, data: event.data });
    for (const userId of userIds) {
      for (const socket of this.#sockets.get(userId) ?? []) send(socket, message);
    }
  }

  /**
   * Stops listening, closes every socket (going away) and cuts those that do not answer within a
   * second. Safe to call more than once.
   */
  close(): Promise<void> {
    this.#closing ??= this.#close();
    return this.#closing;
  }

  async #close(): Promise<void> {
    clearInterval(this.#ping);
    clearTimeout(this.#reconnect);
    const listener = this.#listener;
    this.#listener = undefined;
    if (listener) this.#lost.add(listener);
    const sockets = [...this.#sockets.values()].flatMap((set) => [...set]);
    const closed = sockets.map(
      (socket) =>
        new Promise<void>((resolve) => {
          if (socket.readyState === socket.CLOSED) return resolve();
          socket.once('close', () => resolve());
          socket.close(GOING_AWAY, 'Tandem is shutting down');
        }),
    );
    let grace: NodeJS.Timeout | undefined;
    await Promise.all([
      listener?.end().catch(() => {}),
      Promise.race([
        Promise.all(closed),
        new Promise((resolve) => {
          grace = setTimeout(resolve, CLOSE_GRACE_MS);
        }),
      ]),
    ]);
    clearTimeout(grace);
    for (const socket of sockets) if (socket.readyState !== socket.CLOSED) socket.terminate();
    this.#sockets.clear();
  }

  async #listen(): Promise<void> {
    const client = new pg.Client({
      connectionString: this.#options.databaseUrl,
      application_name: 'tandem-realtime',
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      // A connection that died silently (a firewall forgot it) would never say so otherwise.
      keepAlive: true,
      keepAliveInitialDelayMillis: CONNECT_TIMEOUT_MS,
    });
    client.on('notification', (message) => this.#receive(message));
    client.on('error', (error) => this.#dropped(client, error));
    client.on('end', () => this.#dropped(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${REALTIME_CHANNEL}`);
    } catch (error) {
      this.#dropped(client, error);
      return;
    }
    if (this.#closing) {
      this.#lost.add(client);
      await client.end().catch(() => {});
      return;
    }
    this.#listener = client;
    if (this.#failures > 0) {
      this.#log.info({ attempts: this.#failures }, 'realtime: listening to PostgreSQL again');
      this.#failures = 0;
      // Events published while nobody listened are gone: let clients catch up.
      for (const sockets of this.#sockets.values())
        for (const socket of sockets) send(socket, JSON.stringify({ type: 'resync' }));
    }
  }

  /** The LISTEN connection failed or ended: try again after a wait that doubles each time. */
  #dropped(client: pg.Client, error?: unknown): void {
    if (this.#lost.has(client)) return;
    this.#lost.add(client);
    if (this.#listener === client) this.#listener = undefined;
    client.end().catch(() => {});
    if (this.#closing) return;
    const delay = Math.min(RECONNECT_MAX_MS, RECONNECT_FIRST_MS * 2 ** this.#failures);
    this.#failures += 1;
    this.#log.warn(
      { err: error, retryInMs: delay, attempt: this.#failures },
      'realtime: lost the LISTEN connection to PostgreSQL; live events pause until it is back',
    );
    this.#reconnect = setTimeout(() => void this.#listen(), delay);
    this.#reconnect.unref();
  }

  #receive(message: pg.Notification): void {
    if (message.channel !== REALTIME_CHANNEL || message.payload === undefined) return;
    let notification: unknown;
    try {
      notification = JSON.parse(message.payload);
    } catch {
      notification = undefined;
    }
    if (!Value.Check(RealtimeNotificationSchema, notification)) {
      this.#log.warn(
        { payload: message.payload.slice(0, 200) },
        'realtime: ignored a bad notification',
      );
      return;
    }
    this.deliver(notification.users, notification.event);
  }

  /** Drops the sockets that did not answer the last ping, and pings the others. */
  #pingAll(): void {
    for (const sockets of this.#sockets.values()) {
      for (const socket of sockets) {
        if (!this.#alive.has(socket)) {
          socket.terminate();
          continue;
        }
        this.#alive.delete(socket);
        if (socket.readyState === socket.OPEN) socket.ping();
      }
    }
  }
}

function send(socket: WebSocket, message: string): void {
  if (socket.readyState === socket.OPEN) socket.send(message);
}

function isPing(text: string): boolean {
  try {
    const message: unknown = JSON.parse(text);
    return (
      typeof message === 'object' &&
      message !== null &&
      'type' in message &&
      message.type === 'ping'
    );
  } catch {
    return false;
  }
}
