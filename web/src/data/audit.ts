import type { Static } from '@sinclair/typebox';
import type {
  AuditEventSchema,
  AuditFilterSchema,
  AuditPageSchema,
} from '@tandem/server/schemas/modules/audit/audit-schemas';
import { api } from './api-client.js';

export type AuditEvent = Static<typeof AuditEventSchema>;
export type AuditPage = Static<typeof AuditPageSchema>;
export type AuditFilter = Partial<Static<typeof AuditFilterSchema>>;

/** One page of the audit log, newest first. */
export const readAuditEvents = (filter: AuditFilter, signal?: AbortSignal) =>
  api<AuditPage>('/api/admin/audit', { query: { ...filter }, ...(signal ? { signal } : {}) });
