import type { Static } from '@sinclair/typebox';
import type {
  LunchRoundsSchema,
  MyLunchSchema,
} from '@tandem/server/schemas/modules/matching/lunch-schemas';
import { api } from './api-client.js';

export type MyLunch = Static<typeof MyLunchSchema>;
export type LunchRounds = Static<typeof LunchRoundsSchema>;
export type LunchRound = LunchRounds['rounds'][number];

const lunchPath = (programmeId: string) =>
  `/api/programmes/${encodeURIComponent(programmeId)}/lunch`;

export const readMyLunch = (programmeId: string, signal?: AbortSignal) =>
  api<MyLunch>(lunchPath(programmeId), signal ? { signal } : {});

/** "Skip this round": I sit out the next round. */
export const skipNextRound = (programmeId: string) =>
  api<MyLunch>(`${lunchPath(programmeId)}/skip`, { method: 'PUT' });

/** Take part in the next round after all; possible until it is drawn. */
export const undoSkip = (programmeId: string) =>
  api<MyLunch>(`${lunchPath(programmeId)}/skip`, { method: 'DELETE' });

export const readLunchRounds = (programmeId: string, signal?: AbortSignal) =>
  api<LunchRounds>(
    `/api/admin/programmes/${encodeURIComponent(programmeId)}/lunch-rounds`,
    signal ? { signal } : {},
  );
