import type { Static } from '@sinclair/typebox';
import type { DemoMailSchema } from '@tandem/server/schemas/demo/demo-mailbox-schemas';
import { api } from './api-client.js';

export type DemoMail = Static<typeof DemoMailSchema>;

/** Every message demo mode sent, newest first (admins, demo mode only). */
export const readDemoMailbox = (signal?: AbortSignal) =>
  api<DemoMail[]>('/api/admin/demo-mailbox', signal ? { signal } : {});
