import type { EntityManager } from '@mikro-orm/postgresql';
import { publishEvent } from '../../realtime/publish-event.js';
import { ServiceError } from '../../service-error.js';
import { Notification } from './notification.js';
import type { Inbox } from './notification-schemas.js';

/** The newest entries of the person's inbox, with the count of unread ones. */
export async function readInbox(em: EntityManager, userId: string, limit = 50): Promise<Inbox> {
  const fork = em.fork();
  const [entries, unread] = await Promise.all([
    fork.find(Notification, { recipient: userId }, { orderBy: { createdAt: 'desc' }, limit }),
    fork.count(Notification, { recipient: userId, readAt: null }),
  ]);
  return {
    unread,
    entries: entries.map((entry) => ({
      id: entry.id,
      kind: entry.kind,
      title: entry.title,
      text: entry.text,
      locale: entry.locale,
      link: entry.link ?? null,
      createdAt: entry.createdAt.toISOString(),
      readAt: entry.readAt?.toISOString() ?? null,
    })),
  };
}

/**
 * Marks one entry (or, without an id, all) as read and tells the person's other open tabs.
 *
 * @throws ServiceError not-found for an entry that is not the person's.
 */
export async function markRead(
  em: EntityManager,
  userId: string,
  notificationId?: string,
): Promise<Inbox> {
  await em.fork().transactional(async (tx) => {
    const where = notificationId
      ? { id: notificationId, recipient: userId }
      : { recipient: userId };
    if (notificationId && !(await tx.count(Notification, where)))
      throw new ServiceError('not-found', 'No such notification.');
    await tx.nativeUpdate(Notification, { ...where, readAt: null }, { readAt: new Date() });
    await publishEvent(tx, [userId], { type: 'inbox' });
  });
  return readInbox(em, userId);
}
