import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { createdAt, uuidPrimaryKey } from '../../db/common-properties.js';
import { Notification } from './notification.js';

export const DELIVERY_STATES = ['pending', 'delivered', 'retry-later', 'failed'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

/**
 * One notification over one channel (email, webhook, …). Unique per (notification, channel): the
 * idempotency key that makes every message go out once; its id is the `deliveryKey` a channel
 * sees, the same on every retry.
 */
export const Delivery = defineEntity({
  name: 'Delivery',
  tableName: 'delivery',
  indexes: [{ properties: ['state', 'createdAt'] }],
  uniques: [{ properties: ['notification', 'channel'] }],
  properties: {
    id: uuidPrimaryKey(),
    notification: () => p.manyToOne(Notification).deleteRule('cascade'),
    channel: p.string(),
    state: p.enum([...DELIVERY_STATES]).default('pending'),
    attempts: p.integer().default(0),
    lastError: p.text().nullable(),
    createdAt: createdAt(),
    deliveredAt: p.datetime().nullable(),
  },
});
export type Delivery = InferEntity<typeof Delivery>;
