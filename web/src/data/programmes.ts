import type { Static } from '@sinclair/typebox';
import type { ParticipantProgrammeSchema } from '@tandem/server/schemas/modules/enrolment/enrolment-schemas';
import type { PairSchema } from '@tandem/server/schemas/modules/pairs/pair-schemas';
import { api } from './api-client.js';

export type ParticipantProgramme = Static<typeof ParticipantProgrammeSchema>;
export type ProgrammeKind = ParticipantProgramme['kind'];
export type PairView = Static<typeof PairSchema>;

/** Programmes open to me now, and those I take or took part in, newest first. */
export const listMyProgrammes = (signal?: AbortSignal) =>
  api<ParticipantProgramme[]>('/api/programmes', signal ? { signal } : {});

export const getMyProgramme = (id: string, signal?: AbortSignal) =>
  api<ParticipantProgramme>(`/api/programmes/${encodeURIComponent(id)}`, signal ? { signal } : {});

/** My tandems (pairs), to link each programme to its tandem once matched. */
export const listMyPairs = (signal?: AbortSignal) =>
  api<PairView[]>('/api/pairs', signal ? { signal } : {});
