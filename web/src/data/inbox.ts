import type { Static } from '@sinclair/typebox';
import type { InboxSchema } from '@tandem/server/schemas/modules/notifications/notification-schemas';
import { api } from './api-client.js';

export type Inbox = Static<typeof InboxSchema>;
export type InboxEntry = Inbox['entries'][number];

export const readInbox = (limit = 50) => api<Inbox>('/api/me/inbox', { query: { limit } });

export const markRead = (id: string) =>
  api<Inbox>(`/api/me/inbox/${encodeURIComponent(id)}/read`, { method: 'POST' });

export const markAllRead = () => api<Inbox>('/api/me/inbox/read', { method: 'POST' });
