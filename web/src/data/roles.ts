import type { Static } from '@sinclair/typebox';
import type { ManagerSchema } from '@tandem/server/schemas/modules/programmes/programme-manager-schemas';
import type { StaffPersonSchema } from '@tandem/server/schemas/modules/users/role-schemas';
import { api } from './api-client.js';

export type StaffPerson = Static<typeof StaffPersonSchema>;
export type TandemRole = StaffPerson['roles'][number];
export type ProgrammeManager = Static<typeof ManagerSchema>;

export const TANDEM_ROLES: TandemRole[] = ['admin', 'programme-manager', 'report-reader'];

/** People whose name or email holds the query; without one, everyone holding a role. */
export const findStaff = (query: string, signal?: AbortSignal) =>
  api<StaffPerson[]>('/api/admin/people', {
    query: query ? { query } : {},
    ...(signal ? { signal } : {}),
  });

export const setRoles = (userId: string, roles: TandemRole[]) =>
  api<StaffPerson>(`/api/admin/users/${encodeURIComponent(userId)}/roles`, {
    method: 'PUT',
    body: { roles },
  });

const managersPath = (programmeId: string) =>
  `/api/admin/programmes/${encodeURIComponent(programmeId)}/managers`;

export const readProgrammeManagers = (programmeId: string, signal?: AbortSignal) =>
  api<ProgrammeManager[]>(managersPath(programmeId), signal ? { signal } : {});

export const setProgrammeManagers = (programmeId: string, userIds: string[]) =>
  api<ProgrammeManager[]>(managersPath(programmeId), { method: 'PUT', body: { userIds } });
