import type { Static } from '@sinclair/typebox';
import type {
  AdminApprovalSchema,
  ApprovalSchema,
} from '@tandem/server/schemas/modules/approvals/approval-schemas';
import { api } from './api-client.js';

export type Approval = Static<typeof ApprovalSchema>;
export type AdminApproval = Static<typeof AdminApprovalSchema>;

const path = (id: string) => `/api/approvals/${encodeURIComponent(id)}`;

/** The requests I am asked as a line manager, waiting ones first. */
export const listMyApprovals = (signal?: AbortSignal) =>
  api<Approval[]>('/api/approvals', signal ? { signal } : {});

/** One request I am asked. */
export const getMyApproval = (id: string, signal?: AbortSignal) =>
  api<Approval>(path(id), signal ? { signal } : {});

/** Approves or declines, as the manager asked. */
export const answerApproval = (id: string, approve: boolean) =>
  api<Approval>(`${path(id)}/${approve ? 'approve' : 'decline'}`, { method: 'POST' });

/** A programme's requests still waiting, for admins. */
export const listProgrammeApprovals = (programmeId: string, signal?: AbortSignal) =>
  api<AdminApproval[]>(`/api/admin/programmes/${encodeURIComponent(programmeId)}/approvals`, {
    ...(signal ? { signal } : {}),
  });

/** Approves or declines on the manager's behalf, as an admin (audited). */
export const answerApprovalOnBehalf = (id: string, approve: boolean) =>
  api<Approval>(
    `/api/admin/approvals/${encodeURIComponent(id)}/${approve ? 'approve' : 'decline'}`,
    { method: 'POST' },
  );
