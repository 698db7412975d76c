import type { EntityManager } from '@mikro-orm/postgresql';
import { type Static, Type } from '@sinclair/typebox';

/** The PostgreSQL channel every server process listens on (realtime-hub.ts). */
export const REALTIME_CHANNEL = 'tandem_realtime';

/**
 * What a browser receives over /ws: a type and a few ids or counts. Events say that something
 * changed, not what it is now; clients refetch through the API, which checks access.
 */
export const RealtimeEventSchema = Type.Object({
  type: Type.String(),
  data: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
});
export interface RealtimeEvent {
  type: string;
  data?: Record<string, unknown>;
}

/** One NOTIFY payload: the event and the users (ids) whose sockets get it. */
export const RealtimeNotificationSchema = Type.Object({
  users: Type.Array(Type.String()),
  event: RealtimeEventSchema,
});
export type RealtimeNotification = Static<typeof RealtimeNotificationSchema>;

/**
 * PostgreSQL refuses NOTIFY payloads of 8000 bytes or more; stay a little below and split
 * long lists of recipients into several notifications.
 */
const MAX_PAYLOAD_BYTES = 7900;

/**
 * Sends an event to the named users' open sockets, on whichever server process they are
 * connected to, through `pg_notify` on the entity manager's connection. Inside a transaction
 * the notification is delivered when it commits, and never when it rolls back, so an event
 * never announces a change nobody can see.
 *
 * @throws Error when the event alone is too large for a notification (send ids, not content).
 */
export async function publishEvent(
  em: EntityManager,
  userIds: readonly string[],
  event: RealtimeEvent,
): Promise<void> {
  for (const payload of payloads(userIds, event)) {
    await em.execute('SELECT pg_notify(?, ?)', [REALTIME_CHANNEL, payload]);
  }
}

/** The NOTIFY payloads for an event: JSON, each under the size limit, every user once. */
export function payloads(userIds: readonly string[], event: RealtimeEvent): string[] {
  const message = { type: event.type, ...(event.data === undefined ? {} : { data: event.data }) };
  const envelope = (users: string[]) => JSON.stringify({ users, event: message });
  const emptySize = bytes(envelope([]));
  if (emptySize > MAX_PAYLOAD_BYTES - 100) {
    throw new Error(
      `realtime event ${event.type} is ${emptySize} bytes; send ids and let clients refetch`,
    );
  }
  const result: string[] = [];
  let chunk: string[] = [];
  let size = emptySize;
  for (const userId of new Set(userIds)) {
    const added = bytes(JSON.stringify(userId)) + 1; // with its comma
    if (chunk.length > 0 && size + added > MAX_PAYLOAD_BYTES) {
      result.push(envelope(chunk));
      chunk = [];
      size = emptySize;
    }
    chunk.push(userId);
    size += added;
  }
  if (chunk.length > 0) result.push(envelope(chunk));
  return result;
}

function bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}
