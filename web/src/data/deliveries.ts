import type { Static } from '@sinclair/typebox';
import type {
  DeliveryFilterSchema,
  DeliverySchema,
} from '@tandem/server/schemas/modules/notifications/notification-schemas';
import { api } from './api-client.js';

export type Delivery = Static<typeof DeliverySchema>;
export type DeliveryState = Delivery['state'];
export type DeliveryFilter = Partial<Static<typeof DeliveryFilterSchema>>;

export const DELIVERY_STATES: readonly DeliveryState[] = [
  'failed',
  'retry-later',
  'pending',
  'delivered',
];

export const readDeliveries = (filter: DeliveryFilter, signal?: AbortSignal) =>
  api<Delivery[]>('/api/admin/deliveries', { query: { ...filter }, ...(signal ? { signal } : {}) });

export const retryDelivery = (deliveryId: string) =>
  api<Delivery>(`/api/admin/deliveries/${encodeURIComponent(deliveryId)}/retry`, {
    method: 'POST',
  });
