import type { Static } from '@sinclair/typebox';
import type {
  CreateProgrammeSchema,
  ProgrammeSchema,
  UpdateProgrammeSchema,
} from '@tandem/server/schemas/modules/programmes/programme-schemas';
import { api } from './api-client.js';

export type Programme = Static<typeof ProgrammeSchema>;
export type ProgrammeState = Programme['state'];
export type ProgrammeKind = Programme['kind'];
export type ProgrammeSettings = Programme['settings'];
export type CreateProgramme = Static<typeof CreateProgrammeSchema>;
export type UpdateProgramme = Static<typeof UpdateProgrammeSchema>;
export type ProgrammeSettingsChange = NonNullable<UpdateProgramme['settings']>;

const path = (id: string) => `/api/admin/programmes/${encodeURIComponent(id)}`;

export const listProgrammes = (signal?: AbortSignal) =>
  api<Programme[]>('/api/admin/programmes', signal ? { signal } : {});

export const readProgramme = (id: string, signal?: AbortSignal) =>
  api<Programme>(path(id), signal ? { signal } : {});

export const createProgramme = (body: CreateProgramme) =>
  api<Programme>('/api/admin/programmes', { method: 'POST', body });

export const updateProgramme = (id: string, body: UpdateProgramme) =>
  api<Programme>(path(id), { method: 'PATCH', body });

export const transitionProgramme = (id: string, to: ProgrammeState) =>
  api<Programme>(`${path(id)}/transitions`, { method: 'POST', body: { to } });
