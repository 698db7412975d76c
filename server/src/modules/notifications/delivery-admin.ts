import type { EntityManager } from '@mikro-orm/postgresql';
import { enqueueJob } from '../../jobs/enqueue-job.js';
import { ServiceError } from '../../service-error.js';
import { recordAudit } from '../audit/audit-log.js';
import { managedProgrammeIds } from '../programmes/programme-managers.js';
import { hasRole } from '../users/tandem-roles.js';
import type { User } from '../users/user.js';
import { Delivery } from './delivery.js';
import type { DeliveryFilter, DeliveryView } from './notification-schemas.js';
import { DELIVER_NOTIFICATION } from './notify.js';

/**
 * Deliveries, newest first, e.g. the failed ones with their reasons: all of them for admins,
 * those about the programmes assigned to a programme manager for them.
 */
export async function listDeliveries(
  em: EntityManager,
  filter: DeliveryFilter,
  viewer: Pick<User, 'id' | 'roles'>,
): Promise<DeliveryView[]> {
  const fork = em.fork();
  const mine = hasRole(viewer, 'admin')
    ? {}
    : { notification: { programme: { $in: await managedProgrammeIds(fork, viewer.id) } } };
  const where = { ...(filter.state ? { state: filter.state } : {}), ...mine };
  const deliveries = await fork.find(Delivery, where, {
    populate: ['notification.recipient'],
    orderBy: { createdAt: 'desc', id: 'asc' },
    limit: filter.limit,
  });
  return deliveries.map(deliveryView);
}

/**
 * Sends a failed delivery again, from a fresh count of attempts (an admin fixed the address or
 * the mail server). Audited.
 *
 * @throws ServiceError not-found; conflict for a delivery that has not failed.
 */
export async function retryDelivery(
  em: EntityManager,
  adminId: string,
  deliveryId: string,
): Promise<DeliveryView> {
  const delivery = await em.fork().transactional(async (tx) => {
    const found = await tx.findOne(Delivery, deliveryId, { populate: ['notification.recipient'] });
    if (!found) throw new ServiceError('not-found', 'No such delivery.');
    if (found.state !== 'failed')
      throw new ServiceError('conflict', `This delivery is ${found.state}, not failed.`);
    tx.assign(found, { state: 'pending', attempts: 0 });
    await tx.flush();
    await enqueueJob(
      tx,
      DELIVER_NOTIFICATION,
      { deliveryId },
      { jobKey: `delivery:${deliveryId}` },
    );
    return found;
  });
  await recordAudit(em, {
    action: 'delivery.retried',
    actorId: adminId,
    targetType: 'delivery',
    targetId: deliveryId,
    data: { channel: delivery.channel, lastError: delivery.lastError ?? null },
  });
  return deliveryView(delivery);
}

function deliveryView(delivery: Delivery): DeliveryView {
  const { notification } = delivery;
  return {
    id: delivery.id,
    channel: delivery.channel,
    state: delivery.state,
    attempts: delivery.attempts,
    lastError: delivery.lastError ?? null,
    createdAt: delivery.createdAt.toISOString(),
    deliveredAt: delivery.deliveredAt?.toISOString() ?? null,
    kind: notification.kind,
    title: notification.title,
    recipient: { id: notification.recipient.id, name: notification.recipient.name },
  };
}
